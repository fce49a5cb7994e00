/**
 * How one way of answering differs from another on the same questions (scripts/capacity-ask.ts,
 * scripts/assoc-ask.ts): questions it wins and loses, answerable and unanswerable apart, the paired
 * change in the balanced rate (mean of answerable right and unanswerable declined) with its
 * standard error, and an exact sign test on wins against losses.
 */
import type { Example } from "./ask-examples.js";

export interface PairedChange {
  fixA: number;
  breakA: number;
  fixU: number;
  breakU: number;
  /** Change in the balanced rate over the kept questions (a fraction). */
  diff: number;
  /** Its standard error (paired: only the questions that changed carry variance). */
  se: number;
  /** Two-sided sign test on all wins against all losses. */
  p: number;
}

/** Two-sided exact sign test. */
export function signTest(fixes: number, breaks: number): number {
  const n = fixes + breaks;
  if (n === 0) return 1;
  const k = Math.min(fixes, breaks);
  let tail = 0;
  let term = 0.5 ** n;
  for (let i = 0; i <= k; i++) {
    tail += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, 2 * tail);
}

/** `row` against `base` (each question's hit, in `examples` order), over the questions `keep` takes. */
export function pairedChange<E extends Pick<Example, "q">>(
  examples: readonly E[],
  row: readonly boolean[],
  base: readonly boolean[],
  keep: (e: E) => boolean = () => true,
): PairedChange {
  let an = 0;
  let un = 0;
  let fixA = 0;
  let breakA = 0;
  let fixU = 0;
  let breakU = 0;
  examples.forEach((e, i) => {
    if (!keep(e)) return;
    const answerable = e.q.expect !== null;
    answerable ? an++ : un++;
    if (row[i] && !base[i]) answerable ? fixA++ : fixU++;
    if (!row[i] && base[i]) answerable ? breakA++ : breakU++;
  });
  const share = (x: number, n: number) => (n ? x / n : 0);
  const diff = (share(fixA - breakA, an) + share(fixU - breakU, un)) / 2;
  const se = 0.5 * Math.sqrt(share(fixA + breakA, an ** 2) + share(fixU + breakU, un ** 2));
  return { fixA, breakA, fixU, breakU, diff, se, p: signTest(fixA + fixU, breakA + breakU) };
}
