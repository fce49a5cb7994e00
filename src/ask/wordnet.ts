/**
 * Words WordNet gives for a question's everyday word that research abstracts use ("pictures":
 * "images", "customer": "client", "check": "verification"): synset members of the word's first
 * senses and their close relatives, built once by scripts/build-ask-wordnet.ts from WordNet 3.1
 * and kept where the background abstracts have them (docs/ask.md, round 12: WordNet). Keyed by
 * `ask` stem so inflections share an entry. Loaded on first use.
 */
import { ErrorCode, PaperboyError } from "../errors.js";
import tableJson from "./wordnet-related.json" with { type: "json" };
import { type Word, words } from "./words.js";

export const WORDNET_RELATED = {
  file: "src/ask/wordnet-related.json",
  model: "ask-wordnet-related",
  version: 1,
  script: "scripts/build-ask-wordnet.ts",
} as const;

let table: Map<string, Word[]> | undefined;

function load(): Map<string, Word[]> {
  const file = tableJson as { model?: string; version?: number; related?: Record<string, string> };
  if (file.model !== WORDNET_RELATED.model || file.version !== WORDNET_RELATED.version || !file.related)
    throw new PaperboyError(
      ErrorCode.WeightsInvalid,
      `${WORDNET_RELATED.file} is not ${WORDNET_RELATED.model} v${WORDNET_RELATED.version}; rebuild it with \`npx tsx ${WORDNET_RELATED.script}\``,
      { file: WORDNET_RELATED.file },
    );
  return new Map(Object.entries(file.related).map(([stem, list]) => [stem, words(list)]));
}

/** WordNet's words for this one that abstracts use; empty for a word WordNet or abstracts lack. */
export function wordnetRelated(w: Word): Word[] {
  table ??= load();
  return table.get(w.stem) ?? [];
}
