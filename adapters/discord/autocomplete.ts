/**
 * Autocomplete for paper ids: as the user types an id or a few words of a title, offer up to 25
 * papers. Discord wants the answer within 3 s and sends one request per keystroke, so titles are
 * kept in a small MiniSearch index (prefix + fuzzy matching per word) rebuilt only when the
 * archive's revision changes. Everything goes through the engine's store API, never SQL.
 */
import MiniSearch from "minisearch";
import { parsePaperRef } from "../../src/digest/identity.js";
import type { Paperboy } from "../../src/paperboy.js";
import { fitText, plainText } from "./escape.js";
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from "./limits.js";

export interface Choice {
  name: string;
  value: string;
}

interface TitleDoc {
  pk: number;
  id: string;
  title: string;
  date: string;
}

/** Below this many typed characters a fuzzy match is mostly noise. */
const FUZZY_FROM = 4;

export class PaperChoices {
  private index: MiniSearch<TitleDoc> | null = null;
  private newest: TitleDoc[] = [];
  private revision = -1;

  constructor(private readonly engine: Paperboy) {}

  private refresh(): MiniSearch<TitleDoc> {
    const revision = this.engine.papers.revision();
    if (this.index && revision === this.revision) return this.index;
    const index = new MiniSearch<TitleDoc>({
      idField: "pk",
      fields: ["title", "id"],
      storeFields: ["pk", "id", "title", "date"],
    });
    const docs: TitleDoc[] = [];
    for (const p of this.engine.papers.iterateForIndex())
      docs.push({ pk: p.pk, id: p.id, title: p.title, date: p.date });
    index.addAll(docs);
    this.newest = docs
      .sort((a, b) => b.date.localeCompare(a.date) || b.pk - a.pk)
      .slice(0, AUTOCOMPLETE_CHOICES_MAX);
    this.index = index;
    this.revision = revision;
    return index;
  }

  /** At most 25 choices for what the user typed so far; the newest papers when nothing yet. */
  choices(typed: string): Choice[] {
    const index = this.refresh();
    const text = typed.trim().slice(0, 200);
    const found: { id: string; title: string }[] = [];
    if (!text) found.push(...this.newest);
    else {
      const exact = this.engine.papers.get(parsePaperRef(text) ?? text);
      if (exact) found.push(exact);
      const options = {
        prefix: true,
        fuzzy: text.length >= FUZZY_FROM ? 0.2 : false,
        boost: { title: 2 },
      } as const;
      let hits = index.search(text, { ...options, combineWith: "AND" });
      if (hits.length === 0) hits = index.search(text, { ...options, combineWith: "OR" });
      for (const h of hits.slice(0, AUTOCOMPLETE_CHOICES_MAX))
        found.push({ id: h.id as string, title: h.title as string });
    }
    const seen = new Set<string>();
    const out: Choice[] = [];
    for (const p of found) {
      if (seen.has(p.id) || p.id.length > CHOICE_VALUE_MAX) continue;
      seen.add(p.id);
      const suffix = ` · ${p.id}`;
      out.push({ name: fitText(p.title, CHOICE_NAME_MAX - suffix.length, plainText) + suffix, value: p.id });
      if (out.length === AUTOCOMPLETE_CHOICES_MAX) break;
    }
    return out;
  }
}
