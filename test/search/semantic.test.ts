/** The semantic space: what it learns from co-occurrence, its file, and its life in the service. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readEvalFile } from "../../src/eval/data.js";
import { Paperboy } from "../../src/paperboy.js";
import { cosine, MIN_SEMANTIC_PAPERS, SemanticSpace, samplePositions } from "../../src/search/semantic.js";
import { decodeSemantic, encodeSemantic, loadSemanticFile } from "../../src/search/semantic-file.js";
import { analyze } from "../../src/text/analysis.js";
import { tempDb } from "../support/cli.js";
import { DIGESTS, FIXTURES, SAMPLE_DAYS } from "../support/fixtures.js";

const abstracts = readEvalFile(`${FIXTURES}eval/dev-sample.jsonl`).map((p) => p.source.join(" "));
const docs = abstracts.map((a) => analyze(a));

describe("SemanticSpace.fit", () => {
  const space = SemanticSpace.fit(docs) as SemanticSpace;

  it("fits a space no larger than a quarter of the papers, from terms seen at least twice", () => {
    expect(space).not.toBeNull();
    expect(space.dims).toBe(Math.min(100, Math.floor(docs.length / 4)));
    expect(space.rows.length).toBe(space.terms.length * space.dims);
    for (const t of space.terms.slice(0, 50))
      expect(docs.filter((d) => d.includes(t)).length).toBeGreaterThanOrEqual(2);
  });

  it("is deterministic", () => {
    const again = SemanticSpace.fit(docs) as SemanticSpace;
    expect(again.terms).toEqual(space.terms);
    expect(Array.from(again.rows.slice(0, 200))).toEqual(Array.from(space.rows.slice(0, 200)));
  });

  it("places a paper nearer to a paraphrase of itself than to the other papers, on average", () => {
    // Each paper's second half against its own first half vs against other papers' first halves.
    let own = 0;
    let other = 0;
    for (let i = 0; i < abstracts.length; i++) {
      const words = (abstracts[i] as string).split(" ");
      const half = (j: number, second: boolean) => {
        const w = (abstracts[j] as string).split(" ");
        return analyze((second ? w.slice(w.length >> 1) : w.slice(0, w.length >> 1)).join(" "));
      };
      if (words.length < 20) continue;
      const tail = space.embed(half(i, true));
      own += cosine(tail, space.embed(half(i, false)));
      other += cosine(tail, space.embed(half((i + 7) % abstracts.length, false)));
    }
    expect(own).toBeGreaterThan(other * 1.5);
  });

  it("gives unit vectors, and null for text with no known term", () => {
    const v = space.embed(docs[0] as string[]) as Float32Array;
    expect(Math.abs(cosine(v, v) - 1)).toBeLessThan(1e-4);
    expect(space.embed(["zzqxj", "qqqq"])).toBeNull();
    expect(space.embed([])).toBeNull();
    expect(cosine(null, v)).toBe(0);
  });

  it("declines archives too small to learn from", () => {
    expect(SemanticSpace.fit(docs.slice(0, MIN_SEMANTIC_PAPERS - 1))).toBeNull();
    expect(SemanticSpace.fit([])).toBeNull();
  });

  it("samples evenly across the whole archive", () => {
    expect(samplePositions(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = samplePositions(100_000, 4_000);
    expect(s).toHaveLength(4_000);
    expect(s[0]).toBe(0);
    expect(s[3_999]).toBeGreaterThan(99_900);
    expect(new Set(s).size).toBe(4_000);
  });
});

describe("the semantic space file", () => {
  const space = SemanticSpace.fit(docs) as SemanticSpace;

  it("round-trips exactly", () => {
    const back = decodeSemantic(encodeSemantic(space));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.space.terms).toEqual(space.terms);
    expect(back.space.dims).toBe(space.dims);
    expect(back.space.fittedOn).toBe(space.fittedOn);
    expect(Buffer.from(back.space.rows.buffer).equals(Buffer.from(space.rows.buffer))).toBe(true);
  });

  it("keeps the papers' vectors by pk, with the archive revision they reflect", () => {
    const state = Uint8Array.from([0, 1, 2, 1]);
    const vectors = new Float32Array(4 * space.dims);
    vectors.set(space.embed(docs[0]!)!, space.dims);
    vectors.set(space.embed(docs[1]!)!, 3 * space.dims);
    const back = decodeSemantic(encodeSemantic(space, { state, vectors, revision: 7 }));
    expect(back.ok && back.vectors).toBeTruthy();
    if (!back.ok || !back.vectors) return;
    expect(Array.from(back.vectors.state)).toEqual([0, 1, 2, 1]);
    expect(back.vectors.revision).toBe(7);
    expect(Buffer.from(back.vectors.vectors.buffer).equals(Buffer.from(vectors.buffer))).toBe(true);
  });

  it("refuses a changed, truncated or foreign file with the reason", () => {
    const bytes = encodeSemantic(space);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] as number) ^ 0xff;
    expect(decodeSemantic(flipped)).toEqual({
      ok: false,
      reason: "checksum mismatch (truncated or corrupt)",
    });
    expect(decodeSemantic(bytes.subarray(0, bytes.length - 8)).ok).toBe(false);
    expect(decodeSemantic(Buffer.from("garbage"))).toEqual({ ok: false, reason: "no header line" });
    expect(decodeSemantic(Buffer.from('{"format":"other"}\n'))).toEqual({
      ok: false,
      reason: "not a paperboy semantic space",
    });
  });
});

describe("the search service's semantic space", () => {
  const day = (d: string) => `${DIGESTS}${d}.hf-api.json`;

  it("is fitted on first search, saved beside the index, reloaded, and refitted when corrupt", () => {
    const db = tempDb();
    const a = Paperboy.open({ dbPath: db });
    a.ingest([day(SAMPLE_DAYS[0])]);
    const first = a.search({ text: "academic illustration" }).results.map((r) => r.id);
    a.close();
    const path = `${db}.search.semantic`;
    expect(existsSync(path)).toBe(true);
    const saved = loadSemanticFile(path);
    expect(saved.ok).toBe(true);
    const bytes = readFileSync(path);

    // Reloaded as is (not refitted): the file is unchanged and the answers are the same.
    const b = Paperboy.open({ dbPath: db });
    expect(b.search({ text: "academic illustration" }).results.map((r) => r.id)).toEqual(first);
    b.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);

    writeFileSync(path, "garbage");
    const c = Paperboy.open({ dbPath: db });
    expect(c.search({ text: "academic illustration" }).results.map((r) => r.id)).toEqual(first);
    c.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("is ready after the engine's warm-up, so serve pays for it at start, not in a chat request", () => {
    const db = tempDb();
    const a = Paperboy.open({ dbPath: db });
    a.ingest([day(SAMPLE_DAYS[0])]);
    // An ingest alone does not fit it (sync stays cheap for command-line ingests)…
    expect(existsSync(`${db}.search.semantic`)).toBe(false);
    a.warmUp();
    a.close();
    // …the warm-up does, and saves it.
    expect(loadSemanticFile(`${db}.search.semantic`).ok).toBe(true);
  });

  it("is refitted in a worker while a serving engine goes on answering, then installed and saved", async () => {
    const db = tempDb();
    const a = Paperboy.open({ dbPath: db });
    a.ingest([day(SAMPLE_DAYS[0])]);
    a.warmUp(); // fitted inline at start; later refits run in the background
    const path = `${db}.search.semantic`;
    const before = loadSemanticFile(path);
    a.ingest([day(SAMPLE_DAYS[1]), day(SAMPLE_DAYS[2])]);
    // The archive has doubled: this search starts the refit and is answered with the old space.
    const during = a.search({ text: "academic illustration" });
    expect(during.results[0]?.id).toBe("2601.23265");
    expect(loadSemanticFile(path)).toEqual(before);
    await a.searchService.whenRefitted();
    // Taken in turns of the event loop: none of them is the whole of the main thread's share.
    const refit = a.searchService.lastRefit;
    expect(refit?.ms).toBeGreaterThan(0);
    expect(refit?.longestTurnMs).toBeLessThanOrEqual(refit?.mainThreadMs ?? -1);
    const after = loadSemanticFile(path);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.space.fittedOn).toBe(a.papers.count());
    // Every paper has its vector in the file, computed by the worker from its analyzed terms.
    const pks = a.papers.pksInRange();
    expect(pks.every((pk) => after.vectors?.state[pk] === 1)).toBe(true);
    const installed = a.search({ text: "academic illustration" }).results.map((r) => r.id);
    a.close();
    // The same answers as an engine that fitted the same space inline.
    const b = Paperboy.open({ dbPath: db });
    expect(b.search({ text: "academic illustration" }).results.map((r) => r.id)).toEqual(installed);
    b.close();
  });

  it("is refitted once the archive has doubled", () => {
    const db = tempDb();
    const a = Paperboy.open({ dbPath: db });
    a.ingest([day(SAMPLE_DAYS[0])]);
    a.search({ text: "agents" });
    const before = loadSemanticFile(`${db}.search.semantic`);
    a.ingest([day(SAMPLE_DAYS[1]), day(SAMPLE_DAYS[2])]);
    a.search({ text: "agents" });
    a.close();
    const after = loadSemanticFile(`${db}.search.semantic`);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.space.fittedOn).toBeGreaterThanOrEqual(2 * before.space.fittedOn);
  });
});
