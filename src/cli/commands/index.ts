/** Every command of the CLI, in the order `help` lists them. */
import { NotAvailableError } from "../../errors.js";
import type { Command } from "../command.js";
import { ask } from "./ask.js";
import { backup, restore } from "./backup.js";
import { evalCommand } from "./eval.js";
import { exportCommand } from "./export.js";
import { fetchCommand } from "./fetch.js";
import { forget } from "./forget.js";
import { ingest } from "./ingest.js";
import { list } from "./list.js";
import { related } from "./related.js";
import { roundup } from "./roundup.js";
import { search } from "./search.js";
import { show } from "./show.js";
import { summarize } from "./summarize.js";

function notYet(name: string, summary: string, usage: string): Command {
  return {
    name,
    summary: `${summary} (not available yet)`,
    usage,
    run() {
      throw new NotAvailableError(name);
    },
  };
}

export const COMMANDS: Command[] = [
  ingest,
  fetchCommand,
  list,
  search,
  show,
  summarize,
  related,
  ask,
  roundup,
  exportCommand,
  evalCommand,
  notYet("chat", "the chat bot at a terminal prompt", "chat"),
  notYet("serve", "run the enabled adapters and the scheduler", "serve"),
  backup,
  restore,
  forget,
  notYet("doctor", "check config, database integrity, platforms and ports, and print fixes", "doctor"),
];
