/**
 * `ask <question>` inside a discussion thread (where any message that is no command is a question),
 * or `ask <id> <question>` anywhere: the sentences of the paper's own text that answer it.
 */
import { z } from "zod";
import type { Answer } from "../../ask/answer.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import { chatCommand } from "../command.js";
import type { AnswerReply } from "../replies.js";

/** Equal up to spacing: an answer that is its evidence sentences, joined. */
function sameText(a: string, b: string): boolean {
  const norm = (t: string) => t.replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

/**
 * The reply for an answer. Its evidence is display-clean already and is shown once, under where it
 * comes from; a tentative answer's label says it is the closest sentence, not a sure answer.
 */
export function answerReply(
  paper: { id: string; title: string },
  question: string,
  answer: Answer,
): AnswerReply {
  const fromSummary = answer.source === "source_summary";
  return {
    kind: "answer",
    paperId: paper.id,
    paperTitle: paper.title,
    question,
    text: answer.text,
    evidence: answer.evidence,
    evidenceFrom: fromSummary
      ? "Hugging Face's summary"
      : answer.tentative
        ? "the abstract, its closest sentence (not sure)"
        : "the abstract",
    quoted:
      answer.evidence.length > 0 &&
      (fromSummary || answer.tentative || sameText(answer.text, answer.evidence.join(" "))),
    unanswered: !answer.stated,
    ...(answer.tentative ? { tentative: true } : {}),
  };
}

export const ask = chatCommand({
  name: "ask",
  usage: "ask <question>",
  summary: "inside a discussion thread: ask about its paper",
  paper: "thread",
  threadDefault: true,
  // On platforms with declared commands a question is a message in the thread.
  declared: false,
  args: z.object({ question: z.string().trim().min(1, "needs a question") }),
  parse: (rest) => ({ question: rest }),
  run({ question }, { engine, ctx, thread, logger }) {
    let paper = thread;
    let q = question;
    if (!paper) {
      // Outside a thread, "ask <id> <question>" names the paper first.
      const [first, ...rest] = question.split(/\s+/);
      if (!first || !engine.isPaperRef(first) || rest.length === 0) {
        throw new PaperboyError(
          ErrorCode.InvalidArgument,
          "`ask` works inside a discussion thread (open one with `discuss <id>`), or as `ask <id> <question>`",
        );
      }
      paper = engine.paper(first);
      q = rest.join(" ");
    }
    // A follow-up ("and on which dataset?", "why?") leans on the thread's earlier questions.
    const ref =
      thread && ctx.thread ? { platform: ctx.platform, channel: ctx.channel, thread: ctx.thread } : null;
    const { answer } = engine.ask(paper.id, q, ref ? engine.threadQuestions(ref) : []);
    const reply = answerReply(paper, q, answer);
    if (ref) {
      try {
        engine.recordInThread(ref, [
          { author: ctx.user, role: "user", text: q },
          { author: "paperboy", role: "bot", text: answer.text },
        ]);
      } catch (err) {
        // The answer matters more than its history: a read-only or full archive still answers.
        logger.warn({ err: (err as Error).message }, "thread history not recorded");
      }
    }
    return [reply];
  },
});
