/** SearchService over a real archive: answers, bad input, and the persisted index kept in step. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPaperboyError } from "../../src/errors.js";
import { Paperboy } from "../../src/paperboy.js";
import { readIndexHeader } from "../../src/search/persist.js";
import { tempDb } from "../support/cli.js";
import { DIGESTS, SAMPLE_DAYS } from "../support/fixtures.js";

const day = (d: string) => `${DIGESTS}${d}.hf-api.json`;

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (isPaperboyError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected a PaperboyError");
}

describe("search answers", () => {
  let engine: Paperboy;
  beforeAll(() => {
    engine = Paperboy.open({ dbPath: ":memory:" });
    engine.ingest(SAMPLE_DAYS.map(day));
  });
  afterAll(() => engine.close());

  it("puts a paper named by arXiv id or URL first", () => {
    for (const q of [
      "2602.01395",
      "https://arxiv.org/abs/2602.01395v2",
      "https://huggingface.co/papers/2602.01395",
    ]) {
      expect(engine.search({ text: q }).results[0]?.id).toBe("2602.01395");
    }
    const mixed = engine.search({ text: "video diffusion 2601.22813" });
    expect(mixed.results[0]?.id).toBe("2601.22813");
    expect(mixed.results.length).toBeGreaterThan(1);
  });

  it("pages without overlap and says where the next page starts", () => {
    const first = engine.search({ text: "language models", limit: 5 });
    expect(first.nextOffset).toBe(5);
    const second = engine.search({ text: "language models", limit: 5, offset: 5 });
    const ids = [...first.results, ...second.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(10);
    expect(first.results[4]!.score).toBeGreaterThanOrEqual(second.results[0]!.score);
  });

  it("filters by date and code", () => {
    const since = engine.search({ text: "agents", since: "2026-02-04", limit: 50 });
    expect(since.total).toBeGreaterThan(0);
    for (const r of since.results) expect(r.date >= "2026-02-04").toBe(true);
    const until = engine.search({ text: "agents", until: "2026-02-02", limit: 50 });
    for (const r of until.results) expect(r.date <= "2026-02-02").toBe(true);
    const code = engine.search({ text: "agents", hasCode: true, limit: 50 });
    for (const r of code.results) expect(engine.paper(r.id).code.length).toBeGreaterThan(0);
    expect(code.total).toBeLessThan(engine.search({ text: "agents" }).total);
  });

  it("shows a snippet around the matched words", () => {
    const hit = engine.search({ text: "reservoir computing" }).results[0]!;
    expect(hit.snippet.toLowerCase()).toContain("reservoir");
    expect(hit.snippet.length).toBeLessThanOrEqual(205);
  });

  it("reads a misspelled word as the nearest word of a title, and says so", () => {
    const r = engine.search({ text: "reservior computing" });
    expect(r.results[0]?.id).toBe("2601.22296");
    expect(r.didYouMean).toBe("reservoir computing");
    const typo = engine.search({ text: "transfomer" });
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.didYouMean?.startsWith("transform")).toBe(true);
    // A known word is never "corrected".
    expect(engine.search({ text: "reservoir computing" }).didYouMean).toBeUndefined();
  });

  it("suggests a spelling when nothing matches, even after the title fallback", () => {
    // Too short for the title fallback (which takes words of 5 letters or more).
    const typo = engine.search({ text: "ganz" });
    expect(typo.total).toBe(0);
    expect(typo.didYouMean).toBeDefined();
  });

  it("answers bad input with a typed error or an empty result, never a crash", () => {
    expect(errorOf(() => engine.search({ text: "the of and" })).code).toBe("E_QUERY_INVALID");
    expect(errorOf(() => engine.search({ text: "   " })).code).toBe("E_QUERY_INVALID");
    expect(errorOf(() => engine.search({ text: "🙂🎉" })).code).toBe("E_QUERY_INVALID");
    expect(errorOf(() => engine.search({ text: "2601.99999" })).code).toBe("E_UNKNOWN_PAPER");
    expect(errorOf(() => engine.search({ text: "x", since: "2026-13-01" })).message).toContain("YYYY-MM-DD");
    expect(errorOf(() => engine.search({ text: "x", limit: 0 })).code).toBe("E_INVALID_ARGUMENT");
    expect(engine.search({ text: "语言模型 обучение" }).total).toBe(0);
    const syntax = engine.search({ text: 'title:"video" ~diffusion^2 +model* -(world) \\' });
    expect(syntax.results.length).toBeGreaterThan(0);
    const huge = engine.search({ text: "sparse attention inference ".repeat(400) });
    expect(huge.results[0]?.id).toBe("2602.03216");
  });
});

describe("the persisted index", () => {
  it("is written beside the archive, reloaded, and caught up after another process ingests", () => {
    const db = tempDb();
    const a = Paperboy.open({ dbPath: db });
    a.ingest([day("2026-02-02")]);
    expect(a.search({ text: "academic illustration" }).results[0]?.id).toBe("2601.23265");
    const header = readIndexHeader(`${db}.search`);
    expect(header?.revision).toBe(a.papers.revision());

    // A second engine (another process: a CLI ingest) writes while `a` keeps its index loaded.
    const b = Paperboy.open({ dbPath: db });
    b.ingest([day("2026-02-03")]);
    b.close();
    expect(a.search({ text: "reservoir computing" }).results[0]?.id).toBe("2601.22296");
    a.close();

    // A fresh engine loads the older file and catches up from the archive: never stale.
    const c = Paperboy.open({ dbPath: db });
    expect(c.search({ text: "reservoir computing" }).results[0]?.id).toBe("2601.22296");
    c.close();
  });

  it("is rebuilt when corrupt, never served", () => {
    const db = tempDb();
    const a = Paperboy.open({ dbPath: db });
    a.ingest([day("2026-02-04")]);
    a.searchService.warmUp();
    a.close();
    const path = `${db}.search`;
    expect(existsSync(path)).toBe(true);
    const bytes = readFileSync(path);
    // Same length, one byte of the terms changed: only the checksum can tell.
    const at = bytes.indexOf("reservoir");
    expect(at).toBeGreaterThan(0);
    bytes.write("zzzervoir", at);
    writeFileSync(path, bytes);
    const b = Paperboy.open({ dbPath: db });
    expect(b.search({ text: "zzzervoir" }).total).toBe(0);
    expect(b.search({ text: "Indonesian question answering" }).results[0]?.id).toBe("2602.03709");
    b.close();
    writeFileSync(path, "garbage");
    const c = Paperboy.open({ dbPath: db });
    expect(c.search({ text: "Indonesian question answering" }).results[0]?.id).toBe("2602.03709");
    c.close();
    expect(readIndexHeader(path)?.revision).toBeGreaterThan(0);
  });
});
