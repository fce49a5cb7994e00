/** The bulk build's own analysis (term ids) and postings agree with analyze() and MiniSearch. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seeded } from "../../src/random.js";
import { decodeAnalyzed, encodeAnalyzed } from "../../src/search/analyzed-codec.js";
import { analyzeSentences } from "../../src/search/analyzed-papers.js";
import { type IndexDoc, PaperIndex } from "../../src/search/paper-index.js";
import { TermScanner } from "../../src/search/term-scanner.js";
import { analyze } from "../../src/text/analysis.js";
import { DIGESTS, expectedDay, SAMPLE_DAYS } from "../support/fixtures.js";

const TRICKY = [
  "",
  " ",
  "a",
  "A 1 b 22 I x9 ß",
  "The model's GPT-4o-mini can't beat o1; state-of-the-art (SOTA) on MMLU_pro & GSM8K.",
  "ÉCOLE Normale Supérieure, Zürich, São Paulo, Łódź, Ørsted",
  "İstanbul DİYARBAKIR ıi", // İ lowercases to i + U+0307, a combining mark folded off the i
  "Crame\u0301r Fre\u0301chet naïve Erdős \u0301 lone mark, ｆｕｌｌ ①②, Straße, Œuvre, Þórr",
  "हिन्दी का परीक्षण, ภาษาไทย, がくしゅう",
  "Q-Learning, k-means, t\u2011SNE, U-Net, Σ-ΣΟΦΟΣ, é-école, a-b-c, x--y, -z, İ-İ",
  "ΟΔΟΣ ΣΟΦΟΣ. ΑΣ.Α Σ", // final sigma depends on what follows
  "КИРИЛЛИЦА и Латиница mixed",
  "数据集 中文 テキスト 한국어 混合text",
  "العربية ١٢٣ ٤٥ हिन्दी ०१२",
  "emoji 😀🚀 between 🤖words 👩‍🔬 and 𝐱𝐲 math 𝔸lpha",
  "\u212Aelvin sign and ﬁ ligature and ＦＵＬＬＷＩＤＴＨ",
  "lone \uD800 surrogate \uDC00 here",
  "tabs\tand\nnewlines\r\nand\u00A0nbsp\u2009thin",
  "x".repeat(5000),
  "diffusion diffusion Diffusion DIFFUSION diffusions",
  "2.09×faster, 10^3, 3-D, 1e-5, v2.0, COVID-19",
  // Enough distinct words to make the word table and the posting columns grow.
  Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}`).join(" "),
];

function textsOfFixtures(): string[] {
  const texts: string[] = [];
  for (const day of SAMPLE_DAYS) for (const p of expectedDay(day).papers) texts.push(p.title, p.abstract);
  for (const f of readdirSync(DIGESTS)) {
    if (f.endsWith(".txt")) texts.push(...readFileSync(`${DIGESTS}${f}`, "utf8").split("\n"));
  }
  return texts;
}

/** Random strings over an alphabet of the cases that matter (seeded, so failures repeat). */
function fuzzTexts(count: number): string[] {
  const alphabet = [
    ..."aZ09 -'.,_",
    "é",
    "É",
    "İ",
    "Σ",
    "ς",
    "ß",
    "\u212A",
    "\u0307",
    "\u0301",
    "ﬁ",
    "ﬀ",
    "١",
    "中",
    "😀",
    "𝐱",
    "\uD800",
    "the",
    "of",
    "Models",
  ];
  const rand = seeded(42);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: Math.floor(rand() * 30) },
      () => alphabet[Math.floor(rand() * alphabet.length)],
    ).join(""),
  );
}

