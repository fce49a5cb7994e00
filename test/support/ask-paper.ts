import type { AnswerInput } from "../../src/ask/answer.js";

/** A paper for `ask` tests: one abstract written in the test, no links, no source summary. */
export const askPaper = (abstract: string): AnswerInput => ({
  title: "A Test Paper",
  abstract,
  links: [],
  code: [],
  sourceSummary: null,
});
