/**
 * Topics of a set of papers (a day, or a range of days), as an editor would draw them: grouped by
 * research area first, then by likeness (`grouping.ts`), each named by a heading its papers bear out
 * (`labels.ts`), with "Other" for papers that fit no group well. Deterministic: the same papers in
 * the same order always give the same topics.
 *
 * Sizes: 1–3 papers make one topic (or a plain list when nothing names them); 4–9 papers make at
 * most 3 topics; from 10 papers on there are 3 to 10 topics, "Other" included and at most 20% of
 * the papers, and from 30 papers on no topic holds more than 40% of them. Within a topic, the papers
 * its heading speaks for come first (a topic opens with a paper about it, not with a popular one
 * that joined it by likeness); then, among each part, by the source's upvotes when known, then
 * those with code, then in the digest's order.
 */

import { loadPosTagger } from "../text/pos-tagger.js";
import { type AreaMatch, researchAreas } from "./areas.js";
import { type GroupingLimits, groupPapers } from "./grouping.js";
import { AreaCoverage, type LabelChoice, type LabelSources, labelCandidates, OTHER_LABEL } from "./labels.js";
import { MAX_PHRASE_WORDS, type NounPhrase, paperNounPhrases } from "./noun-phrases.js";
import { paperSimilarities } from "./similarity.js";
import { FIELDS, type TopicPaperText, topicText } from "./text.js";
import { textVectors } from "./vectors.js";

export { OTHER_LABEL };

export interface TopicInput {
  pk: number;
  id: string;
  title: string;
  abstract: string;
  /** The source's own summary (the HF API's `ai_summary`); null or absent for page-form digests. */
  summary?: string | null;
  /** The source's upvotes, when known: the order of papers within a topic. */
  upvotes?: number | null;
  /** Whether the paper links code: the next order within a topic. */
  hasCode?: boolean;
}

export interface Topic {
  label: string;
  /**
   * Primary keys of the topic's papers: those its label speaks for first, then by upvotes, then
   * code, then input order.
   */
  pks: number[];
  /** True for the catch-all group (and for a day too small or too blank to group). */
  other: boolean;
}

export const MIN_TOPICS = 3;
export const MAX_TOPICS = 10;
export const MAX_TOPIC_SHARE = 0.4;
export const MAX_OTHER_SHARE = 0.2;
/** From this many papers on, topics are shaped in full (3–10 topics, "Other"). */
export const FULL_ROUNDUP = 10;
/** Up to this many papers make one topic. */
export const ONE_TOPIC_UP_TO = 3;
const LARGE_DAY = 30;

export function roundupLimits(n: number): GroupingLimits {
  if (n < FULL_ROUNDUP) {
    return { minSize: 2, largeFamily: 3, minTopics: 1, maxTopics: 3, cap: n, otherCap: Math.floor(n / 3) };
  }
  // A heading is worth about a twentieth of the day; one heading is too few for a fifth of it.
  const minSize = Math.max(2, Math.round(n / 20));
  return {
    minSize,
    largeFamily: Math.max(minSize + 1, Math.round(n / 5)),
    minTopics: MIN_TOPICS,
    maxTopics: MAX_TOPICS,
    cap: n >= LARGE_DAY ? Math.floor(MAX_TOPIC_SHARE * n) : n,
    otherCap: Math.floor(MAX_OTHER_SHARE * n),
  };
}

/** What the grouping and the labels read of a day, computed once. */
class Day implements LabelSources {
  readonly catalog = researchAreas();
  readonly texts: TopicPaperText[];
  readonly matches: AreaMatch[];
  private readonly phrases = new Map<number, NounPhrase[]>();
  /** Phrase key → papers holding it; built on the first label that needs it. */
  private holders: Map<string, Set<number>> | null = null;
  readonly coverage: AreaCoverage;

  constructor(readonly papers: readonly TopicInput[]) {
    this.texts = papers.map((p) => topicText(p.title, p.abstract, p.summary));
    this.matches = this.texts.map((t) => this.catalog.match(t));
    this.coverage = new AreaCoverage(this);
  }

