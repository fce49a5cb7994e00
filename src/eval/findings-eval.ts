/**
 * Scores the findings shown for papers without numeric key results against the findings gold
 * (test/fixtures/eval/findings-gold.json): the abstract sentences a careful reader lists as the
 * paper's findings, [] when it states none.
 *
 * precision: shown findings made from a gold sentence, over all shown findings.
 * recall: papers whose gold holds a finding that show at least one right one, over those papers.
 * A shown finding is "made from" the abstract sentence that holds most of its content words (it
 * may be rewritten to stand alone or cut); it is right when that sentence is in the gold.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { contentStems, stems } from "../summary/tokens.js";

const GoldPaper = z.object({
  id: z.string(),
  file: z.string(),
  title: z.string(),
  split: z.enum(["dev", "test"]),
  findings: z.array(z.string()),
});
export type FindingsGoldPaper = z.infer<typeof GoldPaper>;
const GoldFile = z.object({ about: z.string(), papers: z.array(GoldPaper) });

export function readFindingsGold(path: string): FindingsGoldPaper[] {
  return GoldFile.parse(JSON.parse(readFileSync(path, "utf8"))).papers;
}

/** The index of the sentence a shown text was made from (most of its content words), or -1. */
export function sourceSentence(shown: string, sentences: readonly string[]): number {
  const words = [...new Set(contentStems(stems(shown)))];
  if (words.length === 0) return -1;
  let best = -1;
  let bestShare = 0.6;
  for (const [i, s] of sentences.entries()) {
    const have = new Set(contentStems(stems(s)));
    const share = words.filter((w) => have.has(w)).length / words.length;
    if (share > bestShare) {
      best = i;
      bestShare = share;
    }
  }
  return best;
}

export interface FindingsCase {
  gold: FindingsGoldPaper;
  /** The abstract's display sentences. */
  sentences: readonly string[];
  shown: readonly string[];
}

export interface FindingsScore {
  papers: number;
  shown: number;
  right: number;
  precision: number;
  /** Papers whose gold holds a finding. */
  withFinding: number;
  recalled: number;
  recall: number;
  /** Papers whose gold holds none that still show one. */
  falseAlarms: number;
  /** Papers that show no finding. */
  showNone: number;
  wrong: { id: string; text: string }[];
  /** Ids of papers whose gold holds a finding that show no right one. */
  missed: string[];
}

export function scoreFindings(cases: readonly FindingsCase[]): FindingsScore {
  let shown = 0;
  let right = 0;
  let withFinding = 0;
  let recalled = 0;
  let falseAlarms = 0;
  let showNone = 0;
  const wrong: { id: string; text: string }[] = [];
  const missed: string[] = [];
  for (const c of cases) {
    const gold = new Set(c.gold.findings.map((g) => c.sentences.indexOf(g)));
    const hits = c.shown.filter((s) => gold.has(sourceSentence(s, c.sentences)));
    for (const s of c.shown) if (!hits.includes(s)) wrong.push({ id: c.gold.id, text: s });
    shown += c.shown.length;
    right += hits.length;
    if (c.shown.length === 0) showNone++;
    if (c.gold.findings.length) {
      withFinding++;
      if (hits.length) recalled++;
      else missed.push(c.gold.id);
    } else if (c.shown.length) falseAlarms++;
  }
  return {
    papers: cases.length,
    shown,
    right,
    precision: shown ? right / shown : 1,
    withFinding,
    recalled,
    recall: withFinding ? recalled / withFinding : 1,
    falseAlarms,
    showNone,
    wrong,
    missed,
  };
}