function firstDifference(a: ArrayLike<unknown>, b: ArrayLike<unknown>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe("bulk build", () => {
  it("scans exactly the terms analyze() gives, for every kind of text", () => {
    const scanner = new TermScanner();
    const texts = [...TRICKY, ...textsOfFixtures(), ...fuzzTexts(3000)];
    // Twice: the second pass reads every word from the scanner's tables.
    for (const pass of [1, 2]) {
      for (const text of texts) {
        const n = scanner.scan(text);
        const terms = Array.from(scanner.out.subarray(0, n), (id) => scanner.terms[id]);
        const expected = analyze(text);
        // Compared whole only when they differ: a diff of the 70k-word text would take minutes.
        if (firstDifference(terms, expected) !== -1)
          expect(terms, `pass ${pass}: ${JSON.stringify(text.slice(0, 200))}`).toEqual(expected);
      }
    }
  });

  it("equals MiniSearch plus compaction on repeated, non-ASCII and empty fields", () => {
    const docs: IndexDoc[] = TRICKY.map((text, i) => ({
      pk: 100 - i,
      title: TRICKY[(i + 1) % TRICKY.length] as string,
      abstract: `${text} ${text}`,
      authors: i % 3 === 0 ? "" : "Zoë Åström, José Núñez",
      date: `2026-01-${String(i + 1).padStart(2, "0")}`,
      hasCode: i % 2 === 0,
    }));
    const viaMini = PaperIndex.empty();
    for (const d of docs) viaMini.upsert(d);
    viaMini.compact();
    const bulk = PaperIndex.bulk(docs);
    const { base } = bulk;
    const mini = viaMini.base;
    // Where two columns first differ (-1: equal); a diff of 70k-entry arrays would take minutes.
    const check = (what: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>) =>
      expect(firstDifference(a, b), what).toBe(-1);
    check("terms", base.terms, mini.terms);
    for (let f = 0; f < 3; f++) {
      check(`offsets ${f}`, base.offsets[f]!, mini.offsets[f]!);
      check(`slots ${f}`, base.slots[f]!, mini.slots[f]!);
      check(`tfs ${f}`, base.tfs[f]!, mini.tfs[f]!);
      check(`lengths ${f}`, base.docs.lengths[f]!, mini.docs.lengths[f]!);
    }
    check("pks", base.docs.pks, mini.docs.pks);
    check("dates", base.docs.dates, mini.docs.dates);
    check("hasCode", base.docs.hasCode, mini.docs.hasCode);
  });

  it("records each paper's sentences and word forms as analyzing it one by one does", () => {
    // Titles and abstracts of every kind, sentence ends included ("x. Y", "A! b", "?\n").
    const texts = [
      ...TRICKY,
      ...textsOfFixtures().slice(0, 400),
      ...fuzzTexts(1500).map((t) => `${t}. ${t}! Next?`),
    ];
    const docs: IndexDoc[] = texts.map((text, i) => ({
      pk: i + 1,
      title: texts[(i * 7 + 3) % texts.length]!.slice(0, 300),
      abstract: text,
      authors: "",
      date: "2026-01-01",
      hasCode: false,
    }));
    const bulk = PaperIndex.bulk(docs);
    const oneByOne = PaperIndex.empty();
    for (const d of docs) oneByOne.upsert(d);
    // Through the index file's bytes (sorted vocabularies, found by binary search once loaded),
    // after a paper was replaced (its old entry is not written).
    oneByOne.upsert({ ...docs[0]!, abstract: "replaced. text" });
    oneByOne.upsert(docs[0]!);
    const loaded = decodeAnalyzed(encodeAnalyzed(oneByOne.analyzed));
    expect(loaded.size).toBe(docs.length);
    for (const d of docs) {
      const a = bulk.analyzed.paper(d.pk)!;
      const b = oneByOne.analyzed.paper(d.pk)!;
      const expected = analyzeSentences(d.title, d.abstract);
      const flat = expected.sentences.flat();
      // Compared whole only when they differ: a diff of the 70k-word text would take minutes.
      if (
        firstDifference(a.sentences.flat(), flat) !== -1 ||
        a.sentences.length !== expected.sentences.length
      )
        expect(a.sentences, JSON.stringify(d.abstract.slice(0, 200))).toEqual(expected.sentences);
      if (
        firstDifference(b.sentences.flat(), flat) !== -1 ||
        b.sentences.length !== expected.sentences.length
      )
        expect(b.sentences).toEqual(expected.sentences);
      const c = loaded.paper(d.pk)!;
      if (
        firstDifference(c.sentences.flat(), flat) !== -1 ||
        c.sentences.length !== expected.sentences.length
      )
        expect(c.sentences).toEqual(expected.sentences);
      const missing = expected.forms.filter((w) => !a.words.has(w) || !b.words.has(w) || !c.words.has(w));
      expect(missing).toEqual([]);
      expect(a.words.has("zzz-not-a-word") || b.words.has("zzz-not-a-word")).toBe(false);
    }
  });
});
