/**
 * Names for groups of papers. A label is a heading a researcher would write: a research area's own
 * label ("Video generation"), its family's ("Model efficiency"), two areas joined ("Image & video
 * generation", each covering at least a third of the papers), or a noun phrase the papers share
 * ("sparse attention"). Whatever it is, its words (or its area's key phrases) occur in at least half
 * of the group's papers (`MIN_COVERAGE`); among those that do, the label that covers the most papers
 * and the fewest papers outside the group wins, curated names before found phrases.
 */
import type { AreaCatalog, AreaMatch } from "./areas.js";
import { MAX_PHRASE_WORDS, type NounPhrase } from "./noun-phrases.js";

export const MIN_COVERAGE = 0.5;
/** Each side of "A & B" covers at least this share of the papers... */
export const MIN_PAIR_SHARE = 1 / 3;
/** ...and at least this many: two papers on two subjects are two papers, not a topic. */
export const MIN_PAIR_PAPERS = 2;
export const MAX_LABEL_WORDS = 4;
export const OTHER_LABEL = "Other";

/** How much a kind of label is preferred when coverage and exclusivity are equal. */
const KIND_WEIGHT = { area: 1, pair: 0.95, family: 0.9, phrase: 0.8 } as const;
const PHRASE_LENGTH_WEIGHT = [0, 0.8, 1, 1, 0.85];

export interface LabelChoice {
  label: string;
  kind: keyof typeof KIND_WEIGHT;
  /** Share of the group's papers the label's words (or key phrases) occur in. */
  coverage: number;
  score: number;
  /** The group's papers the label speaks for. */
  covered: number[];
}

/** Words no heading is made of: too broad for a day of ML papers, or not about the subject. */
const GENERIC = new Set(
  `paper papers work works method methods approach approaches framework frameworks model models system systems
  task tasks result results performance experiment experiments data dataset datasets benchmark benchmarks
  baseline baselines problem problems challenge challenges study studies analysis technique techniques
  strategy strategies pipeline solution solutions way ways state art first second novel new existing recent
  key large small simple effective efficient robust general different various several many multiple
  llm llms language ai learning training inference network networks neural deep machine module
  modules design component components capability capabilities ability abilities setting settings scenario
  scenarios level levels number set sets range domain domains information knowledge quality time
  accuracy efficiency cost costs improvement improvements gain gains limitation limitations issue issues
  end art aspect aspects insight insights finding findings evaluation evaluations input inputs output
  outputs text image images video videos content process step steps type types form forms source
  sources version versions case cases example examples test tests user users human humans people
  world real wild practice practical application applications use usage need needs lack gap gaps
  property properties behavior behaviors behaviour effect effects impact factor factors value values`.split(
    /\s+/,
  ),
);
/** Heads that measure something rather than name it: "sequence length", "accuracy loss". */
const MEASURE_HEADS = new Set(
  `length lengths loss losses accuracy size sizes cost costs overhead rate rates ratio ratios time times
  error errors score scores gap gaps amount budget budgets speed speedup throughput latency efficiency
  count counts point points degradation drop gain gains footprint usage consumption`.split(/\s+/),
);
/** Words of links and repositories, never of a subject: "project page", "GitHub". */
const LINK_WORDS = new Set(
  "github gitlab huggingface http https www com org io html url urls website homepage page pages link links demo repo".split(
    " ",
  ),
);

