/**
 * The composition root: the CLI of `src/cli` plus the commands that need adapters. `bin/paperboy.js`
 * runs this; `src/` never imports `adapters/`.
 */
import { main as cliMain, type MainDeps } from "../src/cli/main.js";
import { chatCommand } from "./console/chat-command.js";

export const ADAPTER_COMMANDS = [chatCommand];

export function main(argv: readonly string[], deps: MainDeps = {}): Promise<number> {
  return cliMain(argv, { ...deps, commands: [...ADAPTER_COMMANDS, ...(deps.commands ?? [])] });
}
