/**
 * The papers of the archive: storing a parsed digest as one transaction, and reading papers back.
 * A paper met again (same day or later, by arXiv id, alias, or normalized title + abstract)
 * updates its one record; two papers that share only a title stay two.
 */

import type Database from "better-sqlite3";
import type { Clock } from "../clock.js";
import { contentId, contentKey, normalizeArxivId } from "../digest/identity.js";
import { codeLinks, extractLinks } from "../digest/links.js";
import type { DigestFormat, Paper, PaperRef, ParsedPaper } from "../types.js";
import type { Db } from "./db.js";
import { writing } from "./sqlite-errors.js";

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

interface PaperRow {
  pk: number;
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  authors: string;
  date: string;
  upvotes: number | null;
  source_summary: string | null;
}

export class PaperStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Prepared once, reused: preparing is a large share of an ingest's cost otherwise. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      // IN (?, ?, …) lists come in many lengths; keep the cache bounded.
      if (this.statements.size < 2000) this.statements.set(sql, s);
    }
    return s;
  }

  /** The archive's change counter; every write that changes papers increments it. */
  revision(): number {
    const row = this.stmt("SELECT value FROM meta WHERE key = 'revision'").get() as
      | { value: string }
      | undefined;
    return row ? Number(row.value) : 0;
  }

  count(): number {
    return (this.stmt("SELECT COUNT(*) AS n FROM papers").get() as { n: number }).n;
  }

  /** Stores one digest's papers in one transaction: all of them, or (on any error) none. */
  storeDay(input: StoreDayInput): StoreResult {
    return writing(
      `store ${input.source}`,
      () => this.db.transaction(() => this.storeDayInTransaction(input)).immediate(),
      this.db,
    );
  }

  private storeDayInTransaction(input: StoreDayInput): StoreResult {
    const now = this.clock.now().toISOString();
    const revision = this.revision() + 1;
    const touched = new Set<number>();
    const changed = new Set<number>();
    let added = 0;
    let updated = 0;
    let duplicates = 0;
    const positions = new Map<string, number>();
    const upsertDay = this.stmt(
      `INSERT INTO days (date, source, format, ingested_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(date) DO UPDATE SET source = excluded.source, format = excluded.format,
         ingested_at = excluded.ingested_at`,
    );
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
          upsertDay.run(day, input.source, input.format, now);
          seenDays.add(day);
        }
        if (!positions.has(day)) {
          const row = this.stmt("SELECT COALESCE(MAX(position), -1) AS p FROM day_papers WHERE date = ?").get(
            day,
          ) as {
            p: number;
          };
          positions.set(day, row.p + 1);
        }
        const pos = positions.get(day) as number;
        const r = this.stmt(
          "INSERT INTO day_papers (date, pk, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        ).run(day, pk, pos);
        if (r.changes) positions.set(day, pos + 1);
      }
    }
    if (changed.size) {
      this.stmt(
        "INSERT INTO meta (key, value) VALUES ('revision', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(String(revision));
    }
    return {
      papers: touched.size,
      added,
      updated,
      duplicates,
      revision: changed.size ? revision : revision - 1,
      changed: [...changed],
    };
  }

  private findMatch(p: ParsedPaper): PaperRow | undefined {
    const byArxiv = this.stmt("SELECT * FROM papers WHERE arxiv_id = ?");
    const byKey = this.stmt("SELECT p.* FROM paper_keys k JOIN papers p ON p.pk = k.pk WHERE k.key = ?");
    const byId = this.stmt("SELECT * FROM papers WHERE id = ?");
    if (p.arxivId) {
      const row = (byArxiv.get(p.arxivId) ?? byKey.get(p.arxivId)) as PaperRow | undefined;
      if (row) return row;
    }
    for (const alias of p.aliases) {
      const row = (byId.get(alias) ?? byKey.get(alias)) as PaperRow | undefined;
      // An alias never merges two papers that both have (different) arXiv ids.
      if (row && !(p.arxivId && row.arxiv_id && row.arxiv_id !== p.arxivId)) return row;
    }
    const row = byKey.get(contentKey(p.title, p.abstract)) as PaperRow | undefined;
    if (row && !(p.arxivId && row.arxiv_id && row.arxiv_id !== p.arxivId)) return row;
    return undefined;
  }

  private freeId(wanted: string): string {
    const taken = this.stmt("SELECT 1 FROM papers WHERE id = ? UNION SELECT 1 FROM paper_keys WHERE key = ?");
    if (!taken.get(wanted, wanted)) return wanted;
    for (let n = 2; ; n++) {
      const candidate = `${wanted}-${n}`;
      if (!taken.get(candidate, candidate)) return candidate;
    }
  }

  private insert(p: ParsedPaper, days: string[], now: string, revision: number): number {
    const id =
      p.arxivId ??
      this.freeId(p.aliases.find((a) => /^pb-[0-9a-f]{12}/.test(a)) ?? contentId(p.title, p.abstract));
    const date = [...days].sort()[0] as string;
    const info = this.stmt(
      `INSERT INTO papers (id, arxiv_id, title, abstract, authors, date, upvotes, source_summary, created_at,
           updated_at, revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      p.arxivId,
      p.title,
      p.abstract,
      JSON.stringify(p.authors),
      date,
      p.upvotes,
      p.sourceSummary,
      now,
      now,
      revision,
    );
    const pk = Number(info.lastInsertRowid);
    this.addKey(contentKey(p.title, p.abstract), pk, "content");
    for (const alias of p.aliases) if (alias !== id) this.addKey(alias, pk, "alias");
    this.writeLinks(pk, p.abstract, p.sourceCode);
    return pk;
  }

  /** Merges a new sighting into a stored paper; true when anything visible changed. */
  private update(row: PaperRow, p: ParsedPaper, days: string[], now: string, revision: number): boolean {
    let id = row.id;
    let arxivId = row.arxiv_id;
    const aliases: string[] = [...p.aliases];
    if (!arxivId && p.arxivId) {
      arxivId = p.arxivId;
      aliases.push(row.id);
      id = p.arxivId;
    }
    const authors = p.authors.length ? JSON.stringify(p.authors) : row.authors;
    const upvotes = p.upvotes ?? row.upvotes;
    // A page form of the day carries no summary: it never erases the API form's.
    const sourceSummary = p.sourceSummary ?? row.source_summary;
    const earliest = [row.date, ...days].sort()[0] as string;
    const sourceCode = this.sourceLinks(row.pk);
    const newSources = p.sourceCode.filter((u) => !sourceCode.includes(u));
    const textChanged = row.title !== p.title || row.abstract !== p.abstract;
    const changed =
      id !== row.id ||
      arxivId !== row.arxiv_id ||
      authors !== row.authors ||
      upvotes !== row.upvotes ||
      sourceSummary !== row.source_summary ||
      earliest !== row.date ||
      newSources.length > 0 ||
      textChanged;
    for (const alias of aliases) if (alias !== id) this.addKey(alias, row.pk, "alias");
    this.addKey(contentKey(p.title, p.abstract), row.pk, "content");
    if (!changed) return false;
    // The newest sighting's text wins: digests correct titles and abstracts, never degrade them.
    this.stmt(
      `UPDATE papers SET id = ?, arxiv_id = ?, title = ?, abstract = ?, authors = ?, date = ?, upvotes = ?,
           source_summary = ?, updated_at = ?, revision = ? WHERE pk = ?`,
    ).run(id, arxivId, p.title, p.abstract, authors, earliest, upvotes, sourceSummary, now, revision, row.pk);
    this.writeLinks(row.pk, p.abstract, [...sourceCode, ...newSources]);
    return true;
  }

  private addKey(key: string, pk: number, kind: "alias" | "content"): void {
    this.stmt("INSERT INTO paper_keys (key, pk, kind) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING").run(
      key,
      pk,
      kind,
    );
  }

  private sourceLinks(pk: number): string[] {
    return (
      this.stmt("SELECT url FROM paper_links WHERE pk = ? AND kind = 'source' ORDER BY position").all(pk) as {
        url: string;
      }[]
    ).map((r) => r.url);
  }

  private writeLinks(pk: number, abstract: string, sourceCode: string[]): void {
    this.stmt("DELETE FROM paper_links WHERE pk = ?").run(pk);
    const insert = this.stmt(
      "INSERT OR IGNORE INTO paper_links (pk, kind, url, position) VALUES (?, ?, ?, ?)",
    );
    const links = extractLinks(abstract);
    for (const [i, url] of links.entries()) insert.run(pk, "link", url, i);
    for (const [i, url] of sourceCode.entries()) insert.run(pk, "source", url, i);
    const hasCode = codeLinks(links, sourceCode).length > 0 ? 1 : 0;
    this.stmt("UPDATE papers SET has_code = ? WHERE pk = ?").run(hasCode, pk);
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
    this.stmt(
      `INSERT INTO ingest_log (at, path, format, date, papers, added, updated, status, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      this.clock.now().toISOString(),
      entry.path,
      entry.format,
      entry.date,
      entry.papers,
      entry.added,
      entry.updated,
      entry.error ? "failed" : "ok",
      entry.error ?? null,
    );
  }

  // ---- reading ----

  /** The stored paper an id names: its id, arXiv id (with or without version), or any alias. */
  resolve(id: string): number | null {
    const trimmed = id.trim();
    const arxiv = normalizeArxivId(trimmed);
    const row = (this.stmt("SELECT pk FROM papers WHERE id = ? OR arxiv_id = ?").get(
      trimmed,
      arxiv ?? trimmed,
    ) ?? this.stmt("SELECT pk FROM paper_keys WHERE key = ? AND kind = 'alias'").get(arxiv ?? trimmed)) as
      | { pk: number }
      | undefined;
    return row?.pk ?? null;
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
    const rows = this.stmt(
      "SELECT p.pk, p.id, p.date, p.title, p.abstract FROM json_each(?) AS j JOIN papers AS p ON p.pk = j.value",
    ).all(JSON.stringify(pks)) as {
      pk: number;
      id: string;
      date: string;
      title: string;
      abstract: string;
    }[];
    return new Map(rows.map((r) => [r.pk, { id: r.id, date: r.date, title: r.title, abstract: r.abstract }]));
  }

  /** Papers by primary key, in the order asked; missing keys are left out. */
  byPks(pks: readonly number[]): Paper[] {
    if (pks.length === 0) return [];
    const out = new Map<number, Paper>();
    for (let i = 0; i < pks.length; i += 500) {
      const chunk = pks.slice(i, i + 500);
      const marks = chunk.map(() => "?").join(",");
      const rows = this.stmt(`SELECT * FROM papers WHERE pk IN (${marks})`).all(...chunk) as PaperRow[];
      const links = this.stmt(
        `SELECT pk, kind, url FROM paper_links WHERE pk IN (${marks}) ORDER BY pk, kind, position`,
      ).all(...chunk) as { pk: number; kind: string; url: string }[];
      const keys = this.stmt(
        `SELECT pk, key FROM paper_keys WHERE kind = 'alias' AND pk IN (${marks}) ORDER BY rowid`,
      ).all(...chunk) as { pk: number; key: string }[];
      const days = this.stmt(`SELECT pk, date FROM day_papers WHERE pk IN (${marks}) ORDER BY date`).all(
        ...chunk,
      ) as { pk: number; date: string }[];
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

  /** The source's upvotes of papers by primary key (null where unknown), without loading them. */
  upvotesOf(pks: readonly number[]): Map<number, number | null> {
    // One statement for any number of keys (a JSON array), not one per chunk of placeholders.
    const rows = this.stmt("SELECT pk, upvotes FROM papers WHERE pk IN (SELECT value FROM json_each(?))").all(
      JSON.stringify(pks),
    ) as { pk: number; upvotes: number | null }[];
    return new Map(rows.map((r) => [r.pk, r.upvotes]));
  }

  /** The papers of one digest day, in digest order. */
  day(date: string): PaperRef[] {
    return this.stmt(
      `SELECT p.id, p.title, p.date FROM day_papers d JOIN papers p ON p.pk = d.pk
         WHERE d.date = ? ORDER BY d.position`,
    ).all(date) as PaperRef[];
  }

  dayPks(date: string): number[] {
    return (
      this.stmt("SELECT pk FROM day_papers WHERE date = ? ORDER BY position").all(date) as {
        pk: number;
      }[]
    ).map((r) => r.pk);
  }

  /**
   * The papers of a day (or of the range since..until) a roundup groups: all of them when they
   * are at most `limit`, else the `limit` most upvoted (unknown upvotes last, the archive's order
   * among equals); in the archive's order either way, with how many there are in all. The ranking
   * is SQLite's: a day of ten thousand papers is never loaded to choose five hundred.
   */
  roundupPks(span: { date: string; until?: string }, limit: number): { pks: number[]; total: number } {
    const where = span.until
      ? {
          from: "papers p LEFT JOIN day_papers d ON d.pk = p.pk AND d.date = p.date",
          cond: "p.date >= ? AND p.date <= ?",
          args: [span.date, span.until],
        }
      : { from: "day_papers d JOIN papers p ON p.pk = d.pk", cond: "d.date = ?", args: [span.date] };
    const total = (
      this.stmt(`SELECT COUNT(*) AS n FROM ${where.from} WHERE ${where.cond}`).get(...where.args) as {
        n: number;
      }
    ).n;
    const rows = this.stmt(
      `SELECT p.pk, p.date, d.position FROM ${where.from} WHERE ${where.cond}
       ORDER BY COALESCE(p.upvotes, -1) DESC, p.date, d.position, p.pk LIMIT ?`,
    ).all(...where.args, limit) as { pk: number; date: string; position: number | null }[];
    rows.sort(
      (a, b) => a.date.localeCompare(b.date) || (a.position ?? -1) - (b.position ?? -1) || a.pk - b.pk,
    );
    return { pks: rows.map((r) => r.pk), total };
  }

  /** One page of a day's primary keys, in digest order, and how many the day has. */
  dayPksPage(date: string, offset: number, limit: number): { pks: number[]; total: number } {
    const total = (
      this.stmt("SELECT COUNT(*) AS n FROM day_papers WHERE date = ?").get(date) as { n: number }
    ).n;
    if (limit <= 0 || offset >= total) return { pks: [], total };
    const rows = this.stmt("SELECT pk FROM day_papers WHERE date = ? ORDER BY position LIMIT ? OFFSET ?").all(
      date,
      limit,
      offset,
    ) as { pk: number }[];
    return { pks: rows.map((r) => r.pk), total };
  }

  /** Digest days with their paper counts, newest first. */
  days(): { date: string; papers: number }[] {
    return this.stmt(
      "SELECT date, COUNT(*) AS papers FROM day_papers GROUP BY date ORDER BY date DESC",
    ).all() as { date: string; papers: number }[];
  }

  latestDay(): string | null {
    const row = this.stmt("SELECT MAX(date) AS d FROM day_papers").get() as { d: string | null };
    return row.d;
  }

  /** Primary keys of papers first seen in [since, until], in archive order (date, digest position). */
  pksInRange(since?: string, until?: string): number[] {
    return (
      this.stmt(
        `SELECT p.pk FROM papers p
           LEFT JOIN day_papers d ON d.pk = p.pk AND d.date = p.date
           WHERE (? IS NULL OR p.date >= ?) AND (? IS NULL OR p.date <= ?)
           ORDER BY p.date, d.position, p.pk`,
      ).all(since ?? null, since ?? null, until ?? null, until ?? null) as { pk: number }[]
    ).map((r) => r.pk);
  }

  /** Primary keys of papers changed after `revision` (for incremental index updates). */
  changedSince(revision: number): number[] {
    return (
      this.stmt("SELECT pk FROM papers WHERE revision > ? ORDER BY pk").all(revision) as {
        pk: number;
      }[]
    ).map((r) => r.pk);
  }

  /** Streams every paper's searchable fields without loading the whole archive as objects. */
  *iterateForIndex(): Generator<{
    pk: number;
    id: string;
    title: string;
    abstract: string;
    authors: string;
    date: string;
    hasCode: boolean;
  }> {
    const stmt = this.stmt("SELECT pk, id, title, abstract, authors, date, has_code FROM papers ORDER BY pk");
    for (const row of stmt.iterate() as Iterable<PaperRow & { has_code: number }>) {
      yield {
        pk: row.pk,
        id: row.id,
        title: row.title,
        abstract: row.abstract,
        authors: row.authors,
        date: row.date,
        hasCode: row.has_code === 1,
      };
    }
  }
}
