/** From chat text to a Command: one parser for every platform. Never throws. */
import type { z } from "zod";
import { nearest } from "../cli/nearest.js";
import { ALIASES, COMMAND_DOCS, COMMAND_NAMES, Command, type CommandName, MAX_TEXT } from "./commands.js";

export type ParseResult =
  | { ok: true; command: Command; truncated: boolean }
  | { ok: false; error: string; usage?: string; suggestion?: string };

const FLAG = /^(?:--)?(since|until|offset|has)[:=](.+)$/i;

function usageOf(name: CommandName): string {
  return COMMAND_DOCS.find((d) => d.name === name)?.usage ?? name;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "is invalid";
  const field = issue.path.filter((p) => p !== "name").join(".");
  return field ? `${field} ${issue.message}` : issue.message;
}

/** Splits "name rest" into the command word and the rest, resolving aliases and a leading "/". */
function head(text: string): { word: string; rest: string } {
  const trimmed = text.trim().replace(/^\/(?:papers?\s+)?/i, "");
  const m = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return { word: "", rest: "" };
  return { word: (m[1] as string).toLowerCase(), rest: (m[2] as string).trim() };
}

function searchArgs(rest: string): Record<string, unknown> {
  const words: string[] = [];
  const args: Record<string, unknown> = {};
  const tokens = rest.split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === "--has-code") {
      args.hasCode = true;
      continue;
    }
    if ((t === "--since" || t === "--until" || t === "--offset") && tokens[i + 1]) {
      const key = t.slice(2);
      args[key] = key === "offset" ? Number(tokens[++i]) : tokens[++i];
      continue;
    }
    const f = FLAG.exec(t);
    if (f) {
      const key = (f[1] as string).toLowerCase();
      const value = f[2] as string;
      if (key === "has") {
        if (value.toLowerCase() === "code") args.hasCode = true;
        else words.push(t);
      } else args[key] = key === "offset" ? Number(value) : value;
      continue;
    }
    words.push(t);
  }
  args.query = words.join(" ");
  return args;
}

/** "europe/berlin" → "Europe/Berlin"; null when it is not a zone Intl knows. */
function canonicalZone(text: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const ZONE_SHAPE = /^(?:[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}|UTC|GMT)$/i;
/** "Europe/Berln" is a mistyped zone (to be refused by name), not a topic. */
const ZONE_AREA = /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\//i;
const TIME_SHAPE = /^(\d{1,2})[:.h](\d{2})$/;

/** "9:00", "09.00", "9h00" → "09:00"; other text unchanged (validation names the problem). */
function normalizeTime(text: string): string {
  const m = TIME_SHAPE.exec(text);
  return m ? `${(m[1] as string).padStart(2, "0")}:${m[2]}` : text;
}

function subscribeArgs(rest: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const tokens = rest.split(/\s+/).filter(Boolean);
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
    else if (TIME_SHAPE.test(t)) args.time = normalizeTime(t);
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

function argsFor(name: CommandName, rest: string): Record<string, unknown> {
  switch (name) {
    case "search":
      return searchArgs(rest);
    case "show":
    case "discuss":
      return { id: rest.split(/\s+/)[0] ?? "" };
    case "summary":
    case "related":
    case "code":
      return rest ? { id: rest.split(/\s+/)[0] } : {};
    case "day": {
      const [date, ...more] = rest.split(/\s+/);
      const offset = more.map((m) => FLAG.exec(m)).find((f) => f?.[1]?.toLowerCase() === "offset")?.[2];
      return { date: date ?? "", ...(offset ? { offset: Number(offset) } : {}) };
    }
    case "roundup":
      return rest ? { date: rest.split(/\s+/)[0] } : {};
    case "ask":
      return { question: rest };
    case "subscribe":
      return subscribeArgs(rest);
    case "help":
      return rest ? { topic: rest.split(/\s+/)[0]?.toLowerCase() } : {};
    default:
      return {};
  }
}

export function resolveCommandWord(word: string): CommandName | null {
  const w = word.toLowerCase();
  if (COMMAND_NAMES.includes(w)) return w as CommandName;
  return ALIASES[w] ?? null;
}

/** Parses `text` as a command. Texts over MAX_TEXT characters are cut there (and flagged). */
export function parseCommand(text: string): ParseResult {
  const truncated = text.length > MAX_TEXT;
  const { word, rest } = head(truncated ? text.slice(0, MAX_TEXT) : text);
  if (!word) {
    return { ok: false, error: "Say what you want: try `search <words>` or `help`.", usage: "help" };
  }
  const name = resolveCommandWord(word);
  if (!name) {
    const suggestion = nearest(word, [...COMMAND_NAMES, ...Object.keys(ALIASES)]);
    const resolved = suggestion ? (resolveCommandWord(suggestion) ?? undefined) : undefined;
    return {
      ok: false,
      error: `Unknown command "${word.slice(0, 40)}".${resolved ? ` Did you mean \`${resolved}\`?` : ""} Try \`help\` for the list.`,
      suggestion: resolved,
      usage: resolved ? usageOf(resolved) : undefined,
    };
  }
  const parsed = Command.safeParse({ name, ...argsFor(name, rest) });
  if (!parsed.success) {
    return { ok: false, error: `\`${name}\` ${firstIssue(parsed.error)}.`, usage: usageOf(name) };
  }
  return { ok: true, command: parsed.data, truncated };
}

/** Validates an already-structured command (Discord options, buttons). */
export function validateCommand(input: Record<string, unknown>): ParseResult {
  const parsed = Command.safeParse(input);
  if (parsed.success) return { ok: true, command: parsed.data, truncated: false };
  const name = typeof input.name === "string" ? (resolveCommandWord(input.name) ?? undefined) : undefined;
  return {
    ok: false,
    error: name ? `\`${name}\` ${firstIssue(parsed.error)}.` : "Unknown command; try `help`.",
    usage: name ? usageOf(name) : undefined,
  };
}