function lowerFirst(label: string): string {
  const first = label.split(" ")[0] as string;
  // Keep acronyms and names ("LLM", "GUI"); lower an ordinary capitalized word.
  return /^\p{Lu}\p{Ll}*(?:-\p{Ll}+)*$/u.test(first) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export function sentenceCaseLabel(form: string): string {
  return form.charAt(0).toUpperCase() + form.slice(1);
}

function wordCount(label: string): number {
  return label.split(/\s+/).filter((w) => w !== "&").length;
}

/** "Image generation" + "Video generation" → "Image & video generation"; else "A & b". */
export function joinLabels(a: string, b: string): string {
  const wa = a.split(" ");
  const wb = b.split(" ");
  if (wa.length > 1 && wb.length > 1 && wa.at(-1)?.toLowerCase() === wb.at(-1)?.toLowerCase()) {
    return `${wa.slice(0, -1).join(" ")} & ${lowerFirst(wb.join(" "))}`;
  }
  return `${a} & ${lowerFirst(b)}`;
}

/** Why a found phrase cannot be a heading, or null when it can. */
export function phraseRejection(phrase: NounPhrase, lowerWords: readonly string[]): string | null {
  if (phrase.words > MAX_PHRASE_WORDS) return "too long";
  if (lowerWords.some((w) => w.split("-").some((p) => LINK_WORDS.has(p)))) return "a link word";
  if (lowerWords.every((w) => GENERIC.has(w) || w.split("-").every((p) => GENERIC.has(p)))) return "generic";
  const head = lowerWords.at(-1) as string;
  if (MEASURE_HEADS.has(head) || GENERIC.has(head)) return "a measure or generic head";
  if (GENERIC.has(lowerWords[0] as string) && lowerWords.length > 1) return "a vague first word";
  if (/^\p{N}/u.test(lowerWords[0] as string)) return "starts with a number";
  return null;
}

export interface LabelSources {
  catalog: AreaCatalog;
  matches: readonly AreaMatch[];
  /** Noun phrases of paper i (computed on demand). */
  phrasesOf(i: number): readonly NounPhrase[];
  /** Papers whose text holds this phrase key (stems in a row; all papers of the day, memoized). */
  papersWith(key: string): ReadonlySet<number>;
}

/** The papers (of all) about each area and each pooled family: computed once per day. */
export class AreaCoverage {
  readonly byArea: number[][];
  readonly byFamily: number[][];
  constructor(sources: LabelSources) {
    this.byArea = sources.catalog.areas.map(() => []);
    this.byFamily = sources.catalog.families.map(() => []);
    sources.matches.forEach((m, i) => {
      const families = new Set<number>();
      for (const a of m.about) {
        (this.byArea[a] as number[]).push(i);
        families.add((sources.catalog.areas[a] as { family: { index: number } }).family.index);
      }
      for (const f of families) (this.byFamily[f] as number[]).push(i);
    });
  }
}

/** Every acceptable label for a group, best first (empty when nothing covers half of it). */
export function labelCandidates(
  members: readonly number[],
  sources: LabelSources,
  coverage: AreaCoverage,
  options: { any?: boolean } = {},
): LabelChoice[] {
  const size = members.length;
  const inGroup = new Set(members);
  const out: LabelChoice[] = [];
  const consider = (
    label: string,
    kind: LabelChoice["kind"],
    covered: number[],
    everywhere: number,
    extra = 1,
  ) => {
    const cov = covered.length / size;
    if (cov < MIN_COVERAGE || wordCount(label) > MAX_LABEL_WORDS || everywhere === 0) return;
    const exclusivity = covered.length / everywhere;
    out.push({
      label,
      kind,
      coverage: cov,
      covered,
      score: cov * Math.sqrt(exclusivity) * KIND_WEIGHT[kind] * extra,
    });
  };
  const { catalog } = sources;
  // Areas and families whose key phrases occur in the group.
  const areaCovered = new Map<number, number[]>();
  for (const i of members) {
    for (const a of (sources.matches[i] as AreaMatch).about) {
      const list = areaCovered.get(a) ?? [];
      list.push(i);
      areaCovered.set(a, list);
    }
  }
  const familyCovered = new Map<number, Set<number>>();
  for (const [a, list] of areaCovered) {
    const area = catalog.areas[a] as (typeof catalog.areas)[number];
    consider(area.label, "area", list, (coverage.byArea[a] as number[]).length);
    if (!area.family.pool) continue;
    const set = familyCovered.get(area.family.index) ?? new Set<number>();
    for (const i of list) set.add(i);
    familyCovered.set(area.family.index, set);
  }
  for (const [f, set] of familyCovered) {
    const family = catalog.families[f] as (typeof catalog.families)[number];
    consider(family.label, "family", [...set], (coverage.byFamily[f] as number[]).length);
  }
  // Two areas, each naming a third of the papers, together half: "Image & video generation".
  const sizable = [...areaCovered.entries()]
    // A label that already joins two ("Finance & law") is not joined again.
    .filter(
      ([a, list]) =>
        list.length / size >= MIN_PAIR_SHARE &&
        list.length >= MIN_PAIR_PAPERS &&
        list.length < size &&
        !catalog.areas[a]?.label.includes("&"),
    )
    .sort((x, y) => y[1].length - x[1].length || x[0] - y[0]);
  for (let x = 0; x < sizable.length; x++) {
    for (let y = x + 1; y < sizable.length; y++) {
      const [a, la] = sizable[x] as [number, number[]];
      const [b, lb] = sizable[y] as [number, number[]];
      const union = [...new Set([...la, ...lb])].sort((p, q) => p - q);
      if (union.length === la.length || union.length === lb.length) continue; // one says it all
      const everywhere = new Set([...(coverage.byArea[a] as number[]), ...(coverage.byArea[b] as number[])])
        .size;
      const label = joinLabels(
        (catalog.areas[a] as { label: string }).label,
        (catalog.areas[b] as { label: string }).label,
      );
      consider(label, "pair", union, everywhere);
    }
  }
  // Whether a group can be named is asked often while grouping; curated names answer it cheaply.
  if (options.any && out.length) return out;
  // Noun phrases the papers share.
  const seen = new Set<string>();
  for (const i of members) {
    for (const p of sources.phrasesOf(i)) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      const lower = p.form.split(" ").map((w) => w.toLowerCase());
      if (phraseRejection(p, lower)) continue;
      const all = sources.papersWith(p.key);
      const covered = members.filter((m) => all.has(m));
      // A phrase of one paper only is that paper's name, not a topic's (unless the group is one paper).
      if (all.size < 2 && size > 1) continue;
      // One found word ("Modeling", "Specialization") is a heading only as a name every paper of the
      // group uses ("RLVR"); curated one-word headings ("Quantization") come from the areas.
      if (
        p.words === 1 &&
        size > 1 &&
        (!/^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(p.form) || members.some((m) => !all.has(m)))
      )
        continue;
      if (covered.length === 0 || ![...covered].every((m) => inGroup.has(m))) continue;
      consider(sentenceCaseLabel(p.form), "phrase", covered, all.size, PHRASE_LENGTH_WEIGHT[p.words] ?? 0.8);
      if (options.any && out.length) return out;
    }
  }
  return out.sort((x, y) => y.score - x.score || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
}
