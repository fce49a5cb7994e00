import { type AnswerInput, prepareAnswer, type Ranking } from "../../src/ask/answer.js";

/** A paper for `ask` tests: one abstract written in the test, no links, no source summary. */
export const askPaper = (abstract: string): AnswerInput => ({
  title: "A Test Paper",
  abstract,
  links: [],
  code: [],
  sourceSummary: null,
});

/** The sentences of `paper` ready to be ranked for `question`; throws when a rule decided it first. */
export function rankingOf(paper: AnswerInput, question: string): Ranking {
  const prepared = prepareAnswer(paper, question, []);
  if ("answer" in prepared) throw new Error(`decided before ranking: ${prepared.answer.text}`);
  return prepared.ranking;
}
