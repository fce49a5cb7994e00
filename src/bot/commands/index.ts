/**
 * Every chat command, in the order `help` lists them (and Discord declares them). Adding one is a
 * file beside this one and a line here; see ARCHITECTURE.md.
 */
import type { ChatCommand } from "../command.js";
import { about } from "./about.js";
import { ask } from "./ask.js";
import { code } from "./code.js";
import { day } from "./day.js";
import { discuss } from "./discuss.js";
import { exportCommand } from "./export.js";
import { help } from "./help.js";
import { interests } from "./interests.js";
import { more } from "./more.js";
import { note } from "./note.js";
import { notes } from "./notes.js";
import { queue } from "./queue.js";
import { related } from "./related.js";
import { roundup } from "./roundup.js";
import { search } from "./search.js";
import { settings } from "./settings.js";
import { show } from "./show.js";
import { subscribe } from "./subscribe.js";
import { summary } from "./summary.js";
import { today } from "./today.js";
import { trends } from "./trends.js";
import { unsubscribe } from "./unsubscribe.js";
import { unwatch } from "./unwatch.js";
import { watch } from "./watch.js";
import { watches } from "./watches.js";

export const CHAT_COMMANDS: readonly ChatCommand[] = [
  search,
  more,
  show,
  summary,
  related,
  code,
  today,
  day,
  roundup,
  trends,
  discuss,
  ask,
  note,
  notes,
  queue,
  exportCommand,
  watch,
  watches,
  unwatch,
  subscribe,
  unsubscribe,
  settings,
  interests,
  about,
  help,
];
