/** `help [command]`: every command, or one; built from the registry, so it cannot drift. */
import { z } from "zod";
import { chatCommand, findCommand } from "../command.js";
import { words } from "./args.js";

export const help = chatCommand({
  name: "help",
  aliases: ["?"],
  usage: "help [command]",
  summary: "the commands, or how to use one",
  args: z.object({ topic: z.string().optional() }),
  parse: (rest) => (rest ? { topic: words(rest)[0]?.toLowerCase() } : {}),
  options: [{ name: "command", arg: "topic", kind: "command", description: "One command" }],
  run({ topic }, { commands }) {
    const one = topic ? findCommand(commands, topic) : null;
    if (one)
      return [
        {
          kind: "help",
          intro: `${one.usage}: ${one.summary}`,
          commands: [{ usage: one.usage, summary: one.summary }],
        },
      ];
    return [
      {
        kind: "help",
        intro: "paperboy brings research papers into this channel. Commands:",
        commands: commands.map((c) => ({ usage: c.usage, summary: c.summary })),
        footer: "Ids are arXiv ids (2601.23265), pasted arXiv/Hugging Face links, or paperboy ids (pb-…).",
      },
    ];
  },
});
