/**
 * The composition root: the CLI of `src/cli`, the platform modules it is told about (their config
 * sections, their commands such as `chat` and `discord register`), and the commands that need
 * them all (`serve`, `doctor`). `bin/paperboy.js` runs this; `src/` never imports it.
 */
import type { Command } from "../src/cli/command.js";
import { lazyCommand } from "../src/cli/command.js";
import { main as cliMain, type MainDeps } from "../src/cli/main.js";
import { doctor } from "./doctor.js";
import { PLATFORMS } from "./platforms.js";

export const ROOT_COMMANDS: Command[] = [
  ...PLATFORMS.flatMap((p) => p.commands ?? []),
  lazyCommand(
    {
      name: "serve",
      summary: "run the adapters and the daily roundup scheduler that the config enables",
      usage: "serve",
      args: { min: 0, max: 0 },
    },
    async () => (await import("./serve.js")).serveCommand,
  ),
  doctor,
];

export function main(argv: readonly string[], deps: MainDeps = {}): Promise<number> {
  // Commands passed in (tests) win over the built-in ones of the same name.
  return cliMain(argv, {
    platforms: PLATFORMS,
    ...deps,
    commands: [...(deps.commands ?? []), ...ROOT_COMMANDS],
  });
}
