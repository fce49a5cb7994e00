/**
 * Key phrases of a paper: runs of 1 to 4 content words that do not cross punctuation or a
 * stopword ("sparse attention", "N:M pruning", "vision-language agents"), each with the forms it
 * was written in, so a label can use the papers' own casing. Words too generic to name a topic
 * ("novel", "results", "framework") never start or end a phrase.
 */
import { isStopword, plainText, termOf } from "../text/terms.js";

export interface Phrase {
  /** Stemmed, lower case, space separated: the identity of the phrase. */
  key: string;
  words: number;
  /** The phrase as written, once per occurrence. */
  forms: string[];
  inTitle: boolean;
}

const GENERIC = new Set(
  `paper papers work works method methods approach approaches propose proposed proposes present presents
  introduce introduces novel new existing recent various different significant significantly extensive
  state art results result performance experiments experiment experimental framework frameworks task tasks
  based using use used show shows demonstrate demonstrates achieve achieves achieving improve improves
  improved improvement improvements outperforms outperform effective effectively key
  problem problems study studies analysis first two three one several many large small high low
  code available github https www com extensive way ways
  lead leading leads better best strong stronger simple simply however furthermore moreover
  remain remains challenge challenges challenging critical crucial important significant current
  existing prior previous enable enables enabling provide provides address addresses across within
  without well often typically still wide widely range set sets number numbers level levels
  vs versus etc findings finding highlight highlights evaluate evaluates evaluated improving reveal reveals capability capabilities ability abilities setting settings scenario scenarios`.split(
    /\s+/,
  ),
);
// Words that end a phrase well ("diffusion models") but name nothing alone or first.
const WEAK = new Set(
  "model models data dataset datasets benchmark benchmarks learning network networks training system systems".split(
    " ",
  ),
);

// A word: letters/digits, joined inside by hyphens, colons or apostrophes ("N:M", "vision-language").
const TOKEN = /[\p{L}\p{N}]+(?:[-:'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]+/gu;
const MAX_WORDS = 4;

function isBreak(token: string): boolean {
  return !/[\p{L}\p{N}]/u.test(token[0] as string);
}

interface Word {
  form: string;
  key: string;
  weak: boolean;
}

function wordKey(token: string): string | null {
  const lower = token.toLowerCase();
  if (GENERIC.has(lower) || isStopword(lower) || (lower.endsWith("ly") && lower.length > 4)) return null;
  if (/^\p{N}+$/u.test(lower) || lower.length < 2) return null;
  const parts = lower.split(/[-:'’]/).map((p) => termOf(p) ?? p);
  return parts.join("-");
}

function addPhrases(text: string, inTitle: boolean, into: Map<string, Phrase>): void {
  // Each chunk is a run of content words between breaks (punctuation, stopwords, generic words).
  let chunk: Word[] = [];
  const flush = () => {
    for (let i = 0; i < chunk.length; i++) {
      if ((chunk[i] as Word).weak) continue;
      for (let len = 1; len <= MAX_WORDS && i + len <= chunk.length; len++) {
        const part = chunk.slice(i, i + len);
        const key = part.map((w) => w.key).join(" ");
        const form = part.map((w) => w.form).join(" ");
        const p = into.get(key);
        if (p) {
          p.forms.push(form);
          p.inTitle ||= inTitle;
        } else into.set(key, { key, words: len, forms: [form], inTitle });
      }
    }
    chunk = [];
  };
  for (const m of plainText(text).matchAll(TOKEN)) {
    const token = m[0];
    const key = isBreak(token) ? null : wordKey(token);
    if (key === null) flush();
    else chunk.push({ form: token, key, weak: WEAK.has(token.toLowerCase()) });
  }
  flush();
}

/**
 * The key of a phrase written out ("sparse attention" → its stems), as `Phrase.key`; null when a
 * word of it never occurs in phrases (a stopword or a generic word).
 */
export function phraseKey(text: string): string | null {
  const parts: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const key = isBreak(m[0]) ? null : wordKey(m[0]);
    if (key === null) return null;
    parts.push(key);
  }
  return parts.length ? parts.join(" ") : null;
}

/** Every key phrase of one paper (title and abstract). */
export function paperPhrases(title: string, abstract: string): Map<string, Phrase> {
  const out = new Map<string, Phrase>();
  addPhrases(title, true, out);
  addPhrases(abstract.slice(0, 20_000), false, out);
  return out;
}
