import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/digest/normalize.js";
import { parseDigest } from "../../src/digest/parse.js";
import { readEvalFile } from "../../src/eval/data.js";
import { type Fault, summaryFaults } from "../../src/summary/checks.js";
import { summarize } from "../../src/summary/summarize.js";
import { DIGESTS, FIXTURES, HOSTILE } from "../support/fixtures.js";

interface Source {
  where: string;
  title: string;
  abstract: string;
}

/** Every paper of every digest file, read as `ingest` reads it; files `ingest` refuses hold none. */
function digestPapers(dir: string): Source[] {
  return readdirSync(dir)
    .filter((f) => /\.(?:txt|json|html)$/.test(f) && !f.endsWith(".expected.json"))
    .flatMap((f) => {
      try {
        const text = decodeUtf8(readFileSync(`${dir}${f}`), f);
        return parseDigest(text, { file: f }).papers.map((p) => ({
          where: `${f}: ${p.title}`,
          title: p.title,
          abstract: p.abstract,
        }));
      } catch {
        return [];
      }
    });
}

function faultsOf(sources: readonly Source[]): string[] {
  const out: string[] = [];
  for (const s of sources) {
    const faults: Fault[] = summaryFaults(summarize(s.title, s.abstract), s.abstract);
    for (const f of faults) out.push(`${s.where}\n  ${f.part} ${f.code}: ${f.text}`);
  }
  return out;
}

// The test: no TL;DR or key result of a real paper is broken in a way a reader notices
// (src/summary/checks.ts says how). Before the fixes it found 44 of 288 digest papers and 42 of
// 619 SciTLDR dev papers broken.
describe("no broken TL;DR or key result", () => {
  it("on every paper of the digests, hostile samples included", () => {
    const papers = [...digestPapers(DIGESTS), ...digestPapers(HOSTILE)];
    expect(papers.length).toBeGreaterThan(500);
    expect(faultsOf(papers)).toEqual([]);
  });

  it("on every SciTLDR dev abstract", () => {
    const dev = readEvalFile(`${FIXTURES}eval/scitldr-dev.jsonl`).map((p) => ({
      where: p.paperId,
      title: p.title,
      abstract: p.source.join(" "),
    }));
    expect(dev).toHaveLength(619);
    expect(faultsOf(dev)).toEqual([]);
  });
});
