/** Abbreviations the archive defines (Schwartz & Hearst), and what a query gains from them. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PaperIndex } from "../../src/search/paper-index.js";
import { loadIndexFile, saveIndexFile } from "../../src/search/persist.js";
import { planQuery } from "../../src/search/query-plan.js";
import { RANKING } from "../../src/search/ranking.js";
import { scoreQuery } from "../../src/search/scorer.js";
import { Abbreviations, definitionsIn, longFormOf, MIN_DEFINITIONS } from "../../src/text/abbreviations.js";
import { HOSTILE } from "../support/fixtures.js";

const paper = (pk: number, abstract: string) => ({
  pk,
  title: "",
  abstract,
  authors: "",
  date: "2026-02-02",
  hasCode: false,
});
const noDf = () => 0;

describe("finding definitions", () => {
  it("matches the short form's letters right to left against the words before it", () => {
    expect(longFormOf("CNN", "we train deep convolutional neural networks")).toBe(
      "convolutional neural networks",
    );
    expect(longFormOf("ConvNet", "a deep convolutional network")).toBe("convolutional network");
    // The first letter must start a word: "c" inside "deconvolution" does not count.
    expect(longFormOf("CN", "deconvolution network")).toBeNull();
    expect(longFormOf("XYZ", "no such words here")).toBeNull();
  });

  it("gives each definition as terms, singular, once per text", () => {
    const defs = definitionsIn(
      "We train convolutional neural networks (CNNs) with reinforcement learning (RL; Sutton, 1998). " +
        "Our CNNs beat other convolutional neural networks (CNNs).",
    );
    expect(defs).toEqual([
      { short: "cnn", long: ["convolut", "neural", "network"] },
      { short: "rl", long: ["reinforc", "learn"] },
    ]);
  });

  it("ignores parentheses that are not abbreviations", () => {
    expect(definitionsIn("models (e.g. transformers) and results (see below) at scale (ours)")).toEqual([]);
    // Letters that do not spell the short form: no definition.
    expect(definitionsIn("we propose a new method (QZX) for graphs")).toEqual([]);
    expect(definitionsIn("(")).toEqual([]);
    expect(definitionsIn(`${"a ".repeat(5000)}(AB)`)).toEqual([]);
  });

  it("reads hostile digests as plain text: definitions are terms, never markup or mentions", () => {
    const files = readdirSync(HOSTILE);
    expect(files.length).toBeGreaterThan(5);
    const term = /^[\p{L}\p{M}\p{N}]+$/u;
    for (const file of files) {
      const text = readFileSync(`${HOSTILE}${file}`, "utf8");
      for (const d of definitionsIn(text)) {
        expect(d.short).toMatch(term);
        for (const t of d.long) expect(t).toMatch(term);
      }
    }
    // Mentions and markup around a real definition leave only its words.
    expect(definitionsIn("<!channel> *large* _language_ `models` (@LLMs) and @everyone (<@U1>)")).toEqual([]);
    expect(definitionsIn("**large language models** (LLMs)")).toEqual([
      { short: "llm", long: ["larg", "languag", "model"] },
    ]);
  });
});

describe("the dictionary", () => {
  const cnn = "convolutional neural networks (CNNs) for images";

  it("trusts a long form only when enough papers give it", () => {
    const a = new Abbreviations();
    for (let pk = 1; pk < MIN_DEFINITIONS; pk++) a.set(pk, cnn);
    expect(a.meaning("cnn", noDf)).toBeNull();
    a.set(MIN_DEFINITIONS, cnn);
    expect(a.meaning("cnn", noDf)).toBe("convolut neural network");
  });

  it("does not expand a short form that is mostly a plain word", () => {
    const a = new Abbreviations();
    a.set(1, "neural oblivious decision ensembles (NODE) on tabular data");
    a.set(2, "neural oblivious decision ensembles (NODE) again");
    expect(a.meaning("node", () => 2)).toBe("neural oblivi decis ensembl");
    // 200 papers say "node", two of them define it: the word, not the acronym.
    expect(a.meaning("node", () => 200)).toBeNull();
  });

  it("takes the long form most papers give, and none when they disagree evenly", () => {
    const a = new Abbreviations();
    a.set(1, "machine learning (ML) models");
    a.set(2, "machine learning (ML) models");
    a.set(3, "maximum likelihood (ML) estimates");
    expect(a.meaning("ml", noDf)).toBe("machin learn");
    a.set(4, "maximum likelihood (ML) estimates");
    // Two against two: ambiguous, so not expanded at all.
    expect(a.meaning("ml", noDf)).toBeNull();
    a.set(5, "maximum likelihood (ML) estimates");
    expect(a.meaning("ml", noDf)).toBe("maximum likelihood");
  });

  it("replaces a paper's definitions when it changes, and forgets them when it goes", () => {
    const a = new Abbreviations();
    a.set(1, cnn);
    a.set(2, cnn);
    a.set(2, cnn); // the same paper again is still one paper
    expect(a.toRows()).toEqual([["cnn", "convolut neural network", [1, 2]]]);
    const longForm = ["convolut", "neural", "network"];
    expect(a.expand(longForm, noDf).added).toEqual(["cnn"]);
    a.set(2, "nothing defined here");
    expect(a.meaning("cnn", noDf)).toBeNull();
    expect(a.expand(longForm, noDf).added).toEqual([]);
    a.remove(1);
    expect(a.size).toBe(0);
    a.set(3, cnn);
    a.set(4, cnn);
    expect(a.expand(longForm, noDf).added).toEqual(["cnn"]);
  });

  it("round-trips through its rows and refuses malformed ones", () => {
    const a = new Abbreviations();
    a.set(7, cnn);
    a.set(9, `${cnn} and reinforcement learning (RL)`);
    const b = Abbreviations.fromRows(JSON.parse(JSON.stringify(a.toRows())));
    expect(b.toRows()).toEqual(a.toRows());
    b.remove(9);
    expect(b.toRows()).toEqual([["cnn", "convolut neural network", [7]]]);
    expect(() => Abbreviations.fromRows({})).toThrow(/not a list/);
    expect(() => Abbreviations.fromRows([["cnn", "x", ["1"]]])).toThrow(/malformed/);
  });

  it("expands a short form to its long form and a long form to its short form", () => {
    const a = new Abbreviations();
    for (let pk = 1; pk <= 3; pk++) a.set(pk, `${cnn}, trained by knowledge distillation (KD)`);
    const short = a.expand(["cnn", "prune"], noDf);
    expect(short.added).toEqual(["convolut", "neural", "network"]);
    expect(short.alternatives.get("cnn")).toEqual(["convolut", "neural", "network"]);
    const long = a.expand(["knowledg", "distil", "survei"], noDf);
    expect(long.added).toEqual(["kd"]);
    expect(long.alternatives.get("distil")).toEqual(["kd"]);
    // Nothing the query already has, and nothing for words out of order.
    expect(a.expand(["kd", "knowledg", "distil"], noDf).added).toEqual([]);
    expect(a.expand(["distil", "knowledg"], noDf).added).toEqual([]);
  });
});

describe("search with abbreviations", () => {
  /** Two papers define CNN and KD; paper 3 writes only the short forms, paper 4 only long ones. */
  function archive(): PaperIndex {
    const index = PaperIndex.empty();
    index.upsert(
      paper(1, "Convolutional neural networks (CNNs) classify images by knowledge distillation (KD)."),
    );
    index.upsert(paper(2, "We prune convolutional neural networks (CNN) after knowledge distillation (KD)."));
    index.upsert(paper(3, "A CNN for sheet music, compressed with KD."));
    index.upsert(paper(4, "Knowledge distillation of convolutional neural networks for bird song."));
    index.upsert(paper(5, "Sheet music and bird song archives."));
    return index;
  }
  const pksFor = (index: PaperIndex, q: string) =>
    scoreQuery(index, planQuery(index, q, RANKING).terms, RANKING, 10).hits.map((h) => index.pkOf(h.sid));

  it("finds a paper that writes only the other form", () => {
    const index = archive();
    expect(pksFor(index, "bird song CNN")[0]).toBe(4);
    expect(pksFor(index, "sheet music knowledge distillation")[0]).toBe(3);
    expect(pksFor(index, "bird song CNN")).toContain(3);
  });

  it("searches only what the query says when the expansion is off", () => {
    const index = archive();
    const plain = { ...RANKING, abbreviationWeight: 0 };
    const hits = scoreQuery(index, planQuery(index, "CNN", plain).terms, plain, 10).hits;
    expect(hits.map((h) => index.pkOf(h.sid))).not.toContain(4);
  });

  it("keeps the abbreviations in the index file, of the same papers", () => {
    const index = archive();
    index.upsert(paper(6, "Graph neural networks (GNNs) and graph neural networks (GNN)."));
    index.upsert(paper(7, "Graph neural networks (GNNs) for molecules."));
    const path = join(mkdtempSync(join(tmpdir(), "pb-abbr-")), "x.search");
    saveIndexFile(path, index, 7);
    const loaded = loadIndexFile(path);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.index.abbreviations.toRows()).toEqual(index.abbreviations.toRows());
    expect(loaded.index.abbreviations.meaning("gnn", noDf)).toBe("graph neural network");
    // A file whose header lacks a section's length is rebuilt, not misread.
    const bytes = readFileSync(path);
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, nl).toString("utf8")) as Record<string, unknown>;
    delete header.segmentBytes;
    writeFileSync(path, Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(nl)]));
    expect(loadIndexFile(path)).toEqual({ ok: false, reason: "header fields are missing" });
    // Changed after loading: the paper's old definitions go with its old text.
    loaded.index.upsert(paper(7, "Molecules, again."));
    expect(loaded.index.abbreviations.meaning("gnn", noDf)).toBeNull();
  });

  it("builds the same dictionary in bulk as paper by paper", () => {
    const docs = [1, 2, 3, 4, 5].map((pk) => paper(pk, `Convolutional neural networks (CNNs), take ${pk}.`));
    const one = PaperIndex.empty();
    for (const d of docs) one.upsert(d);
    expect(PaperIndex.bulk(docs).abbreviations.toRows()).toEqual(one.abbreviations.toRows());
  });
});
