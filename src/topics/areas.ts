/**
 * The research-areas catalogue (`research-areas.ts`) checked and compiled for matching, and how
 * much each area speaks for a paper: in the title and the source's summary, the best weight of the
 * area's phrases there (a key phrase 1, a hint 1/3) times the field's weight (3, 1); in the
 * abstract, its mentions (hints a third) up to `ABSTRACT_MENTIONS_CAP`, so that an abstract that
 * keeps coming back to an area tells it from one it names in passing. A paper's area is the one
 * that scores highest among those it names by a key phrase, when it scores at least
 * `MIN_AREA_SCORE` (a mention in the title or the summary, or two in the abstract): below that a
 * paper belongs to no area, and finds its topic by its text alone.
 */
import { z } from "zod";
import { comparedTerms } from "../text/analysis.js";
import { RESEARCH_AREAS } from "./research-areas.js";
import { FIELD_WEIGHT, FIELDS, type TopicPaperText } from "./text.js";

export interface AreaSpec {
  id: string;
  label: string;
  phrases: string;
  hints?: string;
  requires?: string;
}

export interface FamilySpec {
  id: string;
  label: string;
  pool: boolean;
  source: string;
  areas: readonly AreaSpec[];
}

export const MIN_AREA_SCORE = 2;
/** An area scoring this share of the paper's own area's score is also what the paper is about. */
export const NEAR_PRIMARY = 0.75;
const HINT_WEIGHT = 1 / 3;
/** Mentions in the abstract count in full up to this many (a long abstract is not more on topic)... */
const ABSTRACT_MENTIONS_CAP = 2;
/** ...and a twentieth each past it, up to ten more: this decides between two areas a title names alike. */
const EXTRA_MENTION_WEIGHT = 0.05;
const EXTRA_MENTIONS_CAP = 10;

const Id = z.string().regex(/^[a-z0-9-]+$/, "ids are lower-case words joined by hyphens");
// A label is a heading: 1 to 4 words (a hyphenated word is one), no trailing punctuation.
const Label = z
  .string()
  .regex(/^\S+(?: \S+){0,3}$/, "a label is 1 to 4 words")
  .refine((s) => !/[.,;:]$/.test(s), "a label does not end in punctuation");
const PhraseList = z.string().refine((s) => list(s).length > 0, "needs at least one phrase");
const AreaSchema = z
  .object({
    id: Id,
    label: Label,
    phrases: PhraseList,
    hints: z.string().optional(),
    requires: z.string().optional(),
  })
  .strict();
const FamilySchema = z
  .object({
    id: Id,
    label: Label,
    pool: z.boolean(),
    source: z.string().min(10),
    areas: z.array(AreaSchema).min(1),
  })
  .strict();

