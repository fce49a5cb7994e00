/**
 * The composition root: the CLI of `src/cli` plus the commands that need adapters. `bin/paperboy.js`
 * runs this; `src/` never imports `adapters/`.
 */
import type { Command } from "../src/cli/command.js";
import { main as cliMain, type MainDeps } from "../src/cli/main.js";
import { chatCommand } from "./console/chat-command.js";

/**
 * A command whose module (and its platform SDK: Bolt, discord.js) loads only when it runs, so
 * `ingest`, `search` and the rest do not pay a second of start-up for SDKs they never use.
 */
function lazy(meta: Omit<Command, "run">, load: () => Promise<Command>): Command {
  return { ...meta, run: async (ctx, args, values) => (await load()).run(ctx, args, values) };
}

export const ADAPTER_COMMANDS: Command[] = [
  chatCommand,
  lazy(
    {
      name: "serve",
      summary: "run the adapters and the daily roundup scheduler that the config enables",
      usage: "serve",
      args: { min: 0, max: 0 },
    },
    async () => (await import("./serve/serve-command.js")).serveCommand,
  ),
  lazy(
    {
      name: "discord",
      summary: "register the /papers command with Discord (--guild ID: in one server, at once)",
      usage: "discord register [--guild ID]",
      options: { guild: { type: "string" } },
      args: { min: 1, max: 1 },
    },
    async () => (await import("./discord/register-command.js")).discordRegisterCommand,
  ),
];

export function main(argv: readonly string[], deps: MainDeps = {}): Promise<number> {
  // Commands passed in (tests) win over the built-in ones of the same name.
  return cliMain(argv, { ...deps, commands: [...(deps.commands ?? []), ...ADAPTER_COMMANDS] });
}
