/** `related [id]`: the archive's papers nearest to one paper. */
import { z } from "zod";
import { displayText } from "../../summary/latex.js";
import { paperLite } from "../cards.js";
import { chatCommand } from "../command.js";
import type { ResultList } from "../replies.js";
import { optionalPaper, PaperId, paperOrThread } from "./args.js";

export const related = chatCommand({
  name: "related",
  aliases: ["similar"],
  usage: "related <id>",
  summary: "papers close to one paper",
  paper: "thread",
  args: z.object({ id: PaperId.optional() }),
  parse: optionalPaper,
  options: [{ name: "id", kind: "paper" }],
  async run({ id }, on) {
    const { engine } = on;
    const p = paperOrThread(id, on, "related");
    const { results } = engine.related(p.id, on.pageSize);
    const papers = engine.papersAt(results.map((r) => r.pk));
    await engine.prepareSummaries(papers);
    const list: ResultList = {
      kind: "results",
      title: `Related to "${displayText(p.title)}"`,
      items: papers.map((rp, i) => paperLite(engine, rp, { score: results[i]?.score })),
      total: papers.length,
      offset: 0,
      emptyText: "No related papers in the archive yet.",
    };
    return [list];
  },
});
