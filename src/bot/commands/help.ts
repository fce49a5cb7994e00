/** `help [command]`: every command, or one; built from the registry, so it cannot drift. */
import { z } from "zod";
import { nearest } from "../../text/nearest.js";
import { type ChatCommand, chatCommand, findCommand } from "../command.js";
import type { HelpReply } from "../replies.js";
import { words } from "./args.js";

const IDS =
  "Ids are arXiv ids (2601.23265), pasted arXiv/Hugging Face links, paperboy ids (pb-…), or a number of the last list you asked for here (`show 3`).";

/** The longest topic echoed back: it is the user's text. */
const MAX_ECHO = 40;

function line(c: ChatCommand): HelpReply["commands"][number] {
  return { usage: c.usage, summary: c.summary };
}

/** One command: its usage line once, with what the list cannot say (other names, ids). */
function oneCommand(c: ChatCommand): HelpReply {
  const aliases = c.aliases?.length ? ` (also: ${c.aliases.map((a) => `\`${a}\``).join(", ")})` : "";
  const reply: HelpReply = {
    kind: "help",
    intro: `How to use \`${c.name}\`${aliases}:`,
    commands: [line(c)],
  };
  if (c.paper) reply.footer = IDS;
  return reply;
}

function everyCommand(commands: readonly ChatCommand[], intro: string): HelpReply {
  return { kind: "help", intro, commands: commands.map(line), footer: IDS };
}

/** `help /papers search` and `help /search` mean `help search`. */
function topicOf(rest: string): string | undefined {
  const [first, second] = words(rest.toLowerCase().replace(/^\/(?:papers?\b)?\s*/, ""));
  return first === "papers" && second ? second : first;
}

export const help = chatCommand({
  name: "help",
  aliases: ["?"],
  usage: "help [command]",
  summary: "the commands, or how to use one",
  args: z.object({ topic: z.string().optional() }),
  parse: (rest) => {
    const topic = topicOf(rest);
    return topic ? { topic } : {};
  },
  options: [{ name: "command", arg: "topic", kind: "command", description: "One command" }],
  run({ topic }, { commands }) {
    if (!topic)
      return [everyCommand(commands, "paperboy brings research papers into this channel. Commands:")];
    const one = findCommand(commands, topic);
    if (one) return [oneCommand(one)];
    const guess = nearest(topic, [
      ...commands.map((c) => c.name),
      ...commands.flatMap((c) => c.aliases ?? []),
    ]);
    const resolved = guess ? findCommand(commands, guess) : null;
    const shown = topic.length > MAX_ECHO ? `${topic.slice(0, MAX_ECHO)}…` : topic;
    return [
      everyCommand(
        commands,
        `"${shown}" is not a command.${resolved ? ` Did you mean \`${resolved.name}\`?` : ""} The commands:`,
      ),
    ];
  },
});
