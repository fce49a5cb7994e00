import { displayText } from "../../summary/latex.js";
import type { Command } from "../command.js";
import { wrap } from "../format.js";

export const ask: Command = {
  name: "ask",
  summary: "ask a question about one paper; answered from its own abstract (or says it does not say)",
  usage: "ask <id> <question...>",
  args: { min: 2 },
  run(ctx, args) {
    const question = args.slice(1).join(" ");
    const { paper, answer } = ctx.engine().ask(args[0] as string, question);
    if (ctx.json) {
      // The contract's four fields, then what the answer is (extensions: intent, stated, source, confidence, tentative).
      ctx.printJson({
        id: paper.id,
        question,
        answer: answer.text,
        evidence: answer.evidence,
        intent: answer.intent,
        stated: answer.stated,
        source: answer.source,
        confidence: answer.confidence === null ? null : Number(answer.confidence.toFixed(3)),
        tentative: answer.tentative,
      });
      return 0;
    }
    ctx.print(`${paper.id}: ${displayText(paper.title)}`);
    ctx.print();
    ctx.print(wrap(answer.text));
    return 0;
  },
};
