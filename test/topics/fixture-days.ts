/** Every digest day in test/fixtures/digests, as topic inputs: the API form and the page form. */
import { readdirSync, readFileSync } from "node:fs";
import { parseDigest } from "../../src/digest/parse.js";
import type { TopicInput } from "../../src/topics/topics.js";
import { DIGESTS } from "../support/fixtures.js";

export interface FixtureDay {
  name: string;
  papers: TopicInput[];
}

export function fixtureDays(): FixtureDay[] {
  const out: FixtureDay[] = [];
  for (const file of readdirSync(DIGESTS).sort()) {
    if (!file.endsWith(".hf-api.json") && !file.endsWith(".txt")) continue;
    const parsed = parseDigest(readFileSync(`${DIGESTS}${file}`, "utf8"), { file });
    out.push({
      name: `${file} (${parsed.format} form)`,
      papers: parsed.papers.map((p, i) => ({
        pk: i + 1,
        id: p.arxivId ?? `${file}-${i}`,
        title: p.title,
        abstract: p.abstract,
        summary: p.sourceSummary,
        upvotes: p.upvotes,
        hasCode: p.sourceCode.length > 0,
      })),
    });
  }
  return out;
}
