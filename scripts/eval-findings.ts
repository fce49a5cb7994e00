/**
 * Scores the findings shown for papers without numeric key results against the findings gold.
 *
 *   npx tsx scripts/eval-findings.ts [--split dev|test|all] [--gold FILE] [--digests DIR] [--sweep] [--wrong]
 *
 * Choose settings on dev (`--sweep` prints the threshold curve); score test once at the end. Also
 * counts how many papers of the digests show neither key results nor findings.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { contentId } from "../src/digest/identity.js";
import { decodeUtf8, matchKey } from "../src/digest/normalize.js";
import { parseDigest } from "../src/digest/parse.js";
import { type FindingsCase, readFindingsGold, scoreFindings } from "../src/eval/findings-eval.js";
import { FINDING_SETTINGS, type FindingSettings } from "../src/summary/findings.js";
import { shippedModel } from "../src/summary/model.js";
import { abstractSentences, summarize } from "../src/summary/summarize.js";

const { values } = parseArgs({
  options: {
    split: { type: "string", default: "dev" },
    gold: { type: "string", default: "test/fixtures/eval/findings-gold.json" },
    digests: { type: "string", default: "test/fixtures/digests" },
    sweep: { type: "boolean", default: false },
    wrong: { type: "boolean", default: false },
    missed: { type: "boolean", default: false },
    // Weights to try instead of the shipped ones, as JSON: '{"result":0.8}'.
    weights: { type: "string" },
  },
});

interface Paper {
  id: string;
  title: string;
  abstract: string;
}

/** Distinct papers of the digest files (API days and pages), by arXiv id or content id. */
function digestPapers(dir: string): Map<string, Paper & { file: string }> {
  const out = new Map<string, Paper & { file: string }>();
  for (const f of readdirSync(dir).sort()) {
    if (!/\.(?:txt|json)$/.test(f) || f.endsWith(".expected.json")) continue;
    const digest = parseDigest(decodeUtf8(readFileSync(join(dir, f)), f), { file: f });
    for (const p of digest.papers) {
      const id = p.arxivId ?? contentId(p.title, p.abstract);
      if (!out.has(id)) out.set(id, { id, title: p.title, abstract: p.abstract, file: f });
    }
  }
  return out;
}

const papers = digestPapers(values.digests as string);
const gold = readFindingsGold(values.gold as string).filter(
  (g) => values.split === "all" || g.split === values.split,
);
const model = shippedModel();
const settings: FindingSettings = {
  ...FINDING_SETTINGS,
  weights: { ...FINDING_SETTINGS.weights, ...(values.weights ? JSON.parse(values.weights) : {}) },
};

function run(settings: FindingSettings) {
  const cases: FindingsCase[] = gold.map((g) => {
    const p = papers.get(g.id);
    if (!p) throw new Error(`${g.id} is in the gold but in no digest of ${values.digests}`);
    const s = summarize(p.title, p.abstract, model, settings);
    if (s.keyResults.length)
      throw new Error(`${g.id} now has numeric key results; the gold is for papers without`);
    return { gold: g, sentences: abstractSentences(p.abstract, p.title), shown: s.findings };
  });
  return scoreFindings(cases);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (label: string, r: ReturnType<typeof run>) =>
  `${label}  precision ${pct(r.precision)} (${r.right}/${r.shown})  recall ${pct(r.recall)} (${r.recalled}/${r.withFinding})  false alarms ${r.falseAlarms}  show none ${r.showNone}/${r.papers}`;

console.log(`split ${values.split}: ${gold.length} papers`);
if (values.sweep) {
  for (let t = 0.3; t <= 1.21; t += 0.05) {
    console.log(line(`threshold ${t.toFixed(2)}`, run({ ...settings, threshold: t })));
  }
}
const final = run(settings);
console.log(line(`settings (threshold ${settings.threshold})`, final));
if (values.wrong) for (const w of final.wrong) console.log(`  wrong ${w.id}: ${w.text}`);
if (values.missed) for (const m of final.missed) console.log(`  missed ${m}`);

// Coverage over every distinct paper of the digests (a day's API form and page form are one paper
// by title): how many show neither key results nor findings.
const byFile = new Map<string, { all: number; none: number; noNumber: number }>();
const titles = new Set<string>();
for (const p of papers.values()) {
  if (titles.has(matchKey(p.title))) continue;
  titles.add(matchKey(p.title));
  const s = summarize(p.title, p.abstract, model);
  const key = p.file.startsWith("daily-papers") ? "Aug 12 page" : "2026 days";
  const c = byFile.get(key) ?? { all: 0, none: 0, noNumber: 0 };
  c.all++;
  if (!s.keyResults.length) c.noNumber++;
  if (!s.keyResults.length && !s.findings.length) c.none++;
  byFile.set(key, c);
}
for (const [k, c] of byFile)
  console.log(`${k}: ${c.all} papers, ${c.noNumber} without numeric key results, ${c.none} showing none`);
