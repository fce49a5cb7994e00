/**
 * A day's papers stored in a few statements instead of several per paper: on PostgreSQL each
 * statement is a round trip to the server (through the worker thread, ~0.2 ms on an idle
 * loopback, much more on a busy machine), and a 70-paper day took about 450 of them.
 *
 * It reads everything the day's papers could match at once (papers by arXiv id and id, keys),
 * matches in memory as `PaperStore.findMatch` does, and writes with one multi-row statement per
 * table (papers with RETURNING, keys, links, days, day positions); only a changed paper's UPDATE
 * stays one statement per paper. That is exact only when the day's papers do not interact: when
 * two of them share an identifier (an arXiv id, alias, content key or chosen id), match the same
 * stored paper, or a new paper's id is taken, it returns null and the caller stores the day paper
 * by paper, where each sees the ones before it. Both run inside the caller's transaction.
 */
import { contentId, contentKey } from "../digest/identity.js";
import { codeLinks, extractLinks } from "../digest/links.js";
import type { ParsedPaper } from "../types.js";
import type { Db } from "./db.js";
import { mergeSighting, newPaperRow, PAPER_COLUMNS, type PaperRow } from "./paper-rows.js";

/** Values per IN list and rows per insert: far under SQLite's 32,766 bound values. */
const CHUNK = 500;

export interface DayInput {
  date: string;
  source: string;
  format: string;
  papers: readonly ParsedPaper[];
}

