/**
 * The command line: global flags anywhere, then a command and its own
 * flags. Exit 0 on success, 1 on a user error (one line on stderr: what, where, how to fix),
 * 2 on a usage error. `--json` prints exactly one JSON document on stdout.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../../config/load.js";
import type { PlatformConfig } from "../../config/platform.js";
import type { Config } from "../../config/schema.js";
import { type Clock, systemClock } from "../clock.js";
import { DEFAULTS } from "../defaults.js";
import { isPaperboyError, UsageError } from "../errors.js";
import { createLogger, type Logger, redactSecrets } from "../logger.js";
import { Paperboy } from "../paperboy.js";
import { VERSION } from "../paths.js";
import { nearest } from "../text/nearest.js";
import type { Command, CommandContext, OptionsConfig, OptionValues } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { type CliIO, processIO } from "./io.js";

export interface MainDeps {
  io?: CliIO;
  clock?: Clock;
  logger?: Logger;
  /**
   * Commands that need adapters (chat, serve): injected by the composition root in `adapters/`,
   * since `src/` never imports adapters. They replace the built-in entries of the same name.
   */
  commands?: Command[];
  /** The chat platforms whose config sections the config file may hold (from the composition root). */
  platforms?: readonly PlatformConfig[];
}

const GLOBAL_WITH_VALUE = new Set(["--db", "--config"]);
const GLOBAL_FLAGS = new Set(["--json", "--help", "-h", "--version"]);

interface Globals {
  db?: string;
  config?: string;
  json: boolean;
  help: boolean;
  version: boolean;
  rest: string[];
}

function splitGlobals(argv: readonly string[]): Globals {
  const g: Globals = { json: false, help: false, version: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      g.rest.push(...argv.slice(i));
      break;
    }
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (GLOBAL_WITH_VALUE.has(flag)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
      if (flag === "--db") g.db = value;
      else g.config = value;
    } else if (GLOBAL_FLAGS.has(a)) {
      if (a === "--json") g.json = true;
      else if (a === "--version") g.version = true;
      else g.help = true;
    } else g.rest.push(a);
  }
  return g;
}

/**
 * `--limit -1` as `--limit=-1`: node's parseArgs reads a value starting with "-" as another option
 * and calls the flag "ambiguous"; a number is meant, and the command's own check then says what
 * values it takes.
 */
function joinNegativeValues(args: readonly string[], options: OptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    if (name && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "paperboy: research papers from daily digests, in your team's channels",
    "",
    "usage: paperboy [--db PATH] [--config FILE] [--json] <command> [args]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "`paperboy <command> --help` shows a command's arguments.",
  ].join("\n");
}

export async function main(argv: readonly string[], deps: MainDeps = {}): Promise<number> {
  const io = deps.io ?? processIO();
  const injected = deps.commands ?? [];
  const commands = [
    ...COMMANDS.map((c) => injected.find((i) => i.name === c.name) ?? c),
    ...injected.filter((i) => !COMMANDS.some((c) => c.name === i.name)),
  ];
  const fail = (err: unknown): number => {
    if (isPaperboyError(err)) {
      io.stderr(`paperboy: ${redactSecrets(err.describe())} [${err.code}]\n`);
      return err.exitCode;
    }
    throw err;
  };
  let globals: Globals;
  try {
    globals = splitGlobals(argv);
  } catch (err) {
    return fail(err);
  }
  const [name, ...rest] = globals.rest;
  if (globals.version) {
    io.stdout(`paperboy ${VERSION}\n`);
    return 0;
  }
  if (!name || name === "help") {
    io[name || globals.help ? "stdout" : "stderr"](`${helpText(commands)}\n`);
    return name || globals.help ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const guess = nearest(
      name,
      commands.map((c) => c.name),
    );
    io.stderr(
      `paperboy: unknown command "${name}"${guess ? `; did you mean "${guess}"?` : ""} (see \`paperboy help\`)\n`,
    );
    return 2;
  }
  if (globals.help) {
    io.stdout(
      `usage: paperboy ${command.usage}\n\n${command.summary}\n${command.help ? `\n${command.help}\n` : ""}`,
    );
    return 0;
  }
  let values: OptionValues;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: joinNegativeValues(rest, command.options ?? {}),
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values as OptionValues;
    positionals = parsed.positionals;
  } catch (err) {
    io.stderr(
      `paperboy ${name}: ${(err as Error).message.split("\n")[0]} (usage: paperboy ${command.usage})\n`,
    );
    return 2;
  }
  const { min, max } = command.args ?? { min: 0 };
  if (positionals.length < min || (max !== undefined && positionals.length > max)) {
    io.stderr(
      `paperboy ${name}: expected ${max === min ? min : max === undefined ? `at least ${min}` : `${min} to ${max}`} argument(s), got ${positionals.length} (usage: paperboy ${command.usage})\n`,
    );
    return 2;
  }

  const dbPath = resolve(io.cwd, globals.db ?? io.env.PAPERBOY_DB ?? DEFAULTS.dbPath);
  const configCandidate = globals.config ?? io.env.PAPERBOY_CONFIG;
  const defaultConfig = resolve(io.cwd, "config/paperboy.json");
  const configPath = configCandidate
    ? resolve(io.cwd, configCandidate)
    : existsSync(defaultConfig)
      ? defaultConfig
      : null;
  const platforms = deps.platforms ?? [];
  const logger =
    deps.logger ??
    createLogger({
      level: io.env.PAPERBOY_LOG_LEVEL ?? "warn",
      secretKeys: platforms.flatMap((p) => Object.keys(p.secretEnv)),
    });
  const clock = deps.clock ?? systemClock;
  const opened: { engine: Paperboy | null; config: Config | null } = { engine: null, config: null };
  const ctx: CommandContext = {
    io,
    json: globals.json,
    dbPath,
    configPath,
    clock,
    logger,
    config() {
      opened.config ??= loadConfig({ file: configPath, env: io.env, platforms });
      return opened.config;
    },
    engine(options) {
      opened.engine ??= Paperboy.open({ dbPath, clock, logger, readonly: options?.readonly });
      return opened.engine;
    },
    printJson(value) {
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    },
    print(line = "") {
      if (!globals.json) io.stdout(`${line}\n`);
    },
  };
  try {
    return await command.run(ctx, positionals, values);
  } catch (err) {
    return fail(err);
  } finally {
    opened.engine?.close();
  }
}
