/** TL;DR and key results of a paper (to be built by the Understanding issue). */
import { readableLatex } from "../digest/normalize.js";

export interface Summary {
  tldr: string;
  keyResults: string[];
}

/** Placeholder: the abstract's first sentence. */
export function summarize(title: string, abstract: string): Summary {
  void title;
  const first = readableLatex(abstract).split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? "";
  return { tldr: first, keyResults: [] };
}
