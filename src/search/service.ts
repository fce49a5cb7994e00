/**
 * Search over the archive. The index lives in memory once loaded, is persisted beside the archive
 * (persist.ts) with the archive revision it reflects, and is never served stale: every search
 * first compares that revision with the archive's (one indexed SQLite read) and catches up on the
 * papers changed since (`changedSince`). A missing, corrupt or inconsistent file is rebuilt.
 */
import { LRUCache } from "lru-cache";
import type { IndexSnapshotStore } from "../archive/index-snapshots.js";
import type { PaperStore } from "../archive/papers.js";
import { isIsoDate } from "../clock.js";
import { ErrorCode, InvalidArgumentError, PaperboyError, UnknownPaperError } from "../errors.js";
import type { Logger } from "../logger.js";
import { allDocuments, documentsByPk } from "./documents.js";
import { type CandidateText, candidateFrom } from "./features.js";
import { dateNumber, PaperIndex } from "./paper-index.js";
import {
  ANALYSIS_VERSION,
  decodeIndexFile,
  encodeIndexFile,
  loadIndexFile,
  readIndexHeader,
  writeIndexFile,
} from "./persist.js";
import { planQuery, type QueryPlan } from "./query-plan.js";
import { rankQuery } from "./rank.js";
import { RANKING } from "./ranking.js";
import { type DocFilter, type Scored, scoreQuery } from "./scorer.js";
import { MIN_SEMANTIC_PAPERS, type SemanticSpace } from "./semantic.js";
import {
  decodeSemantic,
  encodeSemantic,
  loadSemanticFile,
  type SavedVectors,
  type SemanticFingerprint,
  saveSemanticFile,
  semanticFingerprint,
} from "./semantic-file.js";
import { runSemanticJob, type SemanticJobInput, type SemanticJobOutput, spaceOf } from "./semantic-job.js";
import { refitInWorker } from "./semantic-refit.js";
import { SemanticVectors } from "./semantic-vectors.js";
import { snippet } from "./snippet.js";
import { correctWords, rewriteQuery, surfaceForm } from "./suggest.js";

export interface SearchQuery {
  text: string;
  /** YYYY-MM-DD bounds on the paper's date, inclusive. */
  since?: string;
  until?: string;
  hasCode?: boolean;
  /** Results per page; default 10. */
  limit?: number;
  /** 0-based offset of the first result (paging). */
  offset?: number;
}

export interface SearchHit {
  pk: number;
  id: string;
  title: string;
  date: string;
  score: number;
  /** A short piece of the abstract around the matched terms. */
  snippet: string;
}

export interface SearchResult {
  query: string;
  total: number;
  results: SearchHit[];
  /** Offset of the next page, when there is one. */
  nextOffset?: number;
  /**
   * A corrected query: when this one found nothing, or when some of its words, unknown to the
   * archive, were read as the nearest words of titles (the results are for that reading).
   */
  didYouMean?: string;
}

export interface SearchServiceOptions {
  /** Where the persisted index lives; null keeps it in memory only. */
  indexPath: string | null;
  logger: Logger;
  /**
   * A shared archive's snapshot of the index (PostgreSQL): a replica with no usable index file of
   * its own loads it and catches up by revision instead of building from every row; a replica
   * that built the index, or whose index is well ahead of the snapshot, writes it. The same for
   * the semantic space: a replica that fits it writes it; one without a usable file loads it.
   */
  snapshots?: IndexSnapshotStore | null;
}

/** The kind of this index among the archive's snapshots. */
const SNAPSHOT_KIND = "search";
/**
 * The semantic space's kind among them: the space alone (terms and projections, about 8 MB at
 * 100k papers), not the papers' vectors (40 MB more to move, and a candidate's vector is embedded
 * in microseconds when a query first reads it).
 */
const SEMANTIC_KIND = "semantic";

/** Where the semantic space in use came from (the health of a replica's start, and tests). */
export type SemanticSource = "file" | "snapshot" | "fitted";

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
/** Paging deeper than this is refused: nobody reads page 100 in a chat. */
export const MAX_OFFSET = 1_000;
/**
 * The persisted file is rewritten when this many papers changed since it was written (or 5% of
 * the archive, if more). Below that, loading it and catching up from the archive is cheaper than
 * rewriting a large file on every ingest.
 */
