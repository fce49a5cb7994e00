/** Answering a question from one paper's own text (to be built by the Understanding issue). */
import { NotAvailableError } from "../errors.js";

export interface AnswerInput {
  title: string;
  abstract: string;
  links: string[];
  code: string[];
}

export interface Answer {
  /** The answer as shown: the evidence sentences, or a plain "the abstract does not say". */
  text: string;
  /** The sentences of the paper the answer stands on; empty when the paper does not say. */
  evidence: string[];
  /** What the question asks for: proposal, problem, method, results, datasets, code, limitations, other. */
  intent: string;
}

export function answerQuestion(_paper: AnswerInput, _question: string): Answer {
  throw new NotAvailableError("ask");
}
