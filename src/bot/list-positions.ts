/**
 * "show 3" after a search: the numbers a list shows (1., 2., … continued by `more`) name its papers
 * for the person who asked, in that place, until their next list. A list's first page starts a new
 * numbering; its next pages add to it, so "show 14" works after `more` as after scrolling back.
 */
import { LRUCache } from "lru-cache";
import type { ResultList } from "./replies.js";

/** A position as people type it: "3" or "#3". arXiv and paperboy ids never look like this. */
const POSITION = /^#?(\d{1,3})$/;

export type PositionLookup =
  /** Not a position: the word is an id (or nothing this class knows about). */
  | { kind: "id" }
  | { kind: "found"; id: string }
  /** A position, but the last list here has no such number (or there is no list). */
  | { kind: "missing"; position: number; shown: number };

export class ListPositions {
  private readonly lists = new LRUCache<string, Map<number, string>>({ max: 10_000 });

  /** Records the numbers a results list showed to `key` (a place and a person). */
  remember(key: string, list: ResultList): void {
    if (list.items.length === 0) return;
    const numbers = list.offset === 0 ? new Map<number, string>() : (this.lists.get(key) ?? new Map());
    list.items.forEach((item, i) => {
      numbers.set(list.offset + i + 1, item.id);
    });
    this.lists.set(key, numbers);
  }

  /** The paper `word` names by its number, in the first of `keys` (most specific first) with a list. */
  lookup(keys: readonly string[], word: string): PositionLookup {
    const match = POSITION.exec(word.trim());
    if (!match) return { kind: "id" };
    const position = Number(match[1]);
    const numbers = keys.map((k) => this.lists.get(k)).find((n) => n !== undefined);
    const id = numbers?.get(position);
    if (id) return { kind: "found", id };
    return { kind: "missing", position, shown: numbers?.size ?? 0 };
  }
}
