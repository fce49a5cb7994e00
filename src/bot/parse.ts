/**
 * From chat text (or a platform's structured options) to a validated command invocation: one
 * parser for every platform, driven by the registry. Never throws.
 */
import type { z } from "zod";
import { nearest } from "../text/nearest.js";
import { type ChatCommand, findCommand } from "./command.js";
import { CHAT_COMMANDS } from "./commands/index.js";

/** Longest query/question text kept; beyond it the text is cut (and the user told). */
export const MAX_TEXT = 2000;

/** A command and its validated arguments, flat: `{ name: "search", query: "…", offset: 0 }`. */
export type Invocation = { name: string } & Record<string, unknown>;

export type ParseResult =
  | { ok: true; command: Invocation; truncated: boolean; limit?: number }
  | { ok: false; error: string; usage?: string; suggestion?: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "is invalid";
  const field = issue.path.filter((p) => p !== "name").join(".");
  return field ? `${field} ${issue.message}` : issue.message;
}

const QUESTION_WORD =
  /^(?:what|whats|what's|how|why|which|who|where|when|does|do|did|is|are|was|were|can|could|should|would|will)$/;

/** A question rather than a command: it ends with "?" or opens with a question word and goes on. */
function looksLikeQuestion(word: string, rest: string): boolean {
  return /\?\s*$/.test(rest || word) || (QUESTION_WORD.test(word) && rest.split(/\s+/).length >= 2);
}

/** Splits "name rest" into the command word and the rest, dropping a leading "/" or "/papers". */
function head(text: string): { word: string; rest: string } {
  const trimmed = text.trim().replace(/^\/(?:papers?\s+)?/i, "");
  const m = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return { word: "", rest: "" };
  return { word: (m[1] as string).toLowerCase(), rest: (m[2] as string).trim() };
}

/** Validates raw arguments for `command`; a usage error names the first bad one. */
export function invoke(command: ChatCommand, raw: Record<string, unknown>, truncated = false): ParseResult {
  const parsed = command.args.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `\`${command.name}\` ${firstIssue(parsed.error)}.`, usage: command.usage };
  }
  return { ok: true, command: { ...(parsed.data as object), name: command.name }, truncated };
}

export function resolveCommandWord(
  word: string,
  commands: readonly ChatCommand[] = CHAT_COMMANDS,
): ChatCommand | null {
  return findCommand(commands, word);
}

/**
 * Parses `text` as a command. Texts over the command's `maxText` (default MAX_TEXT) characters are
 * cut there (and flagged).
 */
export function parseCommand(text: string, commands: readonly ChatCommand[] = CHAT_COMMANDS): ParseResult {
  const { word } = head(text.slice(0, MAX_TEXT));
  if (!word) {
    return { ok: false, error: "Say what you want: try `search <words>` or `help`.", usage: "help" };
  }
  const command = findCommand(commands, word);
  if (!command) {
    // "what is proposed?" outside a discussion: say where questions go, not "did you mean `what`".
    if (looksLikeQuestion(word, head(text.slice(0, MAX_TEXT)).rest)) {
      return {
        ok: false,
        error:
          "That looks like a question. Questions about a paper go in its discussion: `discuss <id>` opens one; or ask here with `ask <id> <question>`.",
      };
    }
    const words = [...commands.map((c) => c.name), ...commands.flatMap((c) => c.aliases ?? [])];
    const suggestion = nearest(word, words);
    const resolved = suggestion ? findCommand(commands, suggestion) : null;
    return {
      ok: false,
      error: `Unknown command "${word.slice(0, 40)}".${resolved ? ` Did you mean \`${resolved.name}\`?` : ""} Try \`help\` for the list.`,
      suggestion: resolved?.name,
      usage: resolved?.usage,
    };
  }
  const limit = command.maxText ?? MAX_TEXT;
  const truncated = text.length > limit;
  const { rest } = head(truncated ? text.slice(0, limit) : text);
  const parsed = invoke(command, command.parse?.(rest) ?? {}, truncated);
  return parsed.ok && limit !== MAX_TEXT ? { ...parsed, limit } : parsed;
}

/** Validates an already-structured command (a platform's options, e.g. Discord's). */
export function validateCommand(
  input: Record<string, unknown>,
  commands: readonly ChatCommand[] = CHAT_COMMANDS,
): ParseResult {
  const command = typeof input.name === "string" ? findCommand(commands, input.name) : null;
  if (!command) return { ok: false, error: "Unknown command; try `help`." };
  const { name: _name, ...args } = input;
  return invoke(command, args);
}
