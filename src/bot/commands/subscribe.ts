/** `subscribe [time HH:MM] [timezone Area/City] [topics words...]`: the daily roundup here. */
import { z } from "zod";
import {
  canonicalZone,
  looksLikeTime,
  normalizeTime,
  TimeOfDaySchema,
  TimeZoneSchema,
} from "../../validators.js";
import { chatCommand } from "../command.js";
import { words } from "./args.js";
import { currentSettings, settingsReply } from "./channel-settings.js";

const ZONE_SHAPE = /^(?:[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}|UTC|GMT)$/i;
/** "Europe/Berln" is a mistyped zone (to be refused by name), not a topic. */
const ZONE_AREA = /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\//i;
/** `subscribe topics all` (or none) drops the filters. */
const ALL_TOPICS = /^(all|none|everything|any)$/i;

function parse(rest: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const tokens = words(rest);
  const topicWords: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const lower = t.toLowerCase();
    if ((lower === "time" || lower === "at") && tokens[i + 1])
      args.time = normalizeTime(tokens[++i] as string);
    else if ((lower === "timezone" || lower === "tz" || lower === "zone") && tokens[i + 1]) {
      const zone = tokens[++i] as string;
      // An unknown zone is passed on as typed, so the validation message can name it.
      args.timezone = canonicalZone(zone) ?? zone;
    } else if (lower === "topics" || lower === "keywords" || lower === "topic") continue;
    else if (looksLikeTime(t)) args.time = normalizeTime(t);
    else if (ZONE_SHAPE.test(t) && (canonicalZone(t) || ZONE_AREA.test(t)))
      args.timezone = canonicalZone(t) ?? t;
    else topicWords.push(t);
  }
  const joined = topicWords.join(" ");
  args.topics = joined.includes(",")
    ? joined
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : topicWords;
  return args;
}

export const subscribe = chatCommand({
  name: "subscribe",
  aliases: ["sub"],
  usage: "subscribe [time HH:MM] [timezone Area/City] [topics words...]",
  summary: "post the daily roundup in this channel",
  args: z.object({
    time: TimeOfDaySchema.optional(),
    timezone: TimeZoneSchema.optional(),
    topics: z.array(z.string().trim().min(1)).default([]),
  }),
  parse,
  options: [
    { name: "time", kind: "text", description: "When, HH:MM (24-hour)", maxLength: 5 },
    { name: "timezone", kind: "text", description: "IANA time zone, e.g. Europe/Berlin", maxLength: 64 },
    { name: "topics", kind: "list", description: "Only papers about these, comma-separated", maxLength: 200 },
  ],
  run(args, on) {
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
      settingsReply(
        next,
        `Subscribed: the daily roundup will be posted here at ${next.time} (${next.timezone})${about}.`,
      ),
    ];
  },
});
