/**
 * The composition root: the CLI of `src/cli` plus the commands that need adapters. `bin/paperboy.js`
 * runs this; `src/` never imports `adapters/`.
 */
import { main as cliMain, type MainDeps } from "../src/cli/main.js";
import { chatCommand } from "./console/chat-command.js";
import { discordRegisterCommand } from "./discord/register-command.js";
import { serveCommand } from "./serve/serve-command.js";

export const ADAPTER_COMMANDS = [chatCommand, serveCommand, discordRegisterCommand];

export function main(argv: readonly string[], deps: MainDeps = {}): Promise<number> {
  // Commands passed in (tests) win over the built-in ones of the same name.
  return cliMain(argv, { ...deps, commands: [...(deps.commands ?? []), ...ADAPTER_COMMANDS] });
}
