/**
 * Labels for clusters of papers, from the papers' own key phrases. A phrase scores by a class-based
 * TF-IDF: how many of the topic's papers use it (title uses count extra) and how few papers outside
 * the topic do. It then must read as a topic name (see `label-words.ts`): no generic phrase, no
 * quantity as its last word, no judging first word; a field/method/task word as the last word
 * scores extra. When the best phrase covers too little of its topic, a second phrase that covers
 * other papers of it is joined: "Sparse attention & pruning". Labels never repeat a head word
 * across the topics; casing is the papers' own, in sentence case.
 */
import {
  GENERIC_PHRASES,
  MEASURE_HEADS,
  TOPIC_HEADS,
  TOPIC_WORDS,
  VAGUE_MODIFIERS,
  WEAK_HEADS,
} from "./label-words.js";
import type { Phrase } from "./phrases.js";

export const MIN_LABEL_WORDS = 2;
export const MAX_LABEL_WORDS = 5;
/** Below this share of the topic's papers, the best phrase gets a partner. */
const COMBINE_BELOW = 0.5;

const LENGTH_FACTOR = [0, 0.7, 1, 1, 0.8];
const TOPIC_HEAD_FACTOR = 1.6;
const WEAK_HEAD_FACTOR = 0.5;
const TITLE_WEIGHT = 1.0;

// "Convolutional neural", "Multiple agentic": a phrase that ends on an adjective names no thing.
const ADJECTIVE_END = /(?:ic|al|ive|ous|ble|ful|less|ary|ed)$/;
const NOUNS_LIKE_ADJECTIVES = new Set(
  `retrieval signal logic objective metric heuristic perspective alternative removal critic interval
  proposal manual terminal potential arrival tutorial approval survival portal music topic traffic graphic
  initiative incentive primitive narrative derivative negative positive directive ensemble variable table
  trouble bubble diagnostic analytic rationale mechanic dynamic dynamics`.split(/\s+/),
);
// Adjectives no suffix gives away: "structured sparse", "ultra long".
const PLAIN_ADJECTIVES = new Set(
  "sparse dense deep long short large small fast slow low high wide narrow free hard soft full partial robust".split(
    " ",
  ),
);
// "9B VLM", "7B models": a model size is no topic.
/** Share of a partner phrase's papers that must be in the topic. */
const PARTNER_EXCLUSIVITY = 0.5;
const SIZE_TOKEN = /^\d+(?:\.\d+)?[bmkt]$/i;
const VERB_FORM = /^\p{L}+(?:izes|ises|ifies)$/iu;
const VERBS = new Set(
  "enhance enhances encode encodes compress compresses boost boosts reduce reduces rely relies yield yields scale scales".split(
    " ",
  ),
);

function endsOnNoun(form: string): boolean {
  const last = (form.split(/[\s-]/).pop() ?? "").toLowerCase();
  if (PLAIN_ADJECTIVES.has(last)) return false;
  return (
    !ADJECTIVE_END.test(last) ||
    NOUNS_LIKE_ADJECTIVES.has(last) ||
    // An acronym or a name ("SAE", "ConvNeXt"); a capital that only starts the label does not count.
    /^.+\p{Lu}/u.test(form.split(" ").pop() ?? "")
  );
}

interface Stat {
  key: string;
  words: number;
  /** Members (indices into the day's papers) that use the phrase, and those with it in the title. */
  docs: number[];
  titles: number;
  forms: string[];
}

interface Candidate {
  s: Stat;
  head: string;
  score: number;
}

