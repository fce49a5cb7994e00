/**
 * `subscribe [time HH:MM] [timezone Area/City] [topics words...]`: the daily roundup here.
 * `subscribe weekly [day] [HH:MM] [timezone Area/City]` (or `subscribe weekly off`): the weekly
 * digest. `subscribe quiet on|off`: a short notice on days the source publishes no papers.
 */
import { z } from "zod";
import { ChannelDigestStore } from "../../archive/channel-digests.js";
import {
  canonicalZone,
  looksLikeTime,
  normalizeTime,
  TimeOfDaySchema,
  TimeZoneSchema,
} from "../../validators.js";
import { type CommandRun, chatCommand } from "../command.js";
import { words } from "./args.js";
import { channelSettingsReply, currentSettings, WEEKDAY_NAMES } from "./channel-settings.js";

const ZONE_SHAPE = /^(?:[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}|UTC|GMT)$/i;
/** "Europe/Berln" is a mistyped zone (to be refused by name), not a topic. */
const ZONE_AREA = /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\//i;
/** `subscribe topics all` (or none) drops the filters. */
const ALL_TOPICS = /^(all|none|everything|any)$/i;
const MODES = ["daily", "weekly", "quiet"] as const;
const STATES = ["on", "off"] as const;
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
const ON_WORDS = /^(on|yes|true|start)$/i;
const OFF_WORDS = /^(off|no|false|stop|none)$/i;

/** "mon", "Tues", "thursday" → "thursday"; null for a word that is no weekday. */
function weekday(word: string): (typeof WEEKDAYS)[number] | null {
  const w = word.toLowerCase().replace(/s$/, "");
  if (w.length < 2) return null;
  return WEEKDAYS.find((d) => d.startsWith(w) || (w.length >= 3 && d.startsWith(w.slice(0, 3)))) ?? null;
}

function parseTimeAndZone(tokens: readonly string[], args: Record<string, unknown>, rest: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const lower = t.toLowerCase();
    if ((lower === "time" || lower === "at") && tokens[i + 1])
      args.time = normalizeTime(tokens[++i] as string);
    else if ((lower === "timezone" || lower === "tz" || lower === "zone") && tokens[i + 1]) {
      const zone = tokens[++i] as string;
      // An unknown zone is passed on as typed, so the validation message can name it.
      args.timezone = canonicalZone(zone) ?? zone;
    } else if (looksLikeTime(t)) args.time = normalizeTime(t);
    else if (ZONE_SHAPE.test(t) && (canonicalZone(t) || ZONE_AREA.test(t)))
      args.timezone = canonicalZone(t) ?? t;
    else rest.push(t);
  }
}

function parse(rest: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const tokens = words(rest);
  const first = tokens[0]?.toLowerCase();
  if (first === "weekly" || first === "week") {
    args.mode = "weekly";
    const others: string[] = [];
    parseTimeAndZone(tokens.slice(1), args, others);
    for (const t of others) {
      const day = weekday(t);
      if (OFF_WORDS.test(t)) args.state = "off";
      else if (day) args.day = day;
      else if (!/^(on|every|day)$/i.test(t)) args.unknown = t;
    }
    return args;
  }
  if (first === "quiet") {
    args.mode = "quiet";
    const word = tokens[1] ?? "on";
    args.state = ON_WORDS.test(word) ? "on" : OFF_WORDS.test(word) ? "off" : word;
    return args;
  }
  const topicWords: string[] = [];
  parseTimeAndZone(
    tokens.filter((t) => !/^(topics?|keywords)$/i.test(t)),
    args,
    topicWords,
  );
  const joined = topicWords.join(" ");
  args.topics = joined.includes(",")
    ? joined
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : topicWords;
  return args;
}

const Args = z
  .object({
    mode: z.enum(MODES, { error: `must be one of ${MODES.join(", ")}` }).default("daily"),
    time: TimeOfDaySchema.optional(),
    timezone: TimeZoneSchema.optional(),
    topics: z.array(z.string().trim().min(1)).default([]),
    day: z.enum(WEEKDAYS, { error: "must be a day of the week, e.g. monday" }).optional(),
    state: z.enum(STATES, { error: "must be on or off" }).optional(),
    /** A word `subscribe weekly` did not understand (refused by name). */
    unknown: z.string().optional(),
  })
  .refine((a) => a.unknown === undefined, {
    message: "has a word that is neither a day, a time (HH:MM) nor a time zone",
    path: ["unknown"],
  });

