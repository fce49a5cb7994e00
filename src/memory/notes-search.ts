/**
 * `search` finds papers by the channel's notes too: a small inverted index of one channel's notes
 * (terms as the paper search reads a query: `analyze` of src/text/analysis.ts, so "Frechet" finds a
 * note that writes "Fréchet", "k-means" one that writes "kmeans", and a link's site name, such as
 * "github", is a word like any other), built on first use and rebuilt when the channel's
 * notes change (whichever process wrote them: NoteStore.version is checked on every search, an
 * indexed lookup). The paper search engine itself is untouched; the search command merges these
 * hits in front of its ranked results, marked "from a note".
 */
import { LRUCache } from "lru-cache";
import type { Db } from "../archive/db.js";
import { type NoteRecord, NoteStore } from "../archive/notes.js";
import type { Clock } from "../clock.js";
import { analyze } from "../text/analysis.js";

/** Channels whose notes index is kept in memory at once. */
const CHANNELS_KEPT = 200;

interface ChannelIndex {
  version: string;
  notes: NoteRecord[];
  /** term → positions in `notes` */
  postings: Map<string, number[]>;
}

export interface NoteHit {
  paperPk: number;
  paperId: string;
  /** The newest matching note on that paper. */
  note: NoteRecord;
}

function build(notes: NoteRecord[], version: string): ChannelIndex {
  const postings = new Map<string, number[]>();
  notes.forEach((n, i) => {
    for (const t of new Set(analyze(n.text))) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  return { version, notes, postings };
}

/** One per engine: `engine.store(NotesSearch)`. */
export class NotesSearch {
  private readonly indexes = new LRUCache<string, ChannelIndex>({ max: CHANNELS_KEPT });
  private readonly notes: NoteStore;

  constructor(db: Db, clock: Clock) {
    this.notes = new NoteStore(db, clock);
  }

  private index(where: { platform: string; channel: string }): ChannelIndex {
    const store = this.notes;
    const key = `${where.platform}\u0000${where.channel}`;
    const version = store.version(where);
    const known = this.indexes.get(key);
    if (known?.version === version) return known;
    const fresh = build(store.all(where), version);
    this.indexes.set(key, fresh);
    return fresh;
  }

  /**
   * Papers whose notes in this channel contain every term of `query`, most recent note first. A
   * query with no terms (only stopwords) finds nothing.
   */
  search(where: { platform: string; channel: string }, query: string, limit: number): NoteHit[] {
    const wanted = [...new Set(analyze(query))];
    if (wanted.length === 0) return [];
    const idx = this.index(where);
    let matches: Set<number> | null = null;
    for (const t of wanted) {
      const list = idx.postings.get(t);
      if (!list) return [];
      matches = matches ? new Set(list.filter((i) => (matches as Set<number>).has(i))) : new Set(list);
      if (matches.size === 0) return [];
    }
    const byPaper = new Map<number, NoteHit>();
    for (const i of [...(matches ?? [])].sort((a, b) => b - a)) {
      const note = idx.notes[i] as NoteRecord;
      if (!byPaper.has(note.paperPk))
        byPaper.set(note.paperPk, { paperPk: note.paperPk, paperId: note.paperId, note });
      if (byPaper.size >= limit) break;
    }
    return [...byPaper.values()];
  }
}
