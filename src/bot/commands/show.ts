/** `show <id>`: one paper, with its TL;DR, key results, abstract and links. */
import { z } from "zod";
import { paperMemory } from "../../memory/card-memory.js";
import { paperCard } from "../cards.js";
import { chatCommand } from "../command.js";
import { PaperId, requiredPaper } from "./args.js";

export const show = chatCommand({
  name: "show",
  aliases: ["paper"],
  usage: "show <id>",
  summary: "a paper: TL;DR, key results, abstract, links",
  paper: "required",
  args: z.object({ id: PaperId }),
  parse: requiredPaper,
  options: [{ name: "id", kind: "paper", required: true }],
  run({ id }, { engine, ctx }) {
    const paper = engine.paper(id);
    const card = paperCard(engine, paper, { abstract: true });
    // What the team already did with it: earlier discussions, this channel's notes, the queue.
    const memory = paperMemory(engine, paper, ctx);
    if (memory) card.memory = memory;
    return [card];
  },
});
