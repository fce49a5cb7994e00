/**
 * Counts how rare each word is in research abstracts and writes src/ask/rarity-weights.json, the
 * background rarity `ask` weighs a question's words by (a word rare in abstracts at large, such
 * as "parenthesis", says more about which sentence answers than "model" does, whatever one
 * abstract happens to repeat).
 *
 *   npx tsx scripts/fit-ask-rarity.ts [--train scitldr-train.jsonl] [--dev csabstruct-train.jsonl]
 *                                     [--write | --out file.json]
 *
 * Both files are read as the background corpus (SciTLDR train: 1,991 abstracts; CSAbstruct train:
 * 1,668): neither holds a paper of the digests any question is asked about. Words are counted by
 * their `ask` stem (src/ask/words.ts), once per abstract; the weight is the smoothed inverse
 * document frequency log((N + 1) / (df + 0.5)). Only stems in at least MIN_DF abstracts are kept:
 * a rarer one gets the weight of df = 1, as does a word the corpus never has.
 */
import { readFileSync } from "node:fs";
import { RARITY_WEIGHTS } from "../src/ask/rarity.js";
import { words } from "../src/ask/words.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";

const MIN_DF = 3;

const args = parseFitArgs({
  train: "../shared/eval/scitldr/train.jsonl",
  dev: "../shared/eval/csabstruct/train.jsonl",
});

function abstracts(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((line) => {
      const row = JSON.parse(line) as { source?: string[]; sentences?: string[] };
      const sentences = row.source ?? row.sentences;
      if (!sentences) throw new Error(`${path}: a line has neither "source" nor "sentences"`);
      return sentences.join(" ");
    });
}

const docs = [...abstracts(args.train), ...abstracts(args.dev)];
const df = new Map<string, number>();
for (const doc of docs)
  for (const stem of new Set(words(doc).map((w) => w.stem))) df.set(stem, (df.get(stem) ?? 0) + 1);
const idf = (count: number) => Math.log((docs.length + 1) / (count + 0.5));
const kept = [...df].filter(([, c]) => c >= MIN_DF).sort((a, b) => a[0].localeCompare(b[0]));
process.stderr.write(`${docs.length} abstracts, ${df.size} stems, ${kept.length} kept (df >= ${MIN_DF})\n`);

writeWeights(args, RARITY_WEIGHTS.file, {
  model: RARITY_WEIGHTS.model,
  version: RARITY_WEIGHTS.version,
  fitted: {
    at: fitDay(),
    script: RARITY_WEIGHTS.script,
    data: `background abstracts: ${args.train} (${abstracts(args.train).length}) and ${args.dev} (${abstracts(args.dev).length}); no paper any ask question is about`,
    method: `smoothed inverse document frequency log((N + 1) / (df + 0.5)) of ask stems, N = ${docs.length}; stems in fewer than ${MIN_DF} abstracts are left out and weigh as df = 1`,
    figures: { abstracts: docs.length, stems: df.size, kept: kept.length },
  },
  features: kept.map(([stem]) => stem),
  weights: kept.map(([, c]) => Number(idf(c).toFixed(4))),
  settings: { documents: docs.length, unseen: Number(idf(1).toFixed(4)) },
});
