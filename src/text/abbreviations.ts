/**
 * Abbreviations the archive defines for itself: "convolutional neural networks (CNNs)",
 * "reinforcement learning (RL)". Papers write the short form in one place and the long one in
 * another, and people type either in chat ("CNN", "knowledge distillation"), so a query that names
 * one also looks for the other. Definitions are found with Schwartz & Hearst's algorithm ("A
 * simple algorithm for identifying abbreviation definitions in biomedical text", PSB 2003): the
 * short form in parentheses, its characters matched right to left against the words before it.
 */
import { termOf, words } from "./tokenizer.js";

/** Papers that must give a long form before it is trusted as the short form's meaning. */
export const MIN_DEFINITIONS = 2;
/**
 * A short form defined in fewer than this share of the papers that use it is mostly a plain word
 * ("node", which one paper defines as Neural Oblivious Decision Ensembles): not expanded.
 */
export const MIN_DEFINED_SHARE = 0.2;
/** Longest long form, in terms, looked up in a query (Schwartz & Hearst's bound for 10 letters is 15). */
const MAX_LONG_TERMS = 15;

/** "(SF)" or "(SF; …" / "(SF, …": a short form opening parentheses. */
const PARENTHESIZED = /\(\s*([^()\s;,]{2,12})\s*[;,)]/gu;
/** Characters before the parenthesis searched for the long form. */
const LOOK_BACK = 200;
/** Where the long form cannot reach past: the end of a clause or another bracket. */
const CLAUSE_BOUNDARY = new Set("()[]{};:.!?");
/** 2–10 characters, starting with a letter or digit (after a trailing plural "s" is dropped). */
const SHORT_FORM = /^[\p{L}\p{N}][\p{L}\p{N}\-./&']{1,9}$/u;
const LETTER = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;

function firstTerm(long: string): string {
  const space = long.indexOf(" ");
  return space < 0 ? long : long.slice(0, space);
}

/** One definition: the short form's term and the long form's terms. */
export interface Definition {
  short: string;
  long: string[];
}

/**
 * The long form that `short` abbreviates at the end of `before`, or null. Each character of the
 * short form, right to left, must occur in order in the words before it, the first one at the
 * start of a word; at most min(|SF| + 5, 2|SF|) words are considered.
 */
export function longFormOf(short: string, before: string): string | null {
  const letters = [...short].filter((c) => LETTER.test(c)).length;
  const maxWords = Math.min(letters + 5, letters * 2);
  const text = before.trim().split(/\s+/).slice(-maxWords).join(" ");
  const sf = short.toLowerCase();
  const lf = text.toLowerCase();
  let l = lf.length - 1;
  for (let s = sf.length - 1; s >= 0; s--) {
    const c = sf[s] as string;
    if (!ALNUM.test(c)) continue;
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && ALNUM.test(lf[l - 1] as string)))) l--;
    if (l < 0) return null;
    l--;
  }
  const long = text.slice(lf.lastIndexOf(" ", l) + 1);
  return long.length > short.length ? long : null;
}

/** The text before position `at`, back to a clause boundary and at most LOOK_BACK characters. */
function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < LOOK_BACK && !CLAUSE_BOUNDARY.has(text[from - 1] as string)) from--;
  return text.slice(from, at);
}

