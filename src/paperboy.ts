/**
 * The engine every front end talks to: the CLI, the console bot, Slack, Discord and the scheduler.
 * It owns the archive and the services built on it; nothing here knows of a chat platform.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { type ChannelRef, type ChannelSettings, ChannelStore } from "./archive/channels.js";
import { archiveLocation, type Db, isPostgresUrl, openDatabase } from "./archive/db.js";
import { DeliveryStore } from "./archive/deliveries.js";
import { IndexSnapshotStore } from "./archive/index-snapshots.js";
import { InstallationStore } from "./archive/installations.js";
import { PaperStore } from "./archive/papers.js";
import { SeenRequestStore } from "./archive/seen-requests.js";
import { archiveId } from "./archive/sql/migrate.js";
import { type ThreadMessage, type ThreadRef, ThreadStore } from "./archive/threads.js";
import { type AnswerInput, answerInThread } from "./ask/answer.js";
import { offersGist, withGist } from "./ask/gist.js";
import { type Clock, dateInZone, systemClock } from "./clock.js";
import { parsePaperRef } from "./digest/identity.js";
import type { FormatOption } from "./digest/parse.js";
import { ArchiveError, ErrorCode, PaperboyError, UnknownPaperError } from "./errors.js";
import { type IngestOptions, type IngestReport, ingestAll } from "./ingest.js";
import { type Logger, silentLogger } from "./logger.js";
import { type PaperSuggestion, PaperSuggestions } from "./paper-suggestions.js";
import { RelatedService } from "./related/service.js";
import { type SearchQuery, type SearchResult, SearchService, type SemanticSource } from "./search/service.js";
import type { Summary } from "./summary/summarize.js";
import { SummaryCache } from "./summary/summary-cache.js";
import { forEachInSlices } from "./time-slices.js";
import type { TopicsRunner } from "./topics/in-worker.js";
import { type RoundupJobResult, type RoundupLine, runRoundupJob } from "./topics/roundup-job.js";
import { warmUpTopics } from "./topics/topics.js";
import type { Paper } from "./types.js";

export interface PaperboyOptions {
  /** The SQLite archive; ":memory:" for tests. */
  dbPath: string;
  clock?: Clock;
  logger?: Logger;
  /** IANA zone that decides "today" (dates of year-less pages, `today`). Default UTC. */
  timeZone?: string;
  /** Open without writing (a read-only disk); ingest and other writes then fail clearly. */
  readonly?: boolean;
  /** Where the search index is persisted; default beside the database. null: memory only. */
  indexPath?: string | null;
  /**
   * A PostgreSQL archive has no folder beside it: the search index is kept in this folder of the
   * replica's own disk, named by the archive's identity, so a restart loads it and catches up on
   * what changed instead of rebuilding it. Unset: built in memory at each start.
   */
  indexDir?: string;
  /**
   * Where `prepareRoundup` groups papers into topics: inline by default (one-shot commands);
   * `serve` passes a worker thread (topicsInWorker) so a large day never stalls other users.
   */
  topics?: TopicsRunner;
  /** PAPERBOY_SECRET_KEY, parsed: chat platforms' OAuth tokens are stored sealed under it. */
  secretKey?: Buffer | null;
}

export interface RoundupTopic {
  label: string;
  other: boolean;
  papers: Paper[];
}

export interface Roundup {
  date: string;
  /** Last day of a range, when the roundup spans several days. */
  until?: string;
  /** Number of papers of the day(s) before any channel filter. */
  count: number;
  /**
   * Papers grouped into the topics: `count`, or the most upvoted MAX_GROUPED_PAPERS of a day too
   * large to group whole (the others are not in `topics`).
   */
  grouped: number;
  topics: RoundupTopic[];
  /** Each grouped paper's roundup line (display title, key, TL;DR), by paper id: built by the job. */
  lines: ReadonlyMap<string, RoundupLine>;
}