const REWRITE_AFTER_CHANGES = 2_000;
const CACHE_ENTRIES = 256;
/** About 5 KB each: 4,096 papers ≈ 20 MB. */
const ANALYZED_ENTRIES = 4_096;

export class SearchService {
  private index: PaperIndex | null = null;
  /** The archive revision the in-memory index reflects. */
  private revision = -1;
  /** The revision of the persisted file (-1: none). */
  private savedRevision = -1;
  /** The revision of the archive's usable snapshot, as last seen (-1: none or not looked yet). */
  private snapshotRevision = -1;
  /** The revision a snapshot was last attempted at, so a failed write is not retried per call. */
  private snapshotTried = -1;
  private readonly cache = new LRUCache<string, Scored>({ max: CACHE_ENTRIES });
  /**
   * Papers as the re-ranker reads them (terms, sentences, semantic vector), by primary key: the
   * same papers head many queries, and analyzing 50 abstracts is most of a query's cost.
   */
  private readonly analyzed = new LRUCache<number, CandidateText>({ max: ANALYZED_ENTRIES });
  /** The re-ranker's semantic space (semantic.ts); null until the archive has enough papers. */
  private semantic: SemanticSpace | null = null;
  /** Papers' places in that space, by pk (semantic-vectors.ts). */
  private vectors: SemanticVectors | null = null;
  private semanticLoaded = false;
  /** Where the space in use came from, and the fingerprint of its bytes (computed when asked). */
  private semanticFrom: SemanticSource | null = null;
  private semanticPrint: SemanticFingerprint | null = null;
  /** Archive size at the last fit attempt, so a fit that found nothing is not retried per search. */
  private semanticTriedAt = -1;
  /** Whether refits run in a worker thread (`refitInBackground`). */
  private background = false;
  /** The background refit under way. */
  private refit: { stop(): void } | null = null;
  private refitDone: Promise<void> | null = null;

  constructor(
    readonly store: PaperStore,
    readonly options: SearchServiceOptions,
  ) {}

  /**
   * Brings the index in step with the archive (after an ingest, or at start-up). A process that
   * has not loaded the index does not load it just for this: the file catches up when loaded.
   * It is rewritten only once enough has changed.
   */
  sync(): void {
    if (this.index) {
      this.catchUp(this.index);
      this.maybeSave();
      return;
    }
    const path = this.options.indexPath;
    if (path === null) return;
    const header = readIndexHeader(path);
    const current = this.store.revision();
    if (header && header.revision === current) return;
    const stale = header ? this.store.changedSince(header.revision).length : Number.POSITIVE_INFINITY;
    if (!header || header.revision > current || stale >= this.rewriteThreshold()) {
      this.ensureIndex();
      this.maybeSave();
    }
  }

  /** The in-memory index, loaded or built on first use, caught up with the archive. */
  ensureIndex(): PaperIndex {
    if (!this.index) {
      this.index = this.loadOrBuild();
      this.catchUp(this.index);
      // A rebuilt index is written at once, so the next process loads instead of rebuilding.
      if (this.savedRevision === -1) this.maybeSave();
    } else {
      this.catchUp(this.index);
    }
    return this.index;
  }

  private semanticPath(): string | null {
    return this.options.indexPath === null ? null : `${this.options.indexPath}.semantic`;
  }

  /**
   * Loads the semantic space (and the papers' vectors) from its file, or fits one when there is
   * none yet or the archive has doubled since the last fit (new vocabulary, new topics). Fitting
   * reads a sample of at most SEMANTIC_SAMPLE papers, so it costs the same for 10k papers as for
   * 1M; embedding every paper is linear but cheap (their terms are kept analyzed).
   */
  private ensureSemantic(index: PaperIndex): void {
    if (!this.semanticLoaded) {
      this.semanticLoaded = true;
      const path = this.semanticPath();
      if (path !== null) {
        const loaded = loadSemanticFile(path);
        if (loaded.ok) this.install(loaded.space, loaded.vectors, "file");
        else if (loaded.reason !== "unreadable (ENOENT)")
          this.options.logger.info(
            { path, reason: loaded.reason },
            "semantic space file not usable; trying the archive's snapshot",
          );
      }
      // A replica with no usable file of its own takes the space another replica fitted.
      if (!this.semantic) this.loadSemanticSnapshot();
    }
    const n = index.documentCount;
    const due = this.semantic ? n >= 2 * this.semantic.fittedOn : n >= MIN_SEMANTIC_PAPERS;
    if (due && n !== this.semanticTriedAt && !this.refit) this.fitSemantic(index);
  }

