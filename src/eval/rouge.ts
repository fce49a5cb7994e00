/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (F1), faithful to Google's `rouge_score` with `use_stemmer=True`:
 * lower-case, every run of characters outside [a-z0-9] becomes a space, tokens longer than three
 * characters are Porter-stemmed, and ROUGE-L is the LCS of the two whole token sequences (the
 * `rougeL` key, which is the summary-level score when the summary is one sentence).
 * Written here rather than taken from npm: the JavaScript ROUGE packages differ from rouge_score
 * in tokenization or stemming, and the published SciTLDR numbers come from rouge_score.
 */
import { stemmer } from "stemmer";

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeTriple {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** rouge_score's tokenizer with the Porter stemmer. */
export function rougeTokens(text: string): string[] {
  const tokens = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((t) => t !== "");
  return tokens.map((t) => (t.length > 3 ? stemmer(t) : t));
}

function score(overlap: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount > 0 ? overlap / candidateCount : 0;
  const recall = referenceCount > 0 ? overlap / referenceCount : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N on token lists: clipped n-gram overlap. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  return score(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence (two-row dynamic programme). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      curr[j] =
        a[i - 1] === b[j - 1]
          ? (prev[j - 1] as number) + 1
          : Math.max(prev[j] as number, curr[j - 1] as number);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] as number;
}

/** ROUGE-L on token lists. */
export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** F1 of ROUGE-1/2/L of already tokenized texts, each in [0, 1]. */
export function rougeF1Tokens(candidate: readonly string[], reference: readonly string[]): RougeTriple {
  return {
    rouge1: rougeN(candidate, reference, 1).f1,
    rouge2: rougeN(candidate, reference, 2).f1,
    rougeL: rougeL(candidate, reference).f1,
  };
}

/** F1 of ROUGE-1/2/L, each in [0, 1]. */
export function rougeF1(candidate: string, reference: string): RougeTriple {
  return rougeF1Tokens(rougeTokens(candidate), rougeTokens(reference));
}

/** Against several golds: the best F1 of each metric on its own (as the SciTLDR evaluation does). */
export function bestRougeF1Tokens(
  candidate: readonly string[],
  references: readonly (readonly string[])[],
): RougeTriple {
  const best: RougeTriple = { rouge1: 0, rouge2: 0, rougeL: 0 };
  for (const ref of references) {
    const s = rougeF1Tokens(candidate, ref);
    best.rouge1 = Math.max(best.rouge1, s.rouge1);
    best.rouge2 = Math.max(best.rouge2, s.rouge2);
    best.rougeL = Math.max(best.rougeL, s.rougeL);
  }
  return best;
}
