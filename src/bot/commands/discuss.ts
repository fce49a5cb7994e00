/**
 * `discuss <id>`: opens a discussion thread on a paper. The reply asks the platform to post the
 * card and open a thread under it; the platform then binds it (Bot.threadOpened).
 */
import { z } from "zod";
import { paperMemory } from "../../memory/card-memory.js";
import { displayText } from "../../summary/latex.js";
import { paperCard } from "../cards.js";
import { chatCommand } from "../command.js";
import { PaperId, requiredPaper } from "./args.js";

export const discuss = chatCommand({
  name: "discuss",
  aliases: ["thread"],
  usage: "discuss <id>",
  summary: "open a thread about a paper; ask questions in it",
  paper: "required",
  opensThread: true,
  args: z.object({ id: PaperId }),
  parse: requiredPaper,
  options: [{ name: "id", kind: "paper", required: true }],
  run({ id }, { engine, ctx }) {
    const p = engine.paper(id);
    const card = paperCard(engine, p, { omit: ["discuss"] });
    // The thread card says where the paper was discussed before and lists the channel's notes.
    const memory = paperMemory(engine, p, { ...ctx, thread: undefined });
    if (memory) card.memory = memory;
    return [
      {
        kind: "thread",
        paperId: p.id,
        card,
        intro: `Discussion of "${displayText(p.title)}". Ask anything about the paper here: what it proposes, how it works, its results, datasets, code, limitations. "related", "code" and "summary" work without an id; \`note <text>\` saves a team note.`,
      },
    ];
  },
});
