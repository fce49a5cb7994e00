/**
 * The bot's commands, parsed once, here, for every platform. Adapters hand over text (a slash
 * command's argument, a mention, a thread message, a button's command) or already-structured
 * options (Discord), and get a validated Command or a helpful usage error.
 */
import { z } from "zod";
import { isIsoDate } from "../clock.js";

const Id = z.string().trim().min(1, "needs a paper id").max(200, "is too long for a paper id");
const IsoDate = z.string().refine(isIsoDate, "must be a date written YYYY-MM-DD");
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time written HH:MM (24-hour)");
const Zone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/Berlin or America/New_York");

/** Longest query/question text kept; beyond it the text is cut (and the user told). */
export const MAX_TEXT = 2000;

export const Command = z.discriminatedUnion("name", [
  z.object({
    name: z.literal("search"),
    query: z.string().trim().min(1, "needs some words to search for"),
    since: IsoDate.optional(),
    until: IsoDate.optional(),
    hasCode: z.boolean().optional(),
    offset: z.number().int().min(0).default(0),
  }),
  z.object({ name: z.literal("show"), id: Id }),
  z.object({ name: z.literal("summary"), id: Id.optional() }),
  z.object({ name: z.literal("related"), id: Id.optional() }),
  z.object({ name: z.literal("code"), id: Id.optional() }),
  z.object({ name: z.literal("today") }),
  z.object({ name: z.literal("day"), date: IsoDate, offset: z.number().int().min(0).default(0) }),
  z.object({ name: z.literal("roundup"), date: IsoDate.optional() }),
  z.object({ name: z.literal("discuss"), id: Id }),
  z.object({ name: z.literal("ask"), question: z.string().trim().min(1, "needs a question") }),
  z.object({
    name: z.literal("subscribe"),
    time: Time.optional(),
    timezone: Zone.optional(),
    topics: z.array(z.string().trim().min(1)).default([]),
  }),
  z.object({ name: z.literal("unsubscribe") }),
  z.object({ name: z.literal("settings") }),
  z.object({ name: z.literal("help"), topic: z.string().optional() }),
]);
export type Command = z.infer<typeof Command>;
export type CommandName = Command["name"];

export interface CommandDoc {
  name: CommandName;
  usage: string;
  summary: string;
  /** Works inside a discussion thread without an id. */
  threadAware?: boolean;
}

export const COMMAND_DOCS: readonly CommandDoc[] = [
  {
    name: "search",
    usage: "search <words> [since:YYYY-MM-DD] [until:YYYY-MM-DD] [has:code]",
    summary: "search the archive",
  },
  { name: "show", usage: "show <id>", summary: "a paper: TL;DR, key results, abstract, links" },
  { name: "summary", usage: "summary <id>", summary: "a paper's TL;DR and key results", threadAware: true },
  { name: "related", usage: "related <id>", summary: "papers close to one paper", threadAware: true },
  { name: "code", usage: "code <id>", summary: "a paper's code and links", threadAware: true },
  { name: "today", usage: "today", summary: "the newest digest's papers" },
  { name: "day", usage: "day <YYYY-MM-DD>", summary: "the papers of one digest day" },
  { name: "roundup", usage: "roundup [YYYY-MM-DD]", summary: "a day's papers grouped by topic" },
  { name: "discuss", usage: "discuss <id>", summary: "open a thread about a paper; ask questions in it" },
  {
    name: "ask",
    usage: "ask <question>",
    summary: "inside a discussion thread: ask about its paper",
    threadAware: true,
  },
  {
    name: "subscribe",
    usage: "subscribe [time HH:MM] [timezone Area/City] [topics words...]",
    summary: "post the daily roundup in this channel",
  },
  { name: "unsubscribe", usage: "unsubscribe", summary: "stop the daily roundup in this channel" },
  { name: "settings", usage: "settings", summary: "this channel's roundup settings" },
  { name: "help", usage: "help [command]", summary: "this list" },
];

export const COMMAND_NAMES: readonly string[] = COMMAND_DOCS.map((d) => d.name);

/** Words that name a command in chat besides its own name. */
export const ALIASES: Record<string, CommandName> = {
  find: "search",
  s: "search",
  paper: "show",
  tldr: "summary",
  summarize: "summary",
  similar: "related",
  links: "code",
  repo: "code",
  thread: "discuss",
  sub: "subscribe",
  unsub: "unsubscribe",
  config: "settings",
  "?": "help",
};