function list(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

export interface Area {
  index: number;
  id: string;
  label: string;
  family: Family;
}

export interface Family {
  index: number;
  id: string;
  label: string;
  pool: boolean;
  areas: Area[];
}

enum Kind {
  Phrase = 0,
  Hint = 1,
  Requires = 2,
}

interface Entry {
  /** The catalogue phrase this is a form of (its forms are listed together). */
  phrase: number;
  area: number;
  kind: Kind;
  stems: string[];
}

/** What the catalogue says of one paper. */
export interface AreaMatch {
  /** Score per area (index as in `AreaCatalog.areas`); 0 where the area does not apply. */
  scores: Float64Array;
  /**
   * Areas the paper is mainly about: its own area, and any other that one of its key phrases (not
   * only hints) names and that scores nearly as high (`NEAR_PRIMARY`). A label drawn from an area
   * speaks for these papers; a paper that names an area in passing is not about it.
   */
  about: ReadonlySet<number>;
  /** The paper's area, or null when none scores `MIN_AREA_SCORE`. */
  primary: number | null;
}

export class AreaCatalog {
  readonly areas: Area[] = [];
  readonly families: Family[] = [];
  private readonly byFirstStem = new Map<string, Entry[]>();
  private readonly hasRequires: boolean[] = [];
  private phraseCount = 0;

  /** Checks the catalogue (ids unique, labels headings, every phrase has words); throws when not. */
  constructor(specs: readonly FamilySpec[]) {
    const ids = new Set<string>();
    const labels = new Set<string>();
    // One label, one meaning: a heading must tell which area (or family) it stands for.
    const uniqueLabel = (label: string) => {
      if (labels.has(label.toLowerCase()))
        throw new Error(`research areas: the label "${label}" is used twice`);
      labels.add(label.toLowerCase());
    };
    for (const raw of specs) {
      const spec = FamilySchema.parse(raw);
      uniqueLabel(spec.label);
      const family: Family = {
        index: this.families.length,
        id: spec.id,
        label: spec.label,
        pool: spec.pool,
        areas: [],
      };
      this.families.push(family);
      for (const a of spec.areas) {
        if (ids.has(a.id)) throw new Error(`research areas: the id "${a.id}" is used twice`);
        ids.add(a.id);
        uniqueLabel(a.label);
        const area: Area = { index: this.areas.length, id: a.id, label: a.label, family };
        this.areas.push(area);
        family.areas.push(area);
        this.hasRequires.push(list(a.requires).length > 0);
        const lists: [string | undefined, Kind][] = [
          [a.phrases, Kind.Phrase],
          [a.hints, Kind.Hint],
          [a.requires, Kind.Requires],
        ];
        for (const [text, kind] of lists) {
          for (const phrase of list(text)) {
            const forms = phraseForms(phrase);
            // "on-policy" would match every "policy": a phrase must not shrink to one matched word
            // (stopwords and single letters are not matched).
            if (forms.length === 0) {
              const stems = comparedTerms(phrase);
              throw new Error(
                `research areas: "${phrase}" of ${a.id} would match as "${stems.join(" ")}"; write it with words that are matched`,
              );
            }
            for (const stems of forms) {
              const key = stems[0] as string;
              const entries = this.byFirstStem.get(key) ?? [];
              entries.push({ phrase: this.phraseCount, area: area.index, kind, stems });
              this.byFirstStem.set(key, entries);
            }
            this.phraseCount++;
          }
        }
      }
    }
  }

  /** Scores every area for one paper. */
  match(text: TopicPaperText): AreaMatch {
    const count = this.areas.length;
    const scores = new Float64Array(count);
    const phraseAreas = new Set<number>();
    const required = new Uint8Array(count);
    for (const field of FIELDS) {
      const stream = text[field];
      const best = new Float64Array(count);
      for (let i = 0; i < stream.length; i++) {
        const entries = this.byFirstStem.get(stream[i] as string);
        if (!entries) continue;
        // A phrase's forms (written, and with spaces) both match "needle-in-a-haystack": once.
        let matchedPhrase = -1;
        for (const e of entries) {
          if (e.phrase === matchedPhrase || !matchesAt(stream, i, e.stems)) continue;
          matchedPhrase = e.phrase;
          if (e.kind === Kind.Requires) {
            required[e.area] = 1;
            continue;
          }
          const w = e.kind === Kind.Phrase ? 1 : HINT_WEIGHT;
          if (e.kind === Kind.Phrase) phraseAreas.add(e.area);
          // The abstract sums its mentions; a title or summary says it once.
          if (field === "abstract") best[e.area] = (best[e.area] as number) + w;
          else if (w > (best[e.area] as number)) best[e.area] = w;
        }
      }
      for (let a = 0; a < count; a++) {
        const b = best[a] as number;
        const counted =
          field !== "abstract"
            ? b
            : Math.min(ABSTRACT_MENTIONS_CAP, b) +
              EXTRA_MENTION_WEIGHT * Math.min(EXTRA_MENTIONS_CAP, Math.max(0, b - ABSTRACT_MENTIONS_CAP));
        scores[a] = (scores[a] as number) + FIELD_WEIGHT[field] * counted;
      }
    }
    let primary: number | null = null;
    for (let a = 0; a < count; a++) {
      if (this.hasRequires[a] && !required[a]) {
        scores[a] = 0;
        phraseAreas.delete(a);
        continue;
      }
      const s = scores[a] as number;
      // Hints alone say little: a paper's area is one it names by a key phrase. Ties go to the area
      // listed first, so the same paper always gets the same area.
      if (s >= MIN_AREA_SCORE && phraseAreas.has(a) && (primary === null || s > (scores[primary] as number)))
        primary = a;
    }
    const floor = primary === null ? Number.POSITIVE_INFINITY : NEAR_PRIMARY * (scores[primary] as number);
    const about = new Set([...phraseAreas].filter((a) => a === primary || (scores[a] as number) >= floor));
    return { scores, about, primary };
  }
}

/** Words of a phrase as written: "needle-in-a-haystack" has four, "Q-learning" two. */
function writtenWords(phrase: string): number {
  return phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
}

/**
 * The runs of terms a catalogue phrase matches, or none when it would match as one word for several
 * written. The shared analysis adds a letter compound's joined form ("needle-in-a-haystack" →
 * "needl haystack ahaystack", "Q-learning" → "learn qlearn"), which a paper writing "needle in a
 * haystack" lacks: such a phrase also matches as written with spaces, unless that leaves one word
 * ("Q learning" is "learning", any learning).
 */
export function phraseForms(phrase: string): string[][] {
  const words = writtenWords(phrase);
  const out: string[][] = [];
  for (const form of [phrase, phrase.replace(/[-\u2010\u2011]/g, " ")]) {
    const stems = comparedTerms(form);
    if (stems.length === 0 || (stems.length === 1 && words > 1)) continue;
    if (!out.some((o) => o.join(" ") === stems.join(" "))) out.push(stems);
  }
  return out;
}

function matchesAt(stream: readonly string[], at: number, stems: readonly string[]): boolean {
  if (at + stems.length > stream.length) return false;
  for (let k = 1; k < stems.length; k++) if (stream[at + k] !== stems[k]) return false;
  return true;
}

let shared: AreaCatalog | null = null;

/** The shipped catalogue, compiled once per process. */
export function researchAreas(): AreaCatalog {
  shared ??= new AreaCatalog(RESEARCH_AREAS);
  return shared;
}