  private fitSemantic(index: PaperIndex): void {
    const started = performance.now();
    this.semanticTriedAt = index.documentCount;
    const input: SemanticJobInput = {
      ...index.analyzed.snapshot(),
      revision: this.revision,
      path: this.semanticPath(),
      returnVectors: !this.background,
    };
    if (!this.background) {
      const out = runSemanticJob(input);
      if (out) this.adopt(out, spaceOf(out));
      return;
    }
    const job = refitInWorker(input);
    const startMs = performance.now() - started;
    this.refit = job;
    // The result is taken in two turns of the event loop, so no one turn holds up the searches
    // waiting: the space's term lookup is built in the first, installed in the second.
    this.refitDone = job.done
      .then((out) => {
        if (this.refit !== job || !out) return null;
        const t = performance.now();
        const space = spaceOf(out);
        return { out, space, buildMs: performance.now() - t };
      })
      .then(
        (built) =>
          new Promise<void>((resolve) => {
            setImmediate(() => {
              try {
                this.installRefit(job, built, startMs);
              } catch (err) {
                // Outside a promise here: a throw would end the process, not just this refit.
                this.options.logger.warn(
                  { err: (err as Error).message },
                  "semantic refit could not be installed; keeping the space",
                );
              }
              resolve();
            });
          }),
        (err: unknown) => {
          if (this.refit !== job) return;
          this.refit = null;
          this.options.logger.warn(
            { err: (err as Error).message },
            "semantic refit failed; keeping the space",
          );
        },
      );
  }

  /** The second turn of taking a background refit's result: installs it, if still wanted. */
  private installRefit(
    job: { stop(): void },
    built: { out: SemanticJobOutput; space: SemanticSpace; buildMs: number } | null,
    startMs: number,
  ): void {
    if (this.refit !== job) return;
    this.refit = null;
    const t = performance.now();
    if (built) this.adopt(built.out, built.space);
    const installMs = performance.now() - t;
    const buildMs = built?.buildMs ?? 0;
    this.lastRefit = {
      ms: built?.out.ms ?? 0,
      mainThreadMs: startMs + buildMs + installMs,
      longestTurnMs: Math.max(startMs, buildMs, installMs),
    };
  }

  /** A finished refit's space and vectors, made the ones queries use. */
  private adopt(out: SemanticJobOutput, space: SemanticSpace): void {
    this.install(
      space,
      out.state && out.vectors ? { state: out.state, vectors: out.vectors, revision: out.revision } : null,
      "fitted",
    );
    this.options.logger.info(
      { papers: out.fittedOn, dims: space.dims, terms: space.terms.length, ms: out.ms },
      "semantic space fitted",
    );
    if (out.saveError)
      this.options.logger.warn(
        { path: this.semanticPath(), err: out.saveError },
        "could not save the semantic space",
      );
    this.writeSemanticSnapshot(space, out.revision);
  }