  phrasesOf(i: number): readonly NounPhrase[] {
    let list = this.phrases.get(i);
    if (!list) {
      const p = this.papers[i] as TopicInput;
      list = paperNounPhrases(p.title, p.summary, p.abstract);
      this.phrases.set(i, list);
    }
    return list;
  }

  papersWith(key: string): ReadonlySet<number> {
    this.holders ??= phraseIndex(this.texts);
    return this.holders.get(key) ?? NONE;
  }

  candidates(members: readonly number[]): LabelChoice[] {
    return labelCandidates(members, this, this.coverage);
  }

  nameable(members: readonly number[]): boolean {
    return labelCandidates(members, this, this.coverage, { any: true }).length > 0;
  }
}

const NONE: ReadonlySet<number> = new Set();

/** Every run of 1 to `MAX_PHRASE_WORDS` stems in the papers' fields → the papers holding it. */
function phraseIndex(texts: readonly TopicPaperText[]): Map<string, Set<number>> {
  const index = new Map<string, Set<number>>();
  texts.forEach((text, paper) => {
    for (const f of FIELDS) {
      const stream = text[f];
      for (let i = 0; i < stream.length; i++) {
        let key = stream[i] as string;
        for (let len = 1; len <= MAX_PHRASE_WORDS && i + len <= stream.length; len++) {
          if (len > 1) key = `${key} ${stream[i + len - 1]}`;
          let holders = index.get(key);
          if (!holders) {
            holders = new Set();
            index.set(key, holders);
          }
          holders.add(paper);
        }
      }
    }
  });
  return index;
}

function order(
  papers: readonly TopicInput[],
  members: readonly number[],
  covered: ReadonlySet<number> = NONE,
): number[] {
  return [...members]
    .sort((a, b) => {
      const pa = papers[a] as TopicInput;
      const pb = papers[b] as TopicInput;
      return (
        Number(covered.has(b)) - Number(covered.has(a)) ||
        (pb.upvotes ?? -1) - (pa.upvotes ?? -1) ||
        Number(pb.hasCode ?? false) - Number(pa.hasCode ?? false) ||
        a - b
      );
    })
    .map((i) => (papers[i] as TopicInput).pk);
}

/** Labels, largest topic first, never repeated; a topic nothing names goes to Other. */
function nameGroups(
  day: Day,
  groups: number[][],
  other: number[],
): { label: string; members: number[]; covered: ReadonlySet<number> }[] {
  const used = new Set<string>();
  const named: { label: string; members: number[]; covered: ReadonlySet<number> }[] = [];
  for (const members of groups) {
    const choice = day.candidates(members).find((c) => !used.has(c.label.toLowerCase()));
    if (!choice) {
      other.push(...members);
      continue;
    }
    used.add(choice.label.toLowerCase());
    named.push({ label: choice.label, members, covered: new Set(choice.covered) });
  }
  return named;
}

/** Compiles the research areas and loads the tagger, so that the first roundup does not pay for them. */
export function warmUpTopics(): void {
  researchAreas();
  loadPosTagger();
}

export function groupTopics(papers: readonly TopicInput[]): Topic[] {
  const n = papers.length;
  if (n === 0) return [];
  const day = new Day(papers);
  const everyone = papers.map((_, i) => i);
  if (n <= ONE_TOPIC_UP_TO) {
    const choice = day.candidates(everyone)[0];
    return [
      {
        label: choice?.label ?? OTHER_LABEL,
        pks: order(papers, everyone, new Set(choice?.covered)),
        other: !choice,
      },
    ];
  }
  const { combined, text } = paperSimilarities(day.matches, day.catalog, textVectors(day.texts));
  const grouping = groupPapers(
    {
      catalog: day.catalog,
      matches: day.matches,
      combined,
      text,
      nameable: (members) => day.nameable(members),
    },
    roundupLimits(n),
  );
  const other = [...grouping.other];
  const named = nameGroups(day, grouping.groups, other);
  const topics: Topic[] = named.map((t) => ({
    label: t.label,
    pks: order(papers, t.members, t.covered),
    other: false,
  }));
  if (other.length)
    topics.push({
      label: OTHER_LABEL,
      pks: order(
        papers,
        other.sort((a, b) => a - b),
      ),
      other: true,
    });
  return topics;
}
