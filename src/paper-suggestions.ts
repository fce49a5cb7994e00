/**
 * Papers to offer while someone types an id or a few words of a title (Discord's autocomplete;
 * any platform that completes as the user types). One request per keystroke, so titles are kept in
 * a small MiniSearch index (prefix + fuzzy matching per word) rebuilt only when the archive's
 * revision changes.
 */
import MiniSearch from "minisearch";
import type { PaperStore } from "./archive/papers.js";
import { parsePaperRef } from "./digest/identity.js";

export interface PaperSuggestion {
  id: string;
  title: string;
}

interface TitleDoc {
  pk: number;
  id: string;
  title: string;
  date: string;
}

/** Below this many typed characters a fuzzy match is mostly noise. */
const FUZZY_FROM = 4;
/** The newest papers kept for an empty prefix. */
const NEWEST_KEPT = 100;
/** Typed text beyond this is not a title prefix anyone means. */
const TYPED_MAX = 200;

export class PaperSuggestions {
  private index: MiniSearch<TitleDoc> | null = null;
  private newest: TitleDoc[] = [];
  private revision = -1;

  constructor(private readonly papers: PaperStore) {}

  private refresh(): MiniSearch<TitleDoc> {
    const revision = this.papers.revision();
    if (this.index && revision === this.revision) return this.index;
    const index = new MiniSearch<TitleDoc>({
      idField: "pk",
      fields: ["title", "id"],
      storeFields: ["pk", "id", "title", "date"],
    });
    const docs: TitleDoc[] = [];
    for (const p of this.papers.iterateForIndex())
      docs.push({ pk: p.pk, id: p.id, title: p.title, date: p.date });
    index.addAll(docs);
    this.newest = docs.sort((a, b) => b.date.localeCompare(a.date) || b.pk - a.pk).slice(0, NEWEST_KEPT);
    this.index = index;
    this.revision = revision;
    return index;
  }

  /**
   * Up to `limit` papers for what was typed so far, best first, each once: the paper an exact id
   * or link names, then title and id matches (all words, else any); the newest papers when
   * nothing is typed yet.
   */
  suggest(typed: string, limit: number): PaperSuggestion[] {
    const index = this.refresh();
    const text = typed.trim().slice(0, TYPED_MAX);
    const found: PaperSuggestion[] = [];
    if (!text) found.push(...this.newest.slice(0, limit));
    else {
      const exact = this.papers.get(parsePaperRef(text) ?? text);
      if (exact) found.push(exact);
      const options = {
        prefix: true,
        fuzzy: text.length >= FUZZY_FROM ? 0.2 : false,
        boost: { title: 2 },
      } as const;
      let hits = index.search(text, { ...options, combineWith: "AND" });
      if (hits.length === 0) hits = index.search(text, { ...options, combineWith: "OR" });
      for (const h of hits.slice(0, limit)) found.push({ id: h.id as string, title: h.title as string });
    }
    const seen = new Set<string>();
    const out: PaperSuggestion[] = [];
    for (const p of found) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push({ id: p.id, title: p.title });
      if (out.length === limit) break;
    }
    return out;
  }
}
