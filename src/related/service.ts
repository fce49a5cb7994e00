/**
 * Related papers over the archive. The index is built on first use and then kept in step with
 * the archive's revision: only papers changed since the indexed revision are re-read.
 */
import type { PaperStore } from "../archive/papers.js";
import { RelatedIndex, type RelatedIndexOptions } from "./index.js";

export type { RelatedHit } from "./index.js";

export class RelatedService {
  private index: RelatedIndex | null = null;
  private revision = 0;

  constructor(
    readonly store: PaperStore,
    private readonly options: RelatedIndexOptions = {},
  ) {}

  /** Takes in archive changes; free until the index has been built once. */
  sync(): void {
    if (!this.index) return;
    const revision = this.store.revision();
    if (revision === this.revision) return;
    const docs = [];
    for (const pk of this.store.changedSince(this.revision)) {
      const p = this.store.byPk(pk);
      if (p) docs.push({ pk, id: p.id, title: p.title, abstract: p.abstract, date: p.date });
    }
    this.index.upsert(docs);
    this.revision = revision;
  }

  /**
   * Builds the index now rather than on the first `related` request: a 100k archive takes
   * several seconds to read and weigh, which a long-running `serve` should pay at start, not
   * inside someone's chat request. Returns the number of papers indexed.
   */
  prepare(): number {
    const index = this.ensureIndex();
    index.prepare();
    return index.size;
  }

  /** A paper's unit TF-IDF vector (term → weight) in the archive's space; null when not indexed. */
  vector(pk: number): Map<string, number> | null {
    return this.ensureIndex().vector(pk);
  }

  related(pk: number, limit: number) {
    return this.ensureIndex().related(pk, limit);
  }

  private ensureIndex(): RelatedIndex {
    if (this.index) {
      this.sync();
      return this.index;
    }
    const index = new RelatedIndex(this.options);
    this.revision = this.store.revision();
    index.upsert(this.store.iterateForIndex());
    this.index = index;
    return index;
  }
}