/** A store over the archive's database: built from the database and the clock. */
export type StoreClass<T> = new (db: Db, clock: Clock) => T;

/** Where a discussion thread lives, and who opened it. */
export interface ThreadPlace extends ThreadRef {
  workspace: string;
  createdBy: string;
}

/** The archive at a glance: what `about` and operators want to know first. */
export interface ArchiveStats {
  papers: number;
  days: number;
  /** The oldest and newest digest days; null when the archive is empty. */
  firstDay: string | null;
  lastDay: string | null;
}

/** A PostgreSQL archive's search index file in a replica's own folder, by archive identity. */
function replicaIndexPath(db: Db, dir: string | undefined): string | null {
  const id = archiveId(db);
  if (!dir || !id) return null;
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return null;
  }
  return join(dir, `${id}.search`);
}

export class Paperboy {
  readonly db: Db;
  readonly papers: PaperStore;
  readonly threads: ThreadStore;
  readonly channels: ChannelStore;
  readonly deliveries: DeliveryStore;
  /** OAuth installations of chat apps (Slack workspaces); adapters read tokens through this. */
  readonly installations: InstallationStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeZone: string;
  readonly searchService: SearchService;
  readonly relatedService: RelatedService;
  private readonly dbPath: string;
  private readonly suggestions: PaperSuggestions;
  private readonly stores = new Map<StoreClass<unknown>, unknown>();
  /** By paper id, with the text summarized (another replica may have corrected it since); bounded. */
  private readonly summaries = new SummaryCache();
  private readonly roundups = new Map<string, Roundup>();
  private readonly roundupsComputing = new Map<string, Promise<Roundup>>();
  private readonly topicsRunner: TopicsRunner | undefined;

  private constructor(db: Db, options: PaperboyOptions) {
    this.db = db;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger();
    this.timeZone = options.timeZone ?? "UTC";
    this.dbPath = options.dbPath;
    this.papers = new PaperStore(db, this.clock);
    this.threads = new ThreadStore(db, this.clock);
    this.channels = new ChannelStore(db, this.clock);
    this.deliveries = new DeliveryStore(db);
    this.installations = new InstallationStore(db, this.clock, options.secretKey ?? null);
    const indexPath =
      options.indexPath !== undefined
        ? options.indexPath
        : isPostgresUrl(options.dbPath)
          ? replicaIndexPath(db, options.indexDir)
          : options.dbPath === ":memory:"
            ? null
            : join(dirname(options.dbPath), `${options.dbPath.split(/[\\/]/).pop()}.search`);
    this.searchService = new SearchService(this.papers, {
      indexPath,
      logger: this.logger,
      // Replicas of a shared archive start from the index another one built (index-snapshots.ts).
      snapshots: db.engine === "postgres" ? new IndexSnapshotStore(db, this.clock) : null,
    });
    this.relatedService = new RelatedService(this.papers);
    this.suggestions = new PaperSuggestions(this.papers);
    this.topicsRunner = options.topics;
  }

  static open(options: PaperboyOptions): Paperboy {
    try {
      return new Paperboy(openDatabase(options.dbPath, { readonly: options.readonly }), options);
    } catch (err) {
      // A read-only disk still serves reads: fall back rather than refuse to start.
      if (options.readonly || !(err instanceof ArchiveError) || err.code !== ErrorCode.DatabaseReadOnly)
        throw err;
      options.logger?.warn({ db: options.dbPath }, "the archive is read-only: serving reads only");
      return new Paperboy(openDatabase(options.dbPath, { readonly: true }), { ...options, readonly: true });
    }
  }

  close(): void {
    this.searchService.stop();
    this.db.close();
  }

  ingest(
    inputs: readonly string[],
    options: {
      date?: string;
      format?: FormatOption;
      stdin?: Uint8Array;
      onFile?: IngestOptions["onFile"];
    } = {},
  ): IngestReport {
    const report = ingestAll(this.papers, inputs, {
      ...options,
      timeZone: this.timeZone,
      now: this.clock.now(),
    });
    if (report.files.some((f) => f.changed.length)) {
      this.summaries.clear();
      this.searchService.sync();
      this.relatedService.sync();
    }
    return report;
  }