export const subscribe = chatCommand({
  name: "subscribe",
  aliases: ["sub"],
  usage:
    "subscribe [time HH:MM] [timezone Area/City] [topics words...] | subscribe weekly [day] [HH:MM] | subscribe quiet on|off",
  summary: "post the daily roundup (or the weekly digest, or quiet-day notices) in this channel",
  args: Args,
  parse,
  options: [
    {
      name: "what",
      arg: "mode",
      kind: "text",
      description: "daily roundup (default), weekly digest, or quiet-day notices",
      choices: MODES,
    },
    { name: "time", kind: "text", description: "When, HH:MM (24-hour)", maxLength: 5 },
    { name: "timezone", kind: "text", description: "IANA time zone, e.g. Europe/Berlin", maxLength: 64 },
    {
      name: "topics",
      kind: "list",
      description: "Daily: only papers about these, comma-separated",
      maxLength: 200,
    },
    {
      name: "day",
      kind: "text",
      description: "Weekly: the day it is posted (default monday)",
      choices: WEEKDAYS,
    },
    { name: "state", kind: "text", description: "Weekly or quiet: on or off", choices: STATES },
  ],
  run(args, on) {
    if (args.mode === "weekly") return [weekly(args, on)];
    if (args.mode === "quiet") return [quiet(args.state !== "off", on)];
    const current = currentSettings(on);
    // No topics keeps the current ones; `topics all` drops them.
    const clear = args.topics.length === 1 && ALL_TOPICS.test(args.topics[0] ?? "");
    const next = {
      ...current,
      workspace: on.ctx.workspace,
      subscribed: true,
      time: args.time ?? current.time,
      timezone: args.timezone ?? current.timezone,
      filters: clear ? [] : args.topics.length ? args.topics : current.filters,
    };
    on.engine.saveChannelSettings(next);
    const about = next.filters.length ? `, only papers about: ${next.filters.join(", ")}` : "";
    return [
      channelSettingsReply(
        on,
        next,
        `Subscribed: the daily roundup will be posted here at ${next.time} (${next.timezone})${about}.`,
      ),
    ];
  },
});

function weekly(args: z.output<typeof Args>, on: CommandRun) {
  const place = { platform: on.ctx.platform, workspace: on.ctx.workspace, channel: on.ctx.channel };
  const store = on.engine.store(ChannelDigestStore);
  let settings = currentSettings(on);
  if (args.state === "off") {
    const had = store.get(place).weekly !== null;
    store.setWeekly(place, null);
    return channelSettingsReply(
      on,
      settings,
      had ? "Weekly digest stopped." : "This channel had no weekly digest; nothing changed.",
    );
  }
  // The digest keeps the channel's zone (one zone per channel, shared with the daily roundup),
  // stored even when it is the default, so the scheduler posts at the time this reply states.
  const stored = on.engine.channels.get({ platform: on.ctx.platform, channel: on.ctx.channel });
  if (!stored || (args.timezone && args.timezone !== settings.timezone)) {
    settings = { ...settings, workspace: on.ctx.workspace, timezone: args.timezone ?? settings.timezone };
    on.engine.saveChannelSettings(settings);
  }
  const current = store.get(place).weekly;
  const day = args.day ? WEEKDAYS.indexOf(args.day) + 1 : (current?.day ?? 1);
  const time = args.time ?? current?.time ?? settings.time;
  store.setWeekly(place, { day, time });
  return channelSettingsReply(
    on,
    settings,
    `Weekly digest: every ${WEEKDAY_NAMES[day - 1]} at ${time} (${settings.timezone}), with the week's topics, the papers this channel discussed most, and its reading queue.`,
  );
}

function quiet(wanted: boolean, on: CommandRun) {
  const place = { platform: on.ctx.platform, workspace: on.ctx.workspace, channel: on.ctx.channel };
  on.engine.store(ChannelDigestStore).setQuietNotices(place, wanted);
  const settings = currentSettings(on);
  const daily = settings.subscribed
    ? ""
    : " (this channel gets no daily roundup yet: `subscribe` starts it, and the notices with it)";
  return channelSettingsReply(
    on,
    settings,
    wanted
      ? `Quiet days: on a day the source publishes no papers, a one-line notice is posted here instead of the roundup${daily}.`
      : "Quiet days: nothing is posted on a day without papers (its roundup still comes if papers appear later).",
  );
}
