/**
 * `discuss <id>`: opens a discussion thread on a paper. The reply asks the platform to post the
 * card and open a thread under it; the platform then binds it (Bot.threadOpened).
 */
import { z } from "zod";
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
  run({ id }, { engine }) {
    const p = engine.paper(id);
    return [
      {
        kind: "thread",
        paperId: p.id,
        card: paperCard(engine, p, { omit: ["discuss"] }),
        intro: `Discussion of "${p.title}". Ask anything about the paper here: what it proposes, how it works, its results, datasets, code, limitations. "related", "code" and "summary" work without an id.`,
      },
    ];
  },
});
