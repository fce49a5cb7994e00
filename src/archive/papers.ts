/**
 * The papers of the archive: storing a parsed digest as one transaction, and reading papers back.
 * A paper met again (same day or later, by arXiv id, alias, or normalized title + abstract)
 * updates its one record; two papers that share only a title stay two.
 */

import { sql } from "kysely";
import type { Clock } from "../clock.js";
import { contentId, contentKey, normalizeArxivId } from "../digest/identity.js";
import { codeLinks, extractLinks } from "../digest/links.js";
import type { DigestFormat, Paper, PaperRef, ParsedPaper } from "../types.js";
import { storeDayBatched } from "./day-batch.js";
import type { Db } from "./db.js";
import { mergeSighting, type NewPaperRow, newPaperRow, PAPER_COLUMNS, type PaperRow } from "./paper-rows.js";
import { prepared } from "./sql/prepared.js";
import { writing } from "./write-errors.js";

export interface StoreDayInput {
  /** The digest's day: papers without a date of their own belong to it. */
  date: string;
  source: string;
  format: DigestFormat;
  papers: ParsedPaper[];
}

export interface StoreResult {
  /** Distinct papers in the input. */
  papers: number;
  added: number;
  updated: number;
  /** Entries of the input that repeat a paper met earlier in the same input. */
  duplicates: number;
  /** The archive revision this write created (unchanged when nothing changed). */
  revision: number;
  /** Primary keys of the papers this write added or changed, for incremental indexes. */
  changed: number[];
}

// The statements an ingest runs for every paper, compiled once (sql/prepared.ts).
const PAPER_BY_ID = prepared<{ value: string }, PaperRow>((q, p) =>
  q.selectFrom("papers").select(PAPER_COLUMNS).where("id", "=", p.value),
);
const PAPER_BY_ARXIV_ID = prepared<{ value: string }, PaperRow>((q, p) =>
  q.selectFrom("papers").select(PAPER_COLUMNS).where("arxiv_id", "=", p.value),
);
const PAPER_BY_KEY = prepared<{ key: string }, PaperRow>((q, p) =>
  q
    .selectFrom("paper_keys as k")
    .innerJoin("papers as p", "p.pk", "k.pk")
    .select(PAPER_COLUMNS.map((c) => `p.${c}` as const))
    .where("k.key", "=", p.key),
);
const ADD_KEY = prepared<{ key: string; pk: number; kind: "alias" | "content" }, unknown>((q, p) =>
  q
    .insertInto("paper_keys")
    .values({ key: p.key, pk: p.pk, kind: p.kind })
    .onConflict((oc) => oc.column("key").doNothing()),
);
const INSERT_PAPER = prepared<NewPaperRow, { pk: number }>((q, p) =>
  q
    .insertInto("papers")
    .values({
      id: p.id,
      arxiv_id: p.arxiv_id,
      title: p.title,
      abstract: p.abstract,
      authors: p.authors,
      date: p.date,
      upvotes: p.upvotes,
      source_summary: p.source_summary,
      created_at: p.created_at,
      updated_at: p.updated_at,
      revision: p.revision,
      has_code: p.has_code,
    })
    .returning("pk"),
);
const DELETE_LINKS = prepared<{ pk: number }, unknown>((q, p) =>
  q.deleteFrom("paper_links").where("pk", "=", p.pk),
);
const SET_HAS_CODE = prepared<{ pk: number; has_code: number }, unknown>((q, p) =>
  q.updateTable("papers").set({ has_code: p.has_code }).where("pk", "=", p.pk),
);
const ADD_DAY_PAPER = prepared<{ date: string; pk: number; position: number }, unknown>((q, p) =>
  q
    .insertInto("day_papers")
    .values({ date: p.date, pk: p.pk, position: p.position })
    .onConflict((oc) => oc.doNothing()),
);

/** Papers read at once by `byPks` and streamed at once by `iterateForIndex`. */
const CHUNK = 500;
const STREAM_PAGE = 2000;

