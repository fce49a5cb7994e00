/**
 * Queries built and compiled once per engine, then run many times with new values. Building and
 * compiling a Kysely query costs tens of microseconds, more than SQLite takes to answer a keyed
 * lookup, so the statements an ingest runs for every paper are prepared this way.
 *
 *   const byKey = prepared<{ key: string }, Row>((q, p) => q.selectFrom("t").selectAll().where("key", "=", p.key));
 *   db.get(byKey(db, { key }));
 *
 * `p.name` stands for a value given at run time: it may be used wherever a value may (a where
 * clause, an inserted or updated column), never as a column or table name, and `p` itself is no
 * row (name each column: `values({ id: p.id })`, not `values(p)`). An insert binds every
 * column it names, so a missing value is stored as NULL (not the column's default).
 */
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { ArchiveDb, Engine } from "./database.js";
import type { ArchiveTables } from "./tables.js";

const SLOT = Symbol("paperboy.prepared-slot");

interface Slot {
  readonly [SLOT]: string;
}

function isSlot(value: unknown): value is Slot {
  return typeof value === "object" && value !== null && SLOT in value;
}

export function prepared<P extends Record<string, unknown>, R>(
  build: (q: Kysely<ArchiveTables>, p: P) => Compilable<R>,
): (db: ArchiveDb, values: P) => CompiledQuery<R> {
  const byEngine = new Map<Engine, { query: CompiledQuery<R>; slots: (string | null)[] }>();
  return (db, values) => {
    let entry = byEngine.get(db.engine);
    if (!entry) {
      const p = new Proxy({} as P, { get: (_target, name) => ({ [SLOT]: String(name) }) });
      const query = build(db.q, p).compile();
      entry = { query, slots: query.parameters.map((v) => (isSlot(v) ? v[SLOT] : null)) };
      byEngine.set(db.engine, entry);
    }
    const { query, slots } = entry;
    return {
      ...query,
      parameters: slots.map((slot, i) => (slot === null ? query.parameters[i] : values[slot])),
    };
  };
}