export interface BatchResult {
  added: number;
  updated: number;
  /** Distinct papers (each input entry is one: the batch refuses repeats). */
  papers: number;
  /** Primary keys added or changed, in input order. */
  changed: number[];
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The day's papers stored, or null when they interact and must be stored one by one. */
export function storeDayBatched(db: Db, input: DayInput, now: string, revision: number): BatchResult | null {
  const papers = input.papers;
  if (papers.length === 0) return null;
  const keyOf = papers.map((p) => contentKey(p.title, p.abstract));
  // Every identifier belongs to one entry of the day, or the entries interact.
  const owner = new Map<string, number>();
  const claim = (value: string, i: number): boolean => {
    const o = owner.get(value);
    if (o !== undefined && o !== i) return false;
    owner.set(value, i);
    return true;
  };
  for (const [i, p] of papers.entries()) {
    const ids = [...(p.arxivId ? [p.arxivId] : []), ...p.aliases, keyOf[i] as string];
    if (!ids.every((v) => claim(v, i))) return null;
  }

  // Everything the day's papers could match, in two reads (per chunk of identifiers).
  const arxivIds = papers.flatMap((p) => (p.arxivId ? [p.arxivId] : []));
  const aliases = papers.flatMap((p) => p.aliases);
  const byArxiv = new Map<string, PaperRow>();
  const byId = new Map<string, PaperRow>();
  const byKey = new Map<string, PaperRow>();
  for (const part of chunks([...arxivIds, ...aliases])) {
    for (const row of db.all(
      db.q
        .selectFrom("papers")
        .select(PAPER_COLUMNS)
        .where((eb) => eb.or([eb("arxiv_id", "in", part), eb("id", "in", part)])),
    )) {
      if (row.arxiv_id !== null) byArxiv.set(row.arxiv_id, row);
      byId.set(row.id, row);
    }
  }
  for (const part of chunks([...new Set([...arxivIds, ...aliases, ...keyOf])])) {
    for (const row of db.all(
      db.q
        .selectFrom("paper_keys as k")
        .innerJoin("papers as p", "p.pk", "k.pk")
        .select(["k.key", ...PAPER_COLUMNS.map((c) => `p.${c}` as const)])
        .where("k.key", "in", part),
    )) {
      const { key, ...paper } = row;
      byKey.set(key, paper);
    }
  }

  // Match as findMatch does, against the stored papers only (the day's do not interact).
  const conflicts = (p: ParsedPaper, row: PaperRow) =>
    Boolean(p.arxivId && row.arxiv_id && row.arxiv_id !== p.arxivId);
  const matches = papers.map((p, i) => {
    if (p.arxivId) {
      const row = byArxiv.get(p.arxivId) ?? byKey.get(p.arxivId);
      if (row) return row;
    }
    for (const alias of p.aliases) {
      const row = byId.get(alias) ?? byKey.get(alias);
      if (row && !conflicts(p, row)) return row;
    }
    const row = byKey.get(keyOf[i] as string);
    return row && !conflicts(p, row) ? row : undefined;
  });
  const matched = new Set<number>();
  for (const row of matches) {
    if (!row) continue;
    if (matched.has(row.pk)) return null;
    matched.add(row.pk);
  }

  // New papers' ids: the arXiv id, else the wanted id, which must be free (else `freeId`'s
  // numbering, paper by paper).
  const newIds = new Map<number, string>();
  for (const [i, p] of papers.entries()) {
    if (matches[i]) continue;
    const id =
      p.arxivId ?? p.aliases.find((a) => /^pb-[0-9a-f]{12}/.test(a)) ?? contentId(p.title, p.abstract);
    if (!p.arxivId && !claim(id, i)) return null;
    newIds.set(i, id);
  }
  const wanted = papers.flatMap((p, i) => (!p.arxivId && newIds.has(i) ? [newIds.get(i) as string] : []));
  for (const part of chunks(wanted)) {
    const taken = db.get(
      db.q
        .selectFrom("papers")
        .select("id")
        .where("id", "in", part)
        .union(db.q.selectFrom("paper_keys").select("key as id").where("key", "in", part)),
    );
    if (taken) return null;
  }

  // The stored papers' source links (a sighting adds to them).
  const sources = new Map<number, string[]>();
  for (const part of chunks([...matched])) {
    for (const r of db.all(
      db.q
        .selectFrom("paper_links")
        .select(["pk", "url"])
        .where("pk", "in", part)
        .where("kind", "=", "source")
        .orderBy("pk")
        .orderBy("position"),
    )) {
      const list = sources.get(r.pk) ?? [];
      list.push(r.url);
      sources.set(r.pk, list);
    }
  }

  const daysOf = papers.map((p) => (p.days.length ? p.days : [p.date ?? input.date]));
  // New papers, in input order, in one statement per chunk; their pks come back by id.
  const inserts = [...newIds.entries()].map(([i, id]) =>
    newPaperRow(papers[i] as ParsedPaper, id, daysOf[i] as string[], now, revision),
  );
  const pkOfId = new Map<string, number>();
  for (const part of chunks(inserts))
    for (const r of db.all(db.q.insertInto("papers").values(part).returning(["pk", "id"])))
      pkOfId.set(r.id, Number(r.pk));

  const pks: number[] = [];
  const keys: { key: string; pk: number; kind: "alias" | "content" }[] = [];
  const links: { pk: number; kind: "link" | "source"; url: string; position: number }[] = [];
  const relinked: number[] = [];
  const changed: number[] = [];
  let added = 0;
  let updated = 0;
  const linkRows = (pk: number, abstract: string, sourceCode: readonly string[]) => {
    const found = extractLinks(abstract);
    links.push(
      ...found.map((url, position) => ({ pk, kind: "link" as const, url, position })),
      ...sourceCode.map((url, position) => ({ pk, kind: "source" as const, url, position })),
    );
    return codeLinks(found, [...sourceCode]).length > 0 ? 1 : 0;
  };
  for (const [i, p] of papers.entries()) {
    const row = matches[i];
    if (!row) {
      const id = newIds.get(i) as string;
      const pk = pkOfId.get(id);
      if (pk === undefined) throw new Error(`the insert of paper ${id} returned no key`);
      pks.push(pk);
      added++;
      changed.push(pk);
      keys.push({ key: keyOf[i] as string, pk, kind: "content" });
      for (const alias of p.aliases) if (alias !== id) keys.push({ key: alias, pk, kind: "alias" });
      linkRows(pk, p.abstract, p.sourceCode);
      continue;
    }
    pks.push(row.pk);
    updated++;
    const merged = mergeSighting(row, p, daysOf[i] as string[], sources.get(row.pk) ?? []);
    for (const alias of merged.aliases)
      if (alias !== merged.values.id) keys.push({ key: alias, pk: row.pk, kind: "alias" });
    keys.push({ key: keyOf[i] as string, pk: row.pk, kind: "content" });
    if (!merged.changed) continue;
    changed.push(row.pk);
    relinked.push(row.pk);
    const hasCode = linkRows(row.pk, p.abstract, merged.sources);
    db.run(
      db.q
        .updateTable("papers")
        .set({ ...merged.values, updated_at: now, revision, has_code: hasCode })
        .where("pk", "=", row.pk),
    );
  }
  // Keys in the order paper by paper would add them: a key already held stays with its paper.
  for (const part of chunks(keys))
    db.run(
      db.q
        .insertInto("paper_keys")
        .values(part)
        .onConflict((oc) => oc.column("key").doNothing()),
    );
  for (const part of chunks(relinked)) db.run(db.q.deleteFrom("paper_links").where("pk", "in", part));
  for (const part of chunks(links))
    db.run(
      db.q
        .insertInto("paper_links")
        .values(part)
        .onConflict((oc) => oc.doNothing()),
    );

  // The days, then each paper's place in each of its days (after the papers already there;
  // a paper already listed on a day keeps its place).
  const dayList = [...new Set(daysOf.flat())];
  for (const part of chunks(dayList))
    db.run(
      db.q
        .insertInto("days")
        .values(part.map((date) => ({ date, source: input.source, format: input.format, ingested_at: now })))
        .onConflict((oc) =>
          oc.column("date").doUpdateSet((eb) => ({
            source: eb.ref("excluded.source"),
            format: eb.ref("excluded.format"),
            ingested_at: eb.ref("excluded.ingested_at"),
          })),
        ),
    );
  const next = new Map<string, number>();
  const listed = new Set<string>();
  for (const part of chunks(dayList)) {
    for (const r of db.all(
      db.q
        .selectFrom("day_papers")
        .select((eb) => ["date", eb.fn.max("position").as("p")])
        .where("date", "in", part)
        .groupBy("date"),
    ))
      next.set(r.date, Number(r.p) + 1);
    for (const pkPart of chunks([...matched]))
      for (const r of db.all(
        db.q
          .selectFrom("day_papers")
          .select(["date", "pk"])
          .where("date", "in", part)
          .where("pk", "in", pkPart),
      ))
        listed.add(`${r.date}\t${Number(r.pk)}`);
  }
  const placed: { date: string; pk: number; position: number }[] = [];
  for (const [i, pk] of pks.entries()) {
    for (const date of daysOf[i] as string[]) {
      const pair = `${date}\t${pk}`;
      if (listed.has(pair)) continue;
      listed.add(pair);
      const position = next.get(date) ?? 0;
      next.set(date, position + 1);
      placed.push({ date, pk, position });
    }
  }
  for (const part of chunks(placed))
    db.run(
      db.q
        .insertInto("day_papers")
        .values(part)
        .onConflict((oc) => oc.doNothing()),
    );
  return { added, updated, papers: pks.length, changed };
}