/** A paper's searchable fields (the search index's input). */
export interface IndexRow {
  pk: number;
  id: string;
  title: string;
  abstract: string;
  /** As stored: a JSON array. */
  authors: string;
  date: string;
  hasCode: boolean;
}

export interface PaperStoreOptions {
  /**
   * Store a day in a few statements when its papers do not interact (day-batch.ts); default
   * true. False stores paper by paper: tests check that both leave the same archive.
   */
  batchDays?: boolean;
}

export class PaperStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: PaperStoreOptions = {},
  ) {}

  private get q() {
    return this.db.q;
  }

  /** The archive's change counter; every write that changes papers increments it. */
  revision(): number {
    const row = this.db.get(this.q.selectFrom("meta").select("value").where("key", "=", "revision"));
    return row ? Number(row.value) : 0;
  }

  count(): number {
    return Number(this.db.get(this.q.selectFrom("papers").select((eb) => eb.fn.countAll().as("n")))?.n ?? 0);
  }

  /**
   * Stores one digest's papers in one transaction: all of them, or (on any error) none. Writers
   * take turns (the "papers" lock), so revisions are committed in the order they are numbered and
   * an index catching up by `changedSince` never skips one another replica is still writing.
   */
  storeDay(input: StoreDayInput): StoreResult {
    return writing(
      `store ${input.source}`,
      () => this.db.transaction(() => this.storeDayInTransaction(input), { lock: "papers" }),
      this.db,
    );
  }

  private storeDayInTransaction(input: StoreDayInput): StoreResult {
    const now = this.clock.now().toISOString();
    const revision = this.revision() + 1;
    // A day whose papers do not interact goes in a few statements (day-batch.ts); else paper by paper.
    const batch = this.options.batchDays === false ? null : storeDayBatched(this.db, input, now, revision);
    if (batch) {
      if (batch.changed.length) this.writeRevision(revision);
      return {
        papers: batch.papers,
        added: batch.added,
        updated: batch.updated,
        duplicates: 0,
        revision: batch.changed.length ? revision : revision - 1,
        changed: batch.changed,
      };
    }
    const touched = new Set<number>();
    const changed = new Set<number>();
    let added = 0;
    let updated = 0;
    let duplicates = 0;
    const positions = new Map<string, number>();
    const seenDays = new Set<string>();
    for (const parsed of input.papers) {
      const days = parsed.days.length ? parsed.days : [parsed.date ?? input.date];
      const existing = this.findMatch(parsed);
      let pk: number;
      if (existing) {
        pk = existing.pk;
        if (touched.has(pk)) duplicates++;
        else updated++;
        if (this.update(existing, parsed, days, now, revision)) changed.add(pk);
      } else {
        pk = this.insert(parsed, days, now, revision);
        added++;
        changed.add(pk);
      }
      touched.add(pk);
      for (const day of days) {
        if (!seenDays.has(day)) {
          this.db.run(
            this.q
              .insertInto("days")
              .values({ date: day, source: input.source, format: input.format, ingested_at: now })
              .onConflict((oc) =>
                oc.column("date").doUpdateSet((eb) => ({
                  source: eb.ref("excluded.source"),
                  format: eb.ref("excluded.format"),
                  ingested_at: eb.ref("excluded.ingested_at"),
                })),
              ),
          );
          seenDays.add(day);
        }
        if (!positions.has(day)) {
          const row = this.db.get(
            this.q
              .selectFrom("day_papers")
              .select((eb) => eb.fn.coalesce(eb.fn.max("position"), sql<number>`-1`).as("p"))
              .where("date", "=", day),
          );
          positions.set(day, Number(row?.p ?? -1) + 1);
        }
        const pos = positions.get(day) as number;
        const r = this.db.run(ADD_DAY_PAPER(this.db, { date: day, pk, position: pos }));
        if (r.changes) positions.set(day, pos + 1);
      }
    }
    if (changed.size) this.writeRevision(revision);
    return {
      papers: touched.size,
      added,
      updated,
      duplicates,
      revision: changed.size ? revision : revision - 1,
      changed: [...changed],
    };
  }

  private writeRevision(revision: number): void {
    this.db.run(
      this.q
        .insertInto("meta")
        .values({ key: "revision", value: String(revision) })
        .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("excluded.value") }))),
    );
  }

  private paperBy(column: "arxiv_id" | "id", value: string): PaperRow | undefined {
    return this.db.get((column === "id" ? PAPER_BY_ID : PAPER_BY_ARXIV_ID)(this.db, { value }));
  }

  private paperByKey(key: string): PaperRow | undefined {
    return this.db.get(PAPER_BY_KEY(this.db, { key }));
  }

  private findMatch(p: ParsedPaper): PaperRow | undefined {
    if (p.arxivId) {
      const row = this.paperBy("arxiv_id", p.arxivId) ?? this.paperByKey(p.arxivId);
      if (row) return row;
    }
    for (const alias of p.aliases) {
      const row = this.paperBy("id", alias) ?? this.paperByKey(alias);
      // An alias never merges two papers that both have (different) arXiv ids.
      if (row && !(p.arxivId && row.arxiv_id && row.arxiv_id !== p.arxivId)) return row;
    }
    const row = this.paperByKey(contentKey(p.title, p.abstract));
    if (row && !(p.arxivId && row.arxiv_id && row.arxiv_id !== p.arxivId)) return row;
    return undefined;
  }

  private freeId(wanted: string): string {
    const taken = (candidate: string) =>
      this.db.get(
        this.q
          .selectFrom("papers")
          .select(sql<number>`1`.as("t"))
          .where("id", "=", candidate)
          .union(this.q.selectFrom("paper_keys").select(sql<number>`1`.as("t")).where("key", "=", candidate)),
      ) !== undefined;
    if (!taken(wanted)) return wanted;
    for (let n = 2; ; n++) {
      const candidate = `${wanted}-${n}`;
      if (!taken(candidate)) return candidate;
    }
  }

  private insert(p: ParsedPaper, days: string[], now: string, revision: number): number {
    const id =
      p.arxivId ??
      this.freeId(p.aliases.find((a) => /^pb-[0-9a-f]{12}/.test(a)) ?? contentId(p.title, p.abstract));
    const row = this.db.get(INSERT_PAPER(this.db, newPaperRow(p, id, days, now, revision)));
    const pk = Number(row?.pk);
    this.addKey(contentKey(p.title, p.abstract), pk, "content");
    for (const alias of p.aliases) if (alias !== id) this.addKey(alias, pk, "alias");
    this.writeLinks(pk, p.abstract, p.sourceCode, true);
    return pk;
  }

  /** Merges a new sighting into a stored paper (mergeSighting); true when anything visible changed. */
  private update(row: PaperRow, p: ParsedPaper, days: string[], now: string, revision: number): boolean {
    const merged = mergeSighting(row, p, days, this.sourceLinks(row.pk));
    for (const alias of merged.aliases) if (alias !== merged.values.id) this.addKey(alias, row.pk, "alias");
    this.addKey(contentKey(p.title, p.abstract), row.pk, "content");
    if (!merged.changed) return false;
    this.db.run(
      this.q
        .updateTable("papers")
        .set({ ...merged.values, updated_at: now, revision })
        .where("pk", "=", row.pk),
    );
    this.writeLinks(row.pk, p.abstract, merged.sources);
    return true;
  }

  private addKey(key: string, pk: number, kind: "alias" | "content"): void {
    this.db.run(ADD_KEY(this.db, { key, pk, kind }));
  }

  private sourceLinks(pk: number): string[] {
    return this.db
      .all(
        this.q
          .selectFrom("paper_links")
          .select("url")
          .where("pk", "=", pk)
          .where("kind", "=", "source")
          .orderBy("position"),
      )
      .map((r) => r.url);
  }

  /**
   * Replaces a paper's links and sets whether it has code. A paper just inserted (`fresh`) has no
   * links to delete and got has_code with its row: two round trips fewer per new paper.
   */
  private writeLinks(pk: number, abstract: string, sourceCode: string[], fresh = false): void {
    if (!fresh) this.db.run(DELETE_LINKS(this.db, { pk }));
    const links = extractLinks(abstract);
    const rows = [
      ...links.map((url, i) => ({ pk, kind: "link" as const, url, position: i })),
      ...sourceCode.map((url, i) => ({ pk, kind: "source" as const, url, position: i })),
    ];
    // One statement for all of a paper's links (a duplicate URL keeps its first position).
    if (rows.length)
      this.db.run(
        this.q
          .insertInto("paper_links")
          .values(rows)
          .onConflict((oc) => oc.doNothing()),
      );
    if (fresh) return;
    const hasCode = codeLinks(links, sourceCode).length > 0 ? 1 : 0;
    this.db.run(SET_HAS_CODE(this.db, { pk, has_code: hasCode }));
  }

  /** One line of the ingest log, for every file tried (failures included). */
  logIngest(entry: {
    path: string;
    format: string | null;
    date: string | null;
    papers: number;
    added: number;
    updated: number;
    error?: string;
  }): void {
    this.db.run(
      this.q.insertInto("ingest_log").values({
        at: this.clock.now().toISOString(),
        path: entry.path,
        format: entry.format,
        date: entry.date,
        papers: entry.papers,
        added: entry.added,
        updated: entry.updated,
        status: entry.error ? "failed" : "ok",
        error: entry.error ?? null,
      }),
    );
  }

  // ---- reading ----

  /** The stored paper an id names: its id, arXiv id (with or without version), or any alias. */
  resolve(id: string): number | null {
    const trimmed = id.trim();
    const arxiv = normalizeArxivId(trimmed);
    const row =
      this.db.get(
        this.q
          .selectFrom("papers")
          .select("pk")
          .where((eb) => eb.or([eb("id", "=", trimmed), eb("arxiv_id", "=", arxiv ?? trimmed)])),
      ) ??
      this.db.get(
        this.q
          .selectFrom("paper_keys")
          .select("pk")
          .where("key", "=", arxiv ?? trimmed)
          .where("kind", "=", "alias"),
      );
    return row ? Number(row.pk) : null;
  }

  get(id: string): Paper | null {
    const pk = this.resolve(id);
    return pk === null ? null : this.byPk(pk);
  }

  byPk(pk: number): Paper | null {
    return this.byPks([pk])[0] ?? null;
  }

  /** Id, date, title and abstract by primary key, in one query (what search reads of its hits). */
  searchTexts(
    pks: readonly number[],
  ): Map<number, { id: string; date: string; title: string; abstract: string }> {
    const out = new Map<number, { id: string; date: string; title: string; abstract: string }>();
    for (let i = 0; i < pks.length; i += CHUNK) {
      const rows = this.db.all(
        this.q
          .selectFrom("papers")
          .select(["pk", "id", "date", "title", "abstract"])
          .where("pk", "in", pks.slice(i, i + CHUNK)),
      );
      for (const r of rows) out.set(r.pk, { id: r.id, date: r.date, title: r.title, abstract: r.abstract });
    }
    return out;
  }

  /** Papers by primary key, in the order asked; missing keys are left out. */
  byPks(pks: readonly number[]): Paper[] {
    if (pks.length === 0) return [];
    const out = new Map<number, Paper>();
    for (let i = 0; i < pks.length; i += CHUNK) {
      const chunk = pks.slice(i, i + CHUNK);
      const rows = this.db.all(this.q.selectFrom("papers").select(PAPER_COLUMNS).where("pk", "in", chunk));
      const links = this.db.all(
        this.q
          .selectFrom("paper_links")
          .select(["pk", "kind", "url"])
          .where("pk", "in", chunk)
          .orderBy("pk")
          .orderBy("kind")
          .orderBy("position"),
      );
      const keys = this.db.all(
        this.q
          .selectFrom("paper_keys")
          .select(["pk", "key"])
          .where("kind", "=", "alias")
          .where("pk", "in", chunk)
          .orderBy("rowid"),
      );
      const days = this.db.all(
        this.q.selectFrom("day_papers").select(["pk", "date"]).where("pk", "in", chunk).orderBy("date"),
      );
      for (const row of rows) {
        const mine = links.filter((l) => l.pk === row.pk);
        const abstractLinks = mine.filter((l) => l.kind === "link").map((l) => l.url);
        const source = mine.filter((l) => l.kind === "source").map((l) => l.url);
        out.set(row.pk, {
          id: row.id,
          title: row.title,
          abstract: row.abstract,
          date: row.date,
          authors: JSON.parse(row.authors) as string[],
          arxivId: row.arxiv_id,
          links: abstractLinks,
          code: codeLinks(abstractLinks, source),
          upvotes: row.upvotes,
          sourceSummary: row.source_summary,
          aliases: keys.filter((k) => k.pk === row.pk && k.key !== row.id).map((k) => k.key),
          days: days.filter((d) => d.pk === row.pk).map((d) => d.date),
        });
      }
    }
    return pks.map((pk) => out.get(pk)).filter((p): p is Paper => p !== undefined);
  }

  /** The papers of one digest day, in digest order. */
  day(date: string): PaperRef[] {
    return this.db.all(
      this.q
        .selectFrom("day_papers as d")
        .innerJoin("papers as p", "p.pk", "d.pk")
        .select(["p.id", "p.title", "p.date"])
        .where("d.date", "=", date)
        .orderBy("d.position"),
    );
  }

  /** The source's upvotes of papers by primary key (null where unknown), without loading them. */
  upvotesOf(pks: readonly number[]): Map<number, number | null> {
    const out = new Map<number, number | null>();
    for (let i = 0; i < pks.length; i += CHUNK) {
      const chunk = pks.slice(i, i + CHUNK);
      for (const r of this.db.all(
        this.q.selectFrom("papers").select(["pk", "upvotes"]).where("pk", "in", chunk),
      ))
        out.set(Number(r.pk), r.upvotes);
    }
    return out;
  }

  /**
   * The papers of a day (or of the range since..until) a roundup groups: all of them when they
   * are at most `limit`, else the `limit` most upvoted (unknown upvotes last, the archive's order
   * among equals); in the archive's order either way, with how many there are in all. The ranking
   * is the database's: a day of ten thousand papers is never loaded to choose five hundred.
   */
  roundupPks(span: { date: string; until?: string }, limit: number): { pks: number[]; total: number } {
    const from = span.until
      ? this.q
          .selectFrom("papers as p")
          .leftJoin("day_papers as d", (join) =>
            join.onRef("d.pk", "=", "p.pk").onRef("d.date", "=", "p.date"),
          )
          .where("p.date", ">=", span.date)
          .where("p.date", "<=", span.until)
      : this.q
          .selectFrom("day_papers as d")
          .innerJoin("papers as p", "p.pk", "d.pk")
          .where("d.date", "=", span.date);
    const total = Number(this.db.get(from.select((eb) => eb.fn.countAll().as("n")))?.n ?? 0);
    const rows = this.db.all(
      from
        .select(["p.pk", "p.date", "d.position"])
        .orderBy(sql`COALESCE(p.upvotes, -1)`, "desc")
        .orderBy("p.date")
        // NULLs first on both engines (PostgreSQL would put them last).
        .orderBy(sql`COALESCE(d.position, -1)`)
        .orderBy("p.pk")
        .limit(limit),
    ) as { pk: number; date: string; position: number | null }[];
    rows.sort(
      (a, b) => a.date.localeCompare(b.date) || (a.position ?? -1) - (b.position ?? -1) || a.pk - b.pk,
    );
    return { pks: rows.map((r) => Number(r.pk)), total };
  }

  /** One page of a day's primary keys, in digest order, and how many the day has. */
  dayPksPage(date: string, offset: number, limit: number): { pks: number[]; total: number } {
    const total = Number(
      this.db.get(
        this.q
          .selectFrom("day_papers")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("date", "=", date),
      )?.n ?? 0,
    );
    if (limit <= 0 || offset >= total) return { pks: [], total };
    const rows = this.db.all(
      this.q
        .selectFrom("day_papers")
        .select("pk")
        .where("date", "=", date)
        .orderBy("position")
        .limit(limit)
        .offset(offset),
    );
    return { pks: rows.map((r) => Number(r.pk)), total };
  }

  dayPks(date: string): number[] {
    return this.db
      .all(this.q.selectFrom("day_papers").select("pk").where("date", "=", date).orderBy("position"))
      .map((r) => r.pk);
  }

  /** Digest days with their paper counts, newest first. */
  days(): { date: string; papers: number }[] {
    return this.db
      .all(
        this.q
          .selectFrom("day_papers")
          .select((eb) => ["date", eb.fn.countAll().as("papers")])
          .groupBy("date")
          .orderBy("date", "desc"),
      )
      .map((r) => ({ date: r.date, papers: Number(r.papers) }));
  }

  latestDay(): string | null {
    const row = this.db.get(this.q.selectFrom("day_papers").select((eb) => eb.fn.max("date").as("d")));
    return row?.d ?? null;
  }

  /** Primary keys of papers first seen in [since, until], in archive order (date, digest position). */
  pksInRange(since?: string, until?: string): number[] {
    return this.db
      .all(
        this.q
          .selectFrom("papers as p")
          .leftJoin("day_papers as d", (join) =>
            join.onRef("d.pk", "=", "p.pk").onRef("d.date", "=", "p.date"),
          )
          .select("p.pk")
          .$if(since !== undefined, (qb) => qb.where("p.date", ">=", since as string))
          .$if(until !== undefined, (qb) => qb.where("p.date", "<=", until as string))
          .orderBy("p.date")
          .orderBy("d.position")
          .orderBy("p.pk"),
      )
      .map((r) => r.pk);
  }

  /** Primary keys of papers changed after `revision` (for incremental index updates). */
  changedSince(revision: number): number[] {
    return this.db
      .all(this.q.selectFrom("papers").select("pk").where("revision", ">", revision).orderBy("pk"))
      .map((r) => r.pk);
  }

  /**
   * The searchable fields of the papers asked for, as `iterateForIndex` gives them, in one
   * statement per CHUNK (an index catching up after an ingest; `byPks` would read links, keys and
   * days as well, four statements, none of which the index needs). Missing keys are left out.
   */
  indexRowsByPk(pks: readonly number[]): IndexRow[] {
    const out: IndexRow[] = [];
    for (let i = 0; i < pks.length; i += CHUNK) {
      const rows = this.db.all(
        this.q
          .selectFrom("papers")
          .select(["pk", "id", "title", "abstract", "authors", "date", "has_code"])
          .where("pk", "in", pks.slice(i, i + CHUNK)),
      );
      for (const row of rows) out.push({ ...row, pk: Number(row.pk), hasCode: row.has_code === 1 });
    }
    return out;
  }

  /**
   * Streams every paper's searchable fields a page at a time (by primary key), without loading
   * the whole archive as objects.
   */
  *iterateForIndex(): Generator<IndexRow> {
    let after = 0;
    for (;;) {
      const page = this.db.all(
        this.q
          .selectFrom("papers")
          .select(["pk", "id", "title", "abstract", "authors", "date", "has_code"])
          .where("pk", ">", after)
          .orderBy("pk")
          .limit(STREAM_PAGE),
      );
      for (const row of page)
        yield {
          pk: row.pk,
          id: row.id,
          title: row.title,
          abstract: row.abstract,
          authors: row.authors,
          date: row.date,
          hasCode: row.has_code === 1,
        };
      if (page.length < STREAM_PAGE) return;
      after = (page.at(-1) as { pk: number }).pk;
    }
  }
}