  /**
   * The archive's snapshot of the semantic space, installed when it checks out (format, analysis
   * version, SHA-256) and is not newer than the archive; saved as this replica's own file, so its
   * restarts load that. Anything else is logged with its reason and the space is fitted as before.
   */
  private loadSemanticSnapshot(): void {
    const snapshots = this.options.snapshots;
    if (!snapshots) return;
    const started = performance.now();
    let reason: string;
    try {
      const snapshot = snapshots.read(SEMANTIC_KIND);
      const loaded = snapshot ? decodeSemantic(snapshot.bytes) : null;
      if (!snapshot || !loaded) reason = "there is none yet";
      else if (!loaded.ok) reason = loaded.reason;
      else if (snapshot.info.revision > this.store.revision())
        reason = `it is newer (revision ${snapshot.info.revision}) than the archive (${this.store.revision()}): restored from a backup?`;
      else {
        this.install(loaded.space, null, "snapshot");
        this.semanticPrint = semanticFingerprint(snapshot.bytes);
        this.options.logger.info(
          {
            revision: snapshot.info.revision,
            fittedOn: loaded.space.fittedOn,
            dims: loaded.space.dims,
            terms: loaded.space.terms.length,
            fingerprint: this.semanticPrint,
            bytes: snapshot.bytes.length,
            ms: Math.round(performance.now() - started),
          },
          "semantic space loaded from the archive's snapshot",
        );
        const path = this.semanticPath();
        if (path !== null) {
          try {
            saveSemanticFile(path, loaded.space);
          } catch (err) {
            this.options.logger.warn(
              { path, err: (err as Error).message },
              "could not save the semantic space",
            );
          }
        }
        return;
      }
    } catch (err) {
      reason = `it could not be read: ${(err as Error).message}`;
    }
    this.options.logger.info({ reason }, "semantic space snapshot not usable; fitting the space");
  }

  /**
   * Writes a space this replica fitted into the archive, for fresh replicas to load instead of
   * fitting (the store keeps the newest: one fitted at an older revision is not written over it).
   */
  private writeSemanticSnapshot(space: SemanticSpace, revision: number): void {
    const snapshots = this.options.snapshots;
    if (!snapshots) return;
    const started = performance.now();
    try {
      const bytes = encodeSemantic(space);
      const print = semanticFingerprint(bytes);
      this.semanticPrint = print;
      const wrote = snapshots.write(
        SEMANTIC_KIND,
        { revision, analysis: ANALYSIS_VERSION, checksum: print },
        bytes,
      );
      if (wrote)
        this.options.logger.info(
          { revision, fingerprint: print, bytes: bytes.length, ms: Math.round(performance.now() - started) },
          "semantic space snapshot written to the archive",
        );
    } catch (err) {
      this.options.logger.warn(
        { err: (err as Error).message },
        "could not write the semantic space snapshot",
      );
    }
  }

  /**
   * The semantic space in use: where it came from (its file, the archive's snapshot, or fitted by
   * this process), what it was fitted on, and its fingerprint (the SHA-256 of its encoded terms
   * and projections: equal on two replicas means the same space); null before there is one.
   */
  semanticSource(): SemanticSource | null {
    return this.semantic ? this.semanticFrom : null;
  }

  semanticInfo(): { source: SemanticSource; fittedOn: number; fingerprint: SemanticFingerprint } | null {
    const space = this.semantic;
    if (!space || !this.semanticFrom) return null;
    this.semanticPrint ??= semanticFingerprint(encodeSemantic(space));
    return { source: this.semanticFrom, fittedOn: space.fittedOn, fingerprint: this.semanticPrint };
  }

  /**
   * Makes `space` the one queries use, with the papers' vectors when given (those of papers
   * changed since they were computed are dropped, to be embedded again when read). Cached
   * candidates and results are stale.
   */
  private install(space: SemanticSpace, saved: SavedVectors | null, source: SemanticSource): void {
    this.semantic = space;
    this.semanticFrom = source;
    this.semanticPrint = null;
    const current = this.store.revision();
    // Vectors newer than the archive (a restored backup) describe texts it may no longer hold.
    const usable = saved !== null && saved.revision <= current;
    this.vectors = new SemanticVectors(
      space,
      usable ? { state: saved.state, rows: saved.vectors } : undefined,
    );
    if (usable && saved.revision < current)
      for (const pk of this.store.changedSince(saved.revision)) this.vectors.forget(pk);
    this.cache.clear();
    this.analyzed.clear();
  }

  /**
   * From now on a due refit of the semantic space runs in a worker thread while searches go on
   * with the current space: for long-running processes (`serve`), after their first warm-up.
   */
  refitInBackground(): void {
    this.background = true;
  }