  /** The paper an id, arXiv id, alias or arXiv/HF URL names; UnknownPaperError otherwise. */
  paper(ref: string): Paper {
    const id = parsePaperRef(ref) ?? ref.trim();
    const paper = this.papers.get(id);
    if (!paper) throw new UnknownPaperError(ref.trim());
    return paper;
  }

  /**
   * The store of a feature that keeps its own tables (a chat command's notes, a reading queue),
   * made once per engine on first use: such a feature is its command, its store and its migration,
   * with no line here.
   */
  store<T>(Store: StoreClass<T>): T {
    let store = this.stores.get(Store) as T | undefined;
    if (store === undefined) {
      store = new Store(this.db, this.clock);
      this.stores.set(Store, store);
    }
    return store;
  }

  /**
   * Request ids seen recently (Slack event and trigger ids, Discord interaction ids), kept in the
   * archive so a replay is dropped across a restart and by every replica sharing the archive. The
   * adapters' way in, so they never reach for the archive's tables themselves.
   */
  seenRequests(): SeenRequestStore {
    return this.store(SeenRequestStore);
  }

  /**
   * A file beside the archive for a front end's state that belongs with it but not in it (like the
   * search index's `.search`): `<archive file>.<suffix>`. Null for an in-memory archive or one on
   * PostgreSQL.
   */
  sidecarPath(suffix: string): string | null {
    // A shared server has no folder beside it: replicas rebuild what a sidecar would keep.
    if (this.dbPath === ":memory:" || isPostgresUrl(this.dbPath)) return null;
    return join(dirname(this.dbPath), `${this.dbPath.split(/[\\/]/).pop()}.${suffix}`);
  }

  /** True when `word` names a paper: an arXiv id or link (known or not), or a stored id or alias. */
  isPaperRef(word: string): boolean {
    return parsePaperRef(word) !== null || this.papers.resolve(word) !== null;
  }

  /** Papers for what someone has typed so far of an id or a title (autocomplete), best first. */
  suggestPapers(typed: string, limit: number): PaperSuggestion[] {
    return this.suggestions.suggest(typed, limit);
  }

  /** One page of a digest day's papers, in digest order, and how many the day has (0: no digest). */
  dayPage(date: string, offset: number, limit: number): { papers: Paper[]; total: number } {
    // A page at a time: a day of ten thousand papers is not read whole for one page of it.
    const { pks, total } = this.papers.dayPksPage(date, offset, limit);
    return { papers: this.papers.byPks(pks), total };
  }

  archiveStats(): ArchiveStats {
    const days = this.papers.days();
    return {
      papers: this.papers.count(),
      days: days.length,
      firstDay: days.at(-1)?.date ?? null,
      lastDay: days[0]?.date ?? null,
    };
  }

  /** Binds a chat thread to the paper `ref` names, so that what is said there is about it. */
  openThread(ref: string, place: ThreadPlace): Paper {
    const paper = this.paper(ref);
    this.threads.open({ ...place, paperPk: this.papers.resolve(paper.id) as number });
    return paper;
  }

  /**
   * Reserves the binding of a thread about to be opened for the paper `ref` names: written now,
   * so that an archive that cannot store it (a full disk) says so before anything is posted.
   * `bind` gives it the platform's thread id; `release` drops it when no thread was opened.
   */
  reserveThread(
    ref: string,
    place: Omit<ThreadPlace, "thread">,
  ): { paper: Paper; bind(thread: string): void; release(): void } {
    const paper = this.paper(ref);
    const placeholder = this.threads.reserve({ ...place, paperPk: this.papers.resolve(paper.id) as number });
    return {
      paper,
      bind: (thread) => this.threads.bindReserved(place, placeholder, thread),
      release: () => this.threads.release(place, placeholder),
    };
  }

