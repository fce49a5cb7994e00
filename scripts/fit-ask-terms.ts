/**
 * Fits the latent term space `ask` compares a question with a sentence in (src/ask/term-space.ts)
 * and writes src/ask/term-space-weights.json.
 *
 *   npx tsx scripts/fit-ask-terms.ts [--train scitldr-train.jsonl] [--dev csabstruct-train.jsonl]
 *                                    [--dims 32] [--terms 4000] [--write | --out file.json]
 *
 * Both files are the background corpus (SciTLDR train: 1,991 abstracts; CSAbstruct train: 1,668),
 * as for the word rarity: neither holds a paper any ask question is about. Each SENTENCE is a
 * document, so that words which answer the same kind of question ("limitation", "fail",
 * "degrade"; "dataset", "benchmark", "evaluate") land together, rather than words of one topic.
 * Terms are ask's stems of content words (src/ask/words.ts, no function words). The space is a
 * randomized truncated SVD of the sentences' TF-IDF matrix (the search's SemanticSpace.fit, the
 * same method the re-ranker's space uses), keeping the most frequent terms.
 */
import { readFileSync } from "node:fs";
import { isContentStem, TERM_SPACE } from "../src/ask/term-space.js";
import { words } from "../src/ask/words.js";
import { SemanticSpace } from "../src/search/semantic.js";
import { fitDay, parseFitArgs, writeWeights } from "./lib/fit-cli.js";

const args = parseFitArgs(
  { train: "../shared/eval/scitldr/train.jsonl", dev: "../shared/eval/csabstruct/train.jsonl" },
  { dims: { type: "string", default: "32" }, terms: { type: "string", default: "4000" } },
);
const DIMS = Number(args.extra.dims);
const TERMS = Number(args.extra.terms);

function sentences(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((line) => {
      const row = JSON.parse(line) as { source?: string[]; sentences?: string[] };
      const s = row.source ?? row.sentences;
      if (!s) throw new Error(`${path}: a line has neither "source" nor "sentences"`);
      return s;
    });
}

const abstracts = [...sentences(args.train), ...sentences(args.dev)];
const docs = abstracts.flat().map((s) =>
  words(s)
    .filter(isContentStem)
    .map((w) => w.stem),
);
const space = SemanticSpace.fit(
  docs.filter((d) => d.length >= 3),
  { dims: DIMS, sample: docs.length, maxTerms: TERMS, power: 3, seed: 1 },
);
if (!space) throw new Error("too few sentences to fit a term space");
process.stderr.write(
  `${abstracts.length} abstracts, ${docs.length} sentences; ${space.terms.length} terms × ${space.dims} dimensions\n`,
);
const weights: Record<string, number[]> = {};
for (let j = 0; j < space.dims; j++)
  weights[`d${j}`] = space.terms.map((_, t) => Number((space.rows[t * space.dims + j] as number).toFixed(3)));

writeWeights(args, TERM_SPACE.file, {
  model: TERM_SPACE.model,
  version: TERM_SPACE.version,
  fitted: {
    at: fitDay(),
    script: TERM_SPACE.script,
    data: `background sentences: ${args.train} and ${args.dev} (${abstracts.length} abstracts, ${docs.length} sentences); no paper any ask question is about`,
    method: `LSA: randomized truncated SVD (3 power iterations, seed 1) of the sentences' TF-IDF matrix over the ${space.terms.length} most frequent content stems (df >= 2); rows are term projections scaled by IDF`,
    figures: {
      abstracts: abstracts.length,
      sentences: docs.length,
      terms: space.terms.length,
      dims: space.dims,
    },
  },
  features: [...space.terms],
  weights,
  settings: { dims: space.dims },
});