  /**
   * Refits the semantic space now, whatever the archive's growth (in the worker once refits run
   * in the background); settles when the new space is installed.
   */
  refitNow(): Promise<void> {
    const index = this.ensureIndex();
    this.ensureSemantic(index);
    if (!this.refit) this.fitSemantic(index);
    return this.whenRefitted();
  }

  /**
   * The last background refit: how long the worker took, how long the main thread was busy with
   * it (taking the snapshot and starting the worker, building the space's lookup, installing
   * it), and the longest of those three turns (what a search waiting behind it could wait).
   */
  lastRefit: { ms: number; mainThreadMs: number; longestTurnMs: number } | null = null;

  /** Settles when the background refit under way (if any) has been installed or has failed. */
  whenRefitted(): Promise<void> {
    return this.refitDone ?? Promise.resolve();
  }

  /** Stops a background refit under way (closing). */
  stop(): void {
    this.refit?.stop();
    this.refit = null;
  }

  search(query: SearchQuery): SearchResult {
    const limit = checkCount("--limit", query.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = checkCount("--offset", query.offset ?? 0, 0, MAX_OFFSET);
    const filter = dateFilter(query);
    const index = this.ensureIndex();
    // Here and in warmUp, not in sync: an ingest should not wait for a refit nobody asked for.
    this.ensureSemantic(index);
    const plan = planQuery(index, query.text, RANKING);
    const refPks = this.resolveRefs(plan);
    if (refPks.length === 0 && plan.words.length === 0) {
      throw new PaperboyError(
        ErrorCode.QueryInvalid,
        plan.hasWords
          ? `the query "${shorten(query.text)}" has only common words (like "the", "of") that search ignores; add a distinctive word, e.g. a method, task or dataset name`
          : `the query "${shorten(query.text)}" has no words to search for; type a few words, an arXiv id or an arXiv/Hugging Face paper URL`,
      );
    }
    const scored = this.scored(index, plan, filter, offset + limit);
    const textPks = scored.hits.map((h) => index.pkOf(h.sid) as number);
    const ordered = [...refPks, ...textPks.filter((pk) => !refPks.includes(pk))];
    const extra = refPks.filter((pk) => !textPks.includes(pk)).length;
    // Refs beyond the scored hits may still match the text further down; the count stays an upper bound.
    const total = scored.total + extra;
    const pagePks = ordered.slice(offset, offset + limit);
    const scoreOf = new Map(scored.hits.map((h) => [index.pkOf(h.sid) as number, h.score]));
    const top = scored.hits[0]?.score ?? 0;
    const terms = new Set(plan.terms.map((t) => t.term));
    // Only the page's papers are read (one query), whatever the depth of the ranking.
    const texts = this.store.searchTexts(pagePks);
    const results: SearchHit[] = pagePks.flatMap((pk) => {
      const p = texts.get(pk);
      if (!p) return [];
      // An exact id match ranks above every text match.
      const raw = refPks.includes(pk) ? top + 1 : (scoreOf.get(pk) ?? 0);
      return {
        pk,
        id: p.id,
        title: p.title,
        date: p.date,
        score: Math.round(raw * 1000) / 1000,
        snippet: snippet(p.abstract, terms),
      };
    });
    const result: SearchResult = { query: query.text, total, results };
    if (offset + limit < total && offset + limit <= MAX_OFFSET) result.nextOffset = offset + limit;
    if (total === 0) {
      const suggestion = this.didYouMean(index, plan, query.text, filter);
      if (suggestion) result.didYouMean = suggestion;
    } else if (plan.corrected.size > 0) {
      const read = rewriteQuery(query.text, this.surfaceForms(index, plan.corrected));
      if (read !== query.text) result.didYouMean = read;
    }
    return result;
  }

  private scored(index: PaperIndex, plan: QueryPlan, filter: DocFilter, k: number): Scored {
    // Cached per revision (cleared on catch-up); k rounds up so the next pages hit the cache too.
    const depth = Math.max(50, 2 ** Math.ceil(Math.log2(k)));
    const key = JSON.stringify([plan.terms, filter, depth]);
    let scored = this.cache.get(key);
    if (!scored) {
      scored = rankQuery(
        index,
        plan,
        RANKING,
        depth,
        filter,
        (pks) => this.candidates(index, pks),
        this.semantic,
        (pk) => this.vectorOf(index, pk),
      );
      this.cache.set(key, scored);
    }
    return scored;
  }

  /**
   * Candidate texts from the index's analyzed papers and the kept semantic vectors: no archive
   * read, no tokenizing. Recently read ones are cached with their query-independent weights.
   */
  private candidates(index: PaperIndex, pks: readonly number[]): Map<number, CandidateText> {
    const out = new Map<number, CandidateText>();
    for (const pk of pks) {
      let text = this.analyzed.get(pk);
      if (!text) {
        const entry = index.analyzed.entry(pk);
        if (!entry) continue;
        text = candidateFrom(entry, this.vectorOf(index, pk));
        this.analyzed.set(pk, text);
      }
      out.set(pk, text);
    }
    return out;
  }

  /** A paper's kept semantic vector (embedded from its analyzed terms the first time). */
  private vectorOf(index: PaperIndex, pk: number): Float32Array | null {
    return this.vectors ? this.vectors.get(pk, () => index.analyzed.termCounts(pk)) : null;
  }

  private resolveRefs(plan: QueryPlan): number[] {
    const pks: number[] = [];
    for (const ref of plan.refs) {
      const pk = this.store.resolve(ref);
      if (pk !== null && !pks.includes(pk)) pks.push(pk);
    }
    // A query that is nothing but ids, none of them known: say so rather than "no results".
    if (pks.length === 0 && plan.refs.length > 0 && plan.words.length === 0) {
      throw new UnknownPaperError(plan.refs[0] as string);
    }
    return pks;
  }

  /** Each word → the word, as the archive spells it, of the term it was corrected to. */
  private surfaceForms(index: PaperIndex, corrections: ReadonlyMap<string, string>): Map<string, string> {
    const replacements = new Map<string, string>();
    for (const [word, term] of corrections) {
      const pk = index.someDocumentWith(term);
      const paper = pk === undefined ? null : this.store.byPk(pk);
      const surface = paper
        ? surfaceForm(`${paper.title} ${paper.abstract} ${paper.authors.join(" ")}`, term, word)
        : null;
      replacements.set(word, surface ?? term);
    }
    return replacements;
  }

  private didYouMean(index: PaperIndex, plan: QueryPlan, text: string, filter: DocFilter): string | null {
    const corrections = correctWords(index, plan.unknown);
    if (corrections.length === 0) return null;
    const replacements = this.surfaceForms(index, new Map(corrections.map((c) => [c.word, c.term])));
    const corrected = rewriteQuery(text, replacements);
    const retry = planQuery(index, corrected, RANKING);
    if (retry.terms.length === 0) return null;
    const { total } = scoreQuery(index, retry.terms, RANKING, 1, filter);
    return total > 0 && corrected !== text ? corrected : null;
  }

  private rewriteThreshold(): number {
    // The index, caught up, holds the archive's count: no count(*) of the archive per ingest.
    const papers = this.index ? this.index.documentCount : this.store.count();
    return Math.max(REWRITE_AFTER_CHANGES, Math.floor(papers * 0.05));
  }

  private loadOrBuild(): PaperIndex {
    const path = this.options.indexPath;
    const current = this.store.revision();
    if (path !== null) {
      const loaded = loadIndexFile(path);
      if (loaded.ok && loaded.header.revision <= current) {
        this.revision = loaded.header.revision;
        this.savedRevision = loaded.header.revision;
        return loaded.index;
      }
      const reason = loaded.ok ? "it is newer than the archive" : loaded.reason;
      this.options.logger.info(
        { path, reason },
        "search index file not usable; trying the archive's snapshot",
      );
    }
    const snapshot = this.loadSnapshot(current);
    if (snapshot) {
      this.revision = snapshot.revision;
      this.savedRevision = -1;
      // The snapshot's bytes are an index file: this replica's restarts load them and catch up
      // (writing them as they are spares encoding the index again, seconds at 100k papers).
      if (path !== null) {
        try {
          writeIndexFile(path, snapshot.bytes);
          this.savedRevision = snapshot.revision;
        } catch (err) {
          this.options.logger.warn({ path, err: (err as Error).message }, "could not save the search index");
        }
      }
      return snapshot.index;
    }
    const index = this.build();
    this.revision = current;
    this.savedRevision = -1;
    return index;
  }

  /**
   * The archive's snapshot of the index, when it checks out (format, analysis version, checksum,
   * counts) and is not newer than the archive; else null, with the reason logged, and the caller
   * builds from the rows. The caller then catches up from the snapshot's revision, so what it
   * serves is never older than the archive.
   */
  private loadSnapshot(current: number): { index: PaperIndex; revision: number; bytes: Buffer } | null {
    const snapshots = this.options.snapshots;
    if (!snapshots) return null;
    const started = performance.now();
    let reason: string;
    try {
      const snapshot = snapshots.read(SNAPSHOT_KIND);
      if (!snapshot) reason = "there is none yet";
      else {
        const loaded = decodeIndexFile(snapshot.bytes);
        if (!loaded.ok) reason = loaded.reason;
        else if (loaded.header.revision > current)
          reason = `it is newer (revision ${loaded.header.revision}) than the archive (${current}): restored from a backup?`;
        else {
          this.snapshotRevision = loaded.header.revision;
          this.options.logger.info(
            {
              revision: loaded.header.revision,
              documents: loaded.header.documents,
              bytes: snapshot.bytes.length,
              ms: Math.round(performance.now() - started),
            },
            "search index loaded from the archive's snapshot; catching up",
          );
          return { index: loaded.index, revision: loaded.header.revision, bytes: snapshot.bytes };
        }
      }
    } catch (err) {
      reason = `it could not be read: ${(err as Error).message}`;
    }
    this.options.logger.info(
      { reason },
      "search index snapshot not usable; building the index from the archive",
    );
    return null;
  }

  private build(): PaperIndex {
    // Straight into the compacted form (equal to MiniSearch + compact, tested): MiniSearch's maps
    // for a whole archive are several times the compacted size and slow to fill word by word.
    return PaperIndex.bulk(allDocuments(this.store));
  }

  private catchUp(index: PaperIndex): void {
    const current = this.store.revision();
    if (current === this.revision) return;
    this.cache.clear();
    if (current < this.revision) {
      // The archive went back (restored from a backup): nothing incremental can be trusted.
      this.replace(this.build(), current);
      return;
    }
    const changed = this.store.changedSince(this.revision);
    // Only the changed papers' analyses and vectors are stale (a candidate's TF-IDF weights
    // follow the archive's size by themselves).
    for (const pk of changed) {
      this.analyzed.delete(pk);
      this.vectors?.forget(pk);
    }
    for (const doc of documentsByPk(this.store, changed)) index.upsert(doc);
    this.revision = current;
    if (index.documentCount !== this.store.count()) {
      this.options.logger.warn(
        { indexed: index.documentCount, archived: this.store.count() },
        "search index disagrees with the archive; rebuilding it",
      );
      this.replace(this.build(), current);
    }
  }

  private replace(index: PaperIndex, revision: number): void {
    this.index = index;
    this.revision = revision;
    this.savedRevision = -1;
    this.analyzed.clear();
    if (this.semantic) this.vectors = new SemanticVectors(this.semantic);
    // A refit under way read the old index: its vectors would not match.
    if (this.refit) {
      this.stop();
      this.semanticTriedAt = -1;
    }
  }

  /**
   * Writes the index file once enough has changed since it was written (or it was never), and the
   * archive's snapshot once this replica's index is well ahead of it (or there is none): both from
   * one encoding of the index.
   */
  private maybeSave(): void {
    const index = this.index;
    if (!index) return;
    const path = this.options.indexPath;
    const fileDue =
      path !== null &&
      this.savedRevision !== this.revision &&
      (this.savedRevision < 0 ||
        this.store.changedSince(this.savedRevision).length >= this.rewriteThreshold());
    const snapshotDue = this.snapshotDue();
    if (!fileDue && !snapshotDue) return;
    const { header, bytes } = encodeIndexFile(index, this.revision);
    if (fileDue && path !== null) {
      try {
        writeIndexFile(path, bytes);
        this.savedRevision = this.revision;
      } catch (err) {
        // A read-only disk still searches, from memory; the next writable run persists.
        this.options.logger.warn({ path, err: (err as Error).message }, "could not save the search index");
      }
    }
    if (snapshotDue && this.options.snapshots) {
      this.snapshotTried = this.revision;
      try {
        const wrote = this.options.snapshots.write(
          SNAPSHOT_KIND,
          { revision: this.revision, analysis: ANALYSIS_VERSION, checksum: header.checksum },
          bytes,
        );
        // Not written: another replica's is as new; look again next time.
        this.snapshotRevision = wrote ? this.revision : -1;
        if (wrote)
          this.options.logger.info(
            { revision: this.revision, bytes: bytes.length },
            "search index snapshot written to the archive",
          );
      } catch (err) {
        this.options.logger.warn(
          { err: (err as Error).message },
          "could not write the search index snapshot",
        );
      }
    }
  }

  /** Whether the archive's snapshot is missing, of another analysis, or far behind this index. */
  private snapshotDue(): boolean {
    const snapshots = this.options.snapshots;
    if (!snapshots || this.snapshotTried === this.revision) return false;
    if (this.snapshotRevision < 0) {
      const info = snapshots.info(SNAPSHOT_KIND);
      this.snapshotRevision =
        info && info.analysis === ANALYSIS_VERSION && info.revision <= this.revision ? info.revision : -1;
    }
    const known = this.snapshotRevision;
    if (known === this.revision) return false;
    return known < 0 || this.store.changedSince(known).length >= this.rewriteThreshold();
  }

  /**
   * What scoring a query against chosen papers needs outside a ranked search (saved-search
   * alerts, src/alerts): the index caught up with the archive, its semantic space, and the
   * papers' analyzed text from the same cache the re-ranker reads.
   */
  scoringParts(): {
    index: PaperIndex;
    semantic: SemanticSpace | null;
    texts: (pks: readonly number[]) => Map<number, CandidateText>;
  } {
    const index = this.ensureIndex();
    this.ensureSemantic(index);
    return { index, semantic: this.semantic, texts: (pks) => this.candidates(index, pks) };
  }

  /**
   * Loads (or builds) the index and the semantic space now, and the lookup of title terms (the
   * misspelled-name fallback); persists what is missing or behind.
   */
  warmUp(): void {
    const index = this.ensureIndex();
    this.ensureSemantic(index);
    this.maybeSave();
    index.prepareFuzzy();
    // The first queries of a process pay for compiling the ranking code (70-100 ms of CPU at 20k
    // papers, whatever the query); a few queries now spare serve's first users that wait. An
    // empty archive has nothing to warm.
    if (index.documentCount === 0) return;
    for (const text of WARM_UP_QUERIES) {
      try {
        this.search({ text });
      } catch {
        // A query of only ignored words in some future analysis: warming is best effort.
      }
    }
    this.cache.clear();
  }
}

/** Queries of the kinds people type (a topic, a method and task, a name), run by warmUp. */
const WARM_UP_QUERIES = ["sparse attention", "graph neural networks for molecules", "LLM agents tool use"];

function checkCount(flag: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(
      `${flag} ${value} is out of range; use a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

function dateFilter(query: SearchQuery): DocFilter {
  const filter: DocFilter = {};
  for (const [flag, value] of [
    ["--since", query.since],
    ["--until", query.until],
  ] as const) {
    if (value === undefined) continue;
    if (!isIsoDate(value))
      throw new InvalidArgumentError(`${flag} "${value}" is not a date; write it as YYYY-MM-DD`);
  }
  if (query.since && query.until && query.since > query.until) {
    throw new InvalidArgumentError(
      `--since ${query.since} is after --until ${query.until}; swap them or drop one`,
    );
  }
  if (query.since) filter.since = dateNumber(query.since);
  if (query.until) filter.until = dateNumber(query.until);
  if (query.hasCode) filter.hasCode = true;
  return filter;
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}