  /** The threads `place.createdBy` opened about the paper `ref` names in a channel since `since`, newest first. */
  threadsOpenedSince(
    ref: string,
    place: { platform: string; channel: string; createdBy: string },
    since: Date,
  ): string[] {
    const paperPk = this.papers.resolve(this.paper(ref).id) as number;
    return this.threads.openedSince({ ...place, paperPk }, since);
  }

  /** The paper a chat thread is about, or null when the thread is not a discussion. */
  threadPaper(ref: ThreadRef): Paper | null {
    const thread = this.threads.get(ref);
    return thread ? this.papers.byPk(thread.paperPk) : null;
  }

  /** What readers asked in a discussion thread, oldest first (a follow-up's context). */
  threadQuestions(ref: ThreadRef, limit = 5): string[] {
    return this.threads.questions(ref, limit);
  }

  /** Appends to a discussion thread's history (what `ask` was asked there and answered). */
  recordInThread(ref: ThreadRef, messages: readonly Omit<ThreadMessage, "at">[]): void {
    for (const m of messages) this.threads.addMessage(ref, m);
  }

  /**
   * Computes the summaries of `papers` not in the cache yet, in slices of the event loop (a day's
   * page of 20 fresh TL;DRs is tens of milliseconds of work); `summary()` then answers each from
   * the cache. For commands that list papers with their TL;DRs in a long-running `serve`.
   */
  async prepareSummaries(papers: readonly Paper[]): Promise<void> {
    await forEachInSlices(papers, (p) => {
      this.summary(p);
    });
  }

  summary(paper: Paper): Summary {
    return this.summaries.summary(paper);
  }

  search(query: SearchQuery): SearchResult {
    return this.searchService.search(query);
  }

  related(ref: string, limit = 5) {
    const paper = this.paper(ref);
    const pk = this.papers.resolve(paper.id) as number;
    return { paper, results: this.relatedService.related(pk, limit) };
  }

  /** Papers by primary key (as search and related name them), in that order; missing ones left out. */
  papersAt(pks: readonly number[]): Paper[] {
    return this.papers.byPks(pks);
  }

  /** A channel's roundup settings; `defaults` for a channel never configured. */
  channelSettings(
    ref: ChannelRef & { workspace?: string },
    defaults: { timezone: string; time: string },
  ): ChannelSettings {
    return this.channels.settings(ref, defaults);
  }

  saveChannelSettings(settings: ChannelSettings): void {
    this.channels.save(settings);
  }

  /** Answers a question from the paper's text; `earlier` are the thread's earlier questions. */
  ask(ref: string, question: string, earlier: readonly string[] = []) {
    const paper = this.paper(ref);
    const input: AnswerInput = {
      title: paper.title,
      abstract: paper.abstract,
      links: paper.links,
      code: paper.code,
      sourceSummary: paper.sourceSummary,
    };
    const answer = answerInThread(input, question, earlier);
    // The TL;DR is computed (and cached) only for a declined question about the paper's idea.
    return { paper, answer: offersGist(answer) ? withGist(answer, this.summary(paper).tldr) : answer };
  }

  /**
   * Topics of one day's papers (or of a date range when `until` is given), papers within a topic
   * by the source's upvotes, then code. The source's own summary (API-form digests) helps the
   * grouping; page-form days group without it.
   */
  roundup(date: string, until?: string): Roundup {
    // Topics cost up to a second for a week; the same day is asked for by every channel and button.
    const key = this.roundupKey(date, until);
    const cached = this.roundups.get(key);
    if (cached) return cached;
    const job = { date, ...(until ? { until } : {}) };
    return this.remember(key, this.assembleRoundup(job, runRoundupJob(job, this.papers)));
  }