/** Every abbreviation a text defines, as terms, each once. */
export function definitionsIn(text: string): Definition[] {
  const out = new Map<string, Definition>();
  for (const m of text.matchAll(PARENTHESIZED)) {
    const written = (m[1] as string).replace(/[-.']+$/, "");
    // "(e.g" and plain words in parentheses are not abbreviations: a short form has a capital.
    if (written === written.toLowerCase()) continue;
    const singular = written.length > 2 && /[A-Z]s$/.test(written) ? written.slice(0, -1) : written;
    if (!SHORT_FORM.test(singular) || !LETTER.test(singular)) continue;
    const long = longFormOf(singular, clauseBefore(text, m.index));
    if (!long) continue;
    const short = termOf(singular.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
    const longTerms = words(long)
      .map(termOf)
      .filter((t): t is string => t !== null);
    if (!short || longTerms.length < 2 || longTerms.length > MAX_LONG_TERMS || longTerms.includes(short))
      continue;
    const key = `${short} ${longTerms.join(" ")}`;
    if (!out.has(key)) out.set(key, { short, long: longTerms });
  }
  return [...out.values()];
}

/** What a query gains from the archive's abbreviations. */
export interface Expansion {
  /** Terms to search for besides the query's own. */
  added: string[];
  /** For a query term, the terms that together stand for it in a paper (its other form). */
  alternatives: Map<string, string[]>;
}

/** The persisted form: one row per definition, with the papers that give it. */
export type AbbreviationRows = [short: string, long: string, pks: number[]][];

/**
 * The archive's abbreviation dictionary, kept paper by paper so that a re-ingested or changed
 * paper replaces its own definitions: for each short form, its long forms and the papers giving
 * each. The long form most papers give is the short form's meaning (one field, one sense: "RL" is
 * reinforcement learning here).
 */
export class Abbreviations {
  /** short → long (terms joined by spaces) → papers. */
  private readonly senses = new Map<string, Map<string, Set<number>>>();
  /** long → the short forms it was given. */
  private readonly shortsOf = new Map<string, Set<string>>();
  /** A long form's first term → how many long forms start with it (a query's n-grams start only there). */
  private readonly starts = new Map<string, number>();
  /**
   * paper → the definitions it gives, as [short, long]; derived from `senses` on the first change
   * after loading, so a process that only searches never builds it.
   */
  private papers: Map<number, [string, string][]> | null = new Map();

  /** Records the definitions of a paper's text, replacing what it gave before. */
  set(pk: number, text: string): void {
    this.remove(pk);
    const found = definitionsIn(text);
    if (found.length === 0) return;
    const given: [string, string][] = found.map((d) => [d.short, d.long.join(" ")]);
    this.byPaper().set(pk, given);
    for (const [short, long] of given) this.record(short, long, [pk]);
  }

  private byPaper(): Map<number, [string, string][]> {
    if (this.papers) return this.papers;
    const papers = new Map<number, [string, string][]>();
    for (const [short, longs] of this.senses)
      for (const [long, pks] of longs)
        for (const pk of pks) {
          const given = papers.get(pk);
          if (given) given.push([short, long]);
          else papers.set(pk, [[short, long]]);
        }
    this.papers = papers;
    return papers;
  }

  remove(pk: number): void {
    const byPaper = this.byPaper();
    const given = byPaper.get(pk);
    if (!given) return;
    byPaper.delete(pk);
    for (const [short, long] of given) {
      const longs = this.senses.get(short);
      const papers = longs?.get(long);
      if (!longs || !papers) continue;
      papers.delete(pk);
      if (papers.size > 0) continue;
      longs.delete(long);
      if (longs.size === 0) this.senses.delete(short);
      const shorts = this.shortsOf.get(long);
      shorts?.delete(short);
      if (shorts?.size === 0) {
        this.shortsOf.delete(long);
        const first = firstTerm(long);
        const n = (this.starts.get(first) ?? 1) - 1;
        if (n > 0) this.starts.set(first, n);
        else this.starts.delete(first);
      }
    }
  }

  private record(short: string, long: string, pks: readonly number[]): void {
    let longs = this.senses.get(short);
    if (!longs) {
      longs = new Map();
      this.senses.set(short, longs);
    }
    const papers = longs.get(long);
    if (papers) for (const pk of pks) papers.add(pk);
    else longs.set(long, new Set(pks));
    let shorts = this.shortsOf.get(long);
    if (!shorts) {
      shorts = new Set();
      this.shortsOf.set(long, shorts);
      const first = firstTerm(long);
      this.starts.set(first, (this.starts.get(first) ?? 0) + 1);
    }
    shorts.add(short);
  }

  /** Distinct short forms known. */
  get size(): number {
    return this.senses.size;
  }

  /**
   * The long form (terms joined by spaces) a short form stands for, or null when the archive is
   * not sure: fewer than MIN_DEFINITIONS papers give it, it is not given by more than half of the
   * papers defining the short form (a tie is ambiguous), or the short form is mostly a plain word
   * (`df`: papers using the short form's term at all).
   */
  meaning(short: string, df: (term: string) => number): string | null {
    const longs = this.senses.get(short);
    if (!longs) return null;
    let best: string | null = null;
    let bestCount = 0;
    let total = 0;
    for (const [long, papers] of longs) {
      total += papers.size;
      // No tie-break: two long forms at the top are a tie, which the majority rule below refuses.
      if (papers.size > bestCount) {
        best = long;
        bestCount = papers.size;
      }
    }
    if (best === null || bestCount < MIN_DEFINITIONS || bestCount * 2 <= total) return null;
    return total < MIN_DEFINED_SHARE * df(short) ? null : best;
  }

  /**
   * What a query's terms (in order) gain: the long form of each short form it names, and the
   * short form of each long form it spells out; never a term the query already has.
   */
  expand(sequence: readonly string[], df: (term: string) => number): Expansion {
    const have = new Set(sequence);
    const added = new Set<string>();
    const alternatives = new Map<string, string[]>();
    for (const t of have) {
      const long = this.meaning(t, df);
      if (long === null) continue;
      const terms = long.split(" ");
      alternatives.set(t, terms);
      for (const l of terms) if (!have.has(l)) added.add(l);
    }
    for (let i = 0; i < sequence.length; i++) {
      if (!this.starts.has(sequence[i] as string)) continue;
      let long = sequence[i] as string;
      for (let n = 2; n <= MAX_LONG_TERMS && i + n <= sequence.length; n++) {
        long += ` ${sequence[i + n - 1]}`;
        const shorts = this.shortsOf.get(long);
        if (!shorts) continue;
        for (const short of shorts) {
          if (have.has(short) || this.meaning(short, df) !== long) continue;
          added.add(short);
          for (const l of sequence.slice(i, i + n)) if (!alternatives.has(l)) alternatives.set(l, [short]);
        }
      }
    }
    return { added: [...added], alternatives };
  }

  toRows(): AbbreviationRows {
    const rows: AbbreviationRows = [];
    for (const [short, longs] of this.senses)
      for (const [long, papers] of longs) rows.push([short, long, [...papers]]);
    return rows;
  }

  /** From `toRows` output; throws on a malformed row (the caller rebuilds). */
  static fromRows(rows: unknown): Abbreviations {
    if (!Array.isArray(rows)) throw new Error("abbreviations are not a list");
    const out = new Abbreviations();
    for (const row of rows) {
      if (
        !Array.isArray(row) ||
        typeof row[0] !== "string" ||
        typeof row[1] !== "string" ||
        !Array.isArray(row[2]) ||
        !row[2].every((pk) => Number.isSafeInteger(pk))
      )
        throw new Error("malformed abbreviation row");
      const [short, long, pks] = row as [string, string, number[]];
      out.record(short, long, pks);
    }
    out.papers = null;
    return out;
  }
}