/** Sentence case that keeps acronyms and mixed-case names ("LLM", "N:M", "ConvNeXt"). */
export function readableForm(form: string): string {
  const casePart = (part: string) =>
    /^\p{Lu}$/u.test(part) || /^.+\p{Lu}/u.test(part) ? part : part.toLowerCase();
  const text = form
    .split(" ")
    .map((w) =>
      w
        .split(/([-:'’])/)
        .map(casePart)
        .join(""),
    )
    .join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function mostCommonForm(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const f of forms) {
    const r = readableForm(f);
    counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "";
}

function clusterStats(members: readonly number[], phrases: readonly Map<string, Phrase>[]): Stat[] {
  const stats = new Map<string, Stat>();
  for (const i of members) {
    for (const p of (phrases[i] as Map<string, Phrase>).values()) {
      let s = stats.get(p.key);
      if (!s) {
        s = { key: p.key, words: p.words, docs: [], titles: 0, forms: [] };
        stats.set(p.key, s);
      }
      s.docs.push(i);
      if (p.inTitle) s.titles++;
      s.forms.push(...p.forms);
    }
  }
  return [...stats.values()];
}

/** How well a phrase reads as a topic name: 0 when it cannot be one. */
function nameQuality(s: Stat, form: string): number {
  const words = s.key.split(" ");
  const head = words.at(-1) as string;
  const first = form.split(" ")[0] ?? "";
  if (GENERIC_PHRASES.has(s.key) || MEASURE_HEADS.has(head) || !endsOnNoun(form)) return 0;
  if (words.length > 1 && (VAGUE_MODIFIERS.has(words[0] as string) || SIZE_TOKEN.test(first))) return 0;
  // One word names a topic only when it is a field or method noun as written ("pruning", not
  // "prunes", which stems alike).
  if (words.length === 1 && !TOPIC_WORDS.has(form.toLowerCase())) return 0;
  // "Characterizes attention", "models enhance embedding": a verb inside reads as a sentence.
  if (form.split(" ").some((w) => VERB_FORM.test(w) || VERBS.has(w.toLowerCase()))) return 0;
  // "Overcoming user feedback", "Balancing understanding": a title's opening verb, not a name.
  if (words.length > 1 && /^\p{Lu}?\p{Ll}+ing$/u.test(first) && !TOPIC_WORDS.has(first.toLowerCase()))
    return 0;
  // A generic phrase with one more word in front is still generic ("deep neural networks").
  if (words.length > 2 && GENERIC_PHRASES.has(words.slice(1).join(" "))) return 0.3;
  const topical = TOPIC_HEADS.has(head) || TOPIC_HEADS.has(words.slice(-2).join(" "));
  const headFactor = topical ? TOPIC_HEAD_FACTOR : WEAK_HEADS.has(head) ? WEAK_HEAD_FACTOR : 1;
  return (LENGTH_FACTOR[words.length] ?? 0.8) * headFactor;
}

function rank(
  members: readonly number[],
  phrases: readonly Map<string, Phrase>[],
  docFreq: ReadonlyMap<string, number>,
  minDocs: number,
): Candidate[] {
  const out: Candidate[] = [];
  for (const s of clusterStats(members, phrases)) {
    if (s.docs.length < minDocs) continue;
    const quality = nameQuality(s, mostCommonForm(s.forms));
    if (quality === 0) continue;
    const coverage = (s.docs.length + TITLE_WEIGHT * s.titles) / members.length;
    const exclusivity = s.docs.length / (docFreq.get(s.key) as number);
    out.push({
      s,
      head: s.key.split(" ").at(-1) as string,
      score: coverage * Math.sqrt(exclusivity) * quality,
    });
  }
  return out.sort((a, b) => b.score - a.score || (a.s.key < b.s.key ? -1 : 1));
}

function wordCount(label: string): number {
  return label.split(/\s+/).length;
}

/** "A & B", or "Sparse attention & training" when both start with the same word. */
function join(a: Candidate, b: Candidate): string {
  const fa = mostCommonForm(a.s.forms);
  const fb = mostCommonForm(b.s.forms);
  const wa = a.s.key.split(" ");
  const wb = b.s.key.split(" ");
  if (wa.length > 1 && wb.length > 1 && wa[0] === wb[0]) {
    return `${fa} & ${fb.split(" ").slice(1).join(" ")}`;
  }
  return `${fa} & ${fb.charAt(0).toLowerCase() === fb.charAt(0) ? fb : lowerFirst(fb)}`;
}

function lowerFirst(form: string): string {
  const first = form.split(" ")[0] as string;
  // Keep acronyms and names ("LLM", "GUI"); lower an ordinary capitalized word.
  return /^\p{Lu}[\p{Ll}-]*$/u.test(first) ? form.charAt(0).toLowerCase() + form.slice(1) : form;
}

/** A second phrase that names other papers of the topic than `a` does, if one reads well with it. */
function partner(
  a: Candidate,
  ranked: readonly Candidate[],
  usedHeads: ReadonlySet<string>,
  size: number,
  docFreq: ReadonlyMap<string, number>,
): { label: string; b: Candidate } | null {
  const covered = new Set(a.s.docs);
  const aWords = new Set(a.s.key.split(" "));
  for (const b of ranked) {
    if (b === a || b.head === a.head || usedHeads.has(b.head) || b.s.words > 2) continue;
    // "Sparse training & sparsity" says one thing twice: the partner must bring its own words.
    if (b.s.key.split(" ").some((w) => [...aWords].some((x) => x.slice(0, 5) === w.slice(0, 5)))) continue;
    // The partner must be this topic's own word, not one another topic has a better claim to.
    if (b.s.docs.length < PARTNER_EXCLUSIVITY * (docFreq.get(b.s.key) as number)) continue;
    const adds = b.s.docs.filter((d) => !covered.has(d)).length;
    if (adds < Math.max(2, 0.15 * size) || b.score < 0.4 * a.score) continue;
    const label = join(a, b);
    if (wordCount(label) <= MAX_LABEL_WORDS) return { label, b };
  }
  return null;
}

/**
 * One label per cluster (clusters given as member index lists, largest first), never repeated.
 * `fallback` names a cluster whose papers share no phrase.
 */
export function labelClusters(
  clusters: readonly number[][],
  phrases: readonly Map<string, Phrase>[],
  fallback: (members: readonly number[]) => string,
): string[] {
  const docFreq = new Map<string, number>();
  for (const m of phrases) for (const key of m.keys()) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  const usedHeads = new Set<string>();
  const usedLabels = new Set<string>();
  return clusters.map((members) => {
    const free = (minDocs: number) =>
      rank(members, phrases, docFreq, minDocs).filter((c) => !usedHeads.has(c.head));
    let ranked = free(members.length >= 3 ? 2 : 1);
    // No good phrase shared by two papers: the best one of a single paper (titles count extra).
    if (!ranked.some((c) => c.s.words >= MIN_LABEL_WORDS)) ranked = free(1);
    const a = ranked.find((c) => c.s.words >= MIN_LABEL_WORDS) ?? ranked[0];
    let label: string | null = null;
    const heads: string[] = [];
    if (a) {
      const thin = a.s.docs.length / members.length < COMBINE_BELOW || a.s.words < MIN_LABEL_WORDS;
      const pair = thin ? partner(a, ranked, usedHeads, members.length, docFreq) : null;
      if (pair) {
        label = pair.label;
        heads.push(a.head, pair.b.head);
      } else if (a.s.words >= MIN_LABEL_WORDS) {
        label = mostCommonForm(a.s.forms);
        heads.push(a.head);
      }
    }
    if (label === null || usedLabels.has(label.toLowerCase()))
      label = uniqueFallback(fallback(members), usedLabels);
    for (const h of heads) usedHeads.add(h);
    usedLabels.add(label.toLowerCase());
    return label;
  });
}

function uniqueFallback(label: string, used: ReadonlySet<string>): string {
  let out = label;
  for (let n = 2; used.has(out.toLowerCase()); n++) out = `${label} (${n})`;
  return out;
}
