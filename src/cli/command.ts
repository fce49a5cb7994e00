/** What a CLI command is: a name, its flags, and a function from parsed arguments to an exit status. */
import type { ParseArgsConfig } from "node:util";
import type { Config } from "../../config/schema.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { Paperboy } from "../paperboy.js";
import type { CliIO } from "./io.js";

export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CommandContext {
  io: CliIO;
  json: boolean;
  dbPath: string;
  /** The config file named by --config / PAPERBOY_CONFIG / ./config/paperboy.json, if any. */
  configPath: string | null;
  clock: Clock;
  logger: Logger;
  /**
   * Loads and checks the config file (--config, PAPERBOY_CONFIG, ./config/paperboy.json, or the
   * defaults) with the environment applied; once, later calls return the same one. Throws a
   * ConfigError naming the key, the value and the fix.
   */
  config(): Config;
  /** Opens the engine on the archive (once; later calls return the same one). */
  engine(options?: { readonly?: boolean }): Paperboy;
  /** Writes one JSON document to stdout (the only thing `--json` prints there). */
  printJson(value: unknown): void;
  print(line?: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** More for `--help` after the summary: what the arguments hold (a data format), examples. */
  help?: string;
  options?: OptionsConfig;
  /** Minimum and maximum positional arguments (max undefined: any number). */
  args?: { min: number; max?: number };
  run(ctx: CommandContext, args: string[], values: OptionValues): Promise<number> | number;
}

/**
 * A command whose module (and its platform SDK: Bolt, discord.js) loads only when it runs, so
 * `ingest`, `search` and the rest do not pay a second of start-up for SDKs they never use.
 */
export function lazyCommand(meta: Omit<Command, "run">, load: () => Promise<Command>): Command {
  return { ...meta, run: async (ctx, args, values) => (await load()).run(ctx, args, values) };
}
