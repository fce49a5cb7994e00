/** `summary [id]`: a paper's TL;DR and key results; in a discussion thread, of its paper. */
import { z } from "zod";
import { paperCard } from "../cards.js";
import { chatCommand } from "../command.js";
import { optionalPaper, PaperId, paperOrThread } from "./args.js";

export const summary = chatCommand({
  name: "summary",
  aliases: ["tldr", "summarize"],
  usage: "summary <id>",
  summary: "a paper's TL;DR and key results",
  paper: "thread",
  args: z.object({ id: PaperId.optional() }),
  parse: optionalPaper,
  options: [{ name: "id", kind: "paper" }],
  run({ id }, on) {
    const p = paperOrThread(id, on, "summary");
    // Inside the paper's own thread, "Discuss" would open a thread about the thread's paper.
    return [paperCard(on.engine, p, { omit: on.thread?.id === p.id ? ["discuss", "summary"] : ["summary"] })];
  },
});