  /**
   * The roundup of a day (or range), its heavy part (choosing, reading and grouping the papers)
   * run by the engine's runner, a worker thread in `serve`, without blocking: afterwards
   * `roundup()` answers from the cache. Concurrent asks for the same day share one run. An
   * archive in memory (tests) has no file a worker could open: it is computed inline.
   */
  async prepareRoundup(date: string, until?: string): Promise<Roundup> {
    const key = this.roundupKey(date, until);
    const cached = this.roundups.get(key);
    if (cached) return cached;
    const runner = this.topicsRunner;
    // The worker opens the archive on its own read-only connection (an SQLite file, or the
    // PostgreSQL server); an archive in memory has none to open, and is computed inline.
    const archive = archiveLocation(this.db);
    if (!runner || archive === null) return this.roundup(date, until);
    let computing = this.roundupsComputing.get(key);
    if (!computing) {
      const job = { date, ...(until ? { until } : {}) };
      computing = (async () => {
        try {
          return this.remember(key, this.assembleRoundup(job, await runner({ ...job, archive })));
        } catch (err) {
          throw new PaperboyError(
            ErrorCode.WorkerFailed,
            `could not group the papers of ${until ? `${date} to ${until}` : date} into topics: ${(err as Error).message}; try again later, or ask for a single day`,
            {},
            { cause: err },
          );
        } finally {
          this.roundupsComputing.delete(key);
        }
      })();
      this.roundupsComputing.set(key, computing);
    }
    return computing;
  }

  private remember(key: string, roundup: Roundup): Roundup {
    this.roundups.set(key, roundup);
    if (this.roundups.size > 32) this.roundups.delete(this.roundups.keys().next().value as string);
    return roundup;
  }

  private roundupKey(date: string, until?: string): string {
    return `${date}|${until ?? ""}|${this.papers.revision()}`;
  }

  /** The roundup from a job's result; the summaries it computed join the engine's cache. */
  private assembleRoundup(job: { date: string; until?: string }, result: RoundupJobResult): Roundup {
    const byPk = new Map(result.papers);
    for (const [pk, summary] of result.summaries) {
      const paper = byPk.get(pk);
      if (paper) this.summaries.remember(paper, summary);
    }
    return {
      date: job.date,
      ...(job.until ? { until: job.until } : {}),
      count: result.total,
      grouped: result.papers.length,
      topics: result.topics.map((t) => ({
        label: t.label,
        other: t.other,
        papers: t.pks.map((pk) => byPk.get(pk) as Paper),
      })),
      lines: new Map(result.lines),
    };
  }

  /**
   * Loads the search index, builds the related-papers index and the newest day's topics now, so
   * that a long-running `serve` pays for them at start and not inside the first chat request
   * (where they would also delay acknowledging everyone else's). Returns what it did, timed.
   */
  warmUp(): {
    searchMs: number;
    relatedMs: number;
    roundupMs: number;
    /** Where the semantic space came from: its file, the archive's snapshot, fitted; none yet. */
    semantic: SemanticSource | "none";
  } {
    const t0 = performance.now();
    // The index and its semantic space (loaded, or fitted on a first start: seconds at 100k).
    this.searchService.warmUp();
    // Serving from here on: a later refit (the archive has doubled) runs beside the searches.
    this.searchService.refitInBackground();
    const t1 = performance.now();
    this.relatedService.prepare();
    const t2 = performance.now();
    warmUpTopics();
    const day = this.latestDay();
    if (day) this.roundup(day);
    // The process's first date in a time zone loads ICU's zone and locale data (~25 ms): here,
    // not inside the first roundup that says "today".
    dateInZone(this.clock.now(), this.timeZone);
    const t3 = performance.now();
    const ms = (a: number, b: number) => Math.round(b - a);
    return {
      searchMs: ms(t0, t1),
      relatedMs: ms(t1, t2),
      roundupMs: ms(t2, t3),
      semantic: this.searchService.semanticSource() ?? "none",
    };
  }

  /** The newest digest day in the archive, or null when it is empty. */
  latestDay(): string | null {
    return this.papers.latestDay();
  }
}
