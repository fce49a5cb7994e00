/**
 * What does not count as naming the thing a "which X" question asks for (round 16: unanswerable
 * questions answered). "Which vision-language model do they analyze?" is not answered by "existing
 * SAEs", an acronym the abstract defines for a plain term ("sparse autoencoders (SAEs)"); "which of
 * the 14 models did best?" is not answered by "our evaluation of 14 leading VLMs", which only
 * repeats the count the reader already knows.
 */
import type { Question } from "./question.js";
import type { Word } from "./words.js";

/**
 * An acronym in brackets after a run of lowercase words, one of which starts with its first
 * letter: "lottery tickets (LT)", "sparse autoencoders (SAEs)". A named model or benchmark is
 * capitalized ("Massive Multitask Language Understanding (MMLU)") and is not matched.
 */
const TERM_THEN_ACRONYM = /((?:\b[a-z][a-z-]*\s+){1,5})\((\p{Lu}[\p{Lu}\p{N}]{1,7})(s?)\)/gu;

/** The acronyms (lowercased, with and without a plural "s") the abstract defines for plain terms. */
export function termAcronyms(sentences: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const s of sentences) {
    for (const m of s.matchAll(TERM_THEN_ACRONYM)) {
      const acronym = (m[2] as string).toLowerCase();
      const longForm = (m[1] as string).trim().split(/\s+/);
      if (!longForm.some((w) => w.startsWith(acronym[0] as string))) continue;
      terms.add(acronym);
      terms.add(`${acronym}s`);
    }
  }
  return terms;
}

/** Kinds of thing a "which of the N X" question asks for by name. */
const NAMED_KINDS =
  /^(models?|llms?|vlms?|mllms?|benchmarks?|datasets?|baselines?|backbones?|corpus|corpora)$/;
const COUNT = /^(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/;

/**
 * The kind a question asks for by name when it already gives their count: "names of the 3
 * benchmarks?", "which of the 14 models did best?", "what are the two baselines?". Null otherwise.
 */
export function countedKindAsked(q: Question): Word | null {
  if (!/^(?:and |so )?(?:which|what|names? of)\b/.test(q.text)) return null;
  for (let i = 1; i < q.words.length; i++) {
    const w = q.words[i] as Word;
    if (NAMED_KINDS.test(w.lower) && COUNT.test((q.words[i - 1] as Word).lower)) return w;
  }
  return null;
}
