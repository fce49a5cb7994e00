/**
 * What a chat command is: its name and the other words that call it, its help, how chat text
 * becomes its arguments, the options a platform declares for it, and what it does. One file per
 * command under ./commands/, listed in ./commands/index.ts: the bot looks commands up there, and
 * `help`, the parser and every platform's declarations (Discord's /papers subcommands) read them.
 */
import type { z } from "zod";
import type { Logger } from "../logger.js";
import type { Paperboy } from "../paperboy.js";
import type { Paper } from "../types.js";
import type { Context } from "./context.js";
import type { Reply } from "./replies.js";

/**
 * What an option holds, so a platform can declare it well: `paper` is an id the platform may
 * autocomplete, `date` a YYYY-MM-DD day, `flag` a yes/no, `list` comma-separated words (an array
 * argument), `command` the name of one of the commands.
 */
export type OptionKind = "text" | "paper" | "date" | "flag" | "list" | "command";

export interface CommandOption {
  /** As platforms show it: lower case, words joined by "_". */
  name: string;
  /** The argument it fills; default its name. */
  arg?: string;
  kind: OptionKind;
  /** Shown beside the option; platforms describe `paper` options themselves when left out. */
  description?: string;
  required?: boolean;
  maxLength?: number;
  /** The only values a `text` option takes (a platform offers them as choices). */
  choices?: readonly string[];
}

/** What a command runs with: the engine, who asked where, and the bot's settings. */
export interface CommandRun {
  engine: Paperboy;
  ctx: Context;
  /** The paper of the discussion thread the command came from; null outside one. */
  thread: Paper | null;
  /** Results per page in chat. */
  pageSize: number;
  /** A channel's roundup settings before it chose any. */
  channelDefaults: { time: string; timezone: string };
  logger: Logger;
  /** Every command, in help order (what `help` lists). */
  commands: readonly ChatCommand[];
  /** The command the "More" of the last list this user got here would run; null when none. */
  continuation: string | null;
  /** Runs a command line as if typed here (what `more` does with the continuation). */
  dispatch(text: string): Promise<Reply[]>;
}

export interface ChatCommand<Args = unknown> {
  name: string;
  /** Other words that call it ("find" for search). */
  aliases?: readonly string[];
  /** How it is written, e.g. "show <id>". */
  usage: string;
  /** One line for `help`, lower case, no final period. */
  summary: string;
  /**
   * How it takes a paper: "required" (`show <id>`: in a discussion thread, `show me the results`
   * is then a question, not a paper called "me") or "thread" (the id may be left out inside a
   * discussion thread, which names the paper).
   */
  paper?: "required" | "thread";
  /** In a discussion thread, text that is no command runs this command with the whole text. */
  threadDefault?: boolean;
  /** Its reply opens a discussion thread (a platform may check its permissions first). */
  opensThread?: boolean;
  /** The validated arguments: what `parse` returns and a platform's structured options alike. */
  args: z.ZodType<Args>;
  /**
   * The longest message read for it, in characters; default MAX_TEXT. A command that refuses long
   * input by name (a note over its limit) reads all of it, so nothing is silently cut.
   */
  maxText?: number;
  /** Chat text after the command word → arguments for `args`; none when left out. */
  parse?(rest: string): Record<string, unknown>;
  /** The options a platform declares for it, in order; none when left out. */
  options?: readonly CommandOption[];
  /** False: not declared on platforms with declared commands (`ask` is a thread message there). */
  declared?: boolean;
  run(args: Args, on: CommandRun): Reply[] | Promise<Reply[]>;
}

/** Types a command's `run` by its `args` schema; what the registry lists. */
export function chatCommand<S extends z.ZodType>(
  command: Omit<ChatCommand<z.output<S>>, "args"> & { args: S },
): ChatCommand {
  return command as unknown as ChatCommand;
}

/** The command a word names (its name or an alias, any case), or null. */
export function findCommand(commands: readonly ChatCommand[], word: string): ChatCommand | null {
  const w = word.toLowerCase();
  return commands.find((c) => c.name === w) ?? commands.find((c) => c.aliases?.includes(w)) ?? null;
}
