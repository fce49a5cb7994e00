/** The console as a platform: `chat` on its own, or beside the others in `serve` (a local trial). */
import { z } from "zod";
import { platformModule } from "../platform.js";
import { chatCommand } from "./chat-command.js";
import { ConsoleAdapter } from "./console-adapter.js";

const Section = z.strictObject({ enabled: z.boolean().default(false) });

export const consolePlatform = platformModule<{ enabled: boolean }>({
  name: "console",
  section: Section,
  secretEnv: {},
  settings: (section) => Section.parse(section),
  doctor: () => [{ name: "console", ok: true, detail: "enabled: commands typed at serve's terminal" }],
  async create(_settings, { bot, clock, io }) {
    return new ConsoleAdapter({
      bot,
      clock,
      input: io.stdin ?? process.stdin,
      output: io.stdout,
      isTTY: io.isTTY,
      user: io.env.USER ?? "you",
    });
  },
  commands: [chatCommand],
});
