/**
 * Runs digests and SciTLDR-style files through the TL;DR and key results and prints every broken
 * output (src/summary/checks.ts says what "broken" means), counted by kind.
 *
 *   npx tsx scripts/check-summaries.ts [--quiet] <digest file | dir | eval.jsonl>...
 *
 * Digest files are read with the product's own parsers (any format `ingest` reads); `.jsonl` files
 * with `paper_id`/`source`/`target` lines are read as eval data (their sentences joined as the
 * abstract, their `title` as the title).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { decodeUtf8 } from "../src/digest/normalize.js";
import { parseDigest } from "../src/digest/parse.js";
import { readEvalFile } from "../src/eval/data.js";
import { type Fault, summaryFaults } from "../src/summary/checks.js";
import { summarize } from "../src/summary/summarize.js";

interface Source {
  origin: string;
  id: string;
  title: string;
  abstract: string;
}

function papersOf(path: string): Source[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => /\.(?:txt|json|html)$/.test(f) && !f.endsWith(".expected.json"))
      .sort()
      .flatMap((f) => papersOf(join(path, f)));
  }
  if (path.endsWith(".jsonl")) {
    return readEvalFile(path).map((p) => ({
      origin: path,
      id: p.paperId,
      title: p.title,
      abstract: p.source.join(" "),
    }));
  }
  let digest: ReturnType<typeof parseDigest>;
  try {
    digest = parseDigest(decodeUtf8(readFileSync(path), path), { file: path });
  } catch (err) {
    // Hostile samples that `ingest` refuses hold no paper to summarize.
    process.stderr.write(`skipped ${path}: ${(err as Error).message}\n`);
    return [];
  }
  return digest.papers.map((p) => ({
    origin: path,
    id: p.title.slice(0, 40),
    title: p.title,
    abstract: p.abstract,
  }));
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { quiet: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const seen = new Set<string>();
  const byCode = new Map<string, number>();
  let papers = 0;
  let broken = 0;
  for (const path of positionals) {
    for (const p of papersOf(path)) {
      const key = `${p.title}\n${p.abstract}`;
      if (seen.has(key)) continue;
      seen.add(key);
      papers++;
      const faults: Fault[] = summaryFaults(summarize(p.title, p.abstract), p.abstract);
      if (faults.length === 0) continue;
      broken++;
      for (const f of faults) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
      if (!values.quiet) {
        process.stdout.write(`${p.origin} ${p.id}\n`);
        for (const f of faults) process.stdout.write(`  ${f.part} ${f.code}: ${f.text}\n`);
      }
    }
  }
  process.stdout.write(`${broken} of ${papers} papers with a broken output\n`);
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${code}: ${n}\n`);
}

main();
