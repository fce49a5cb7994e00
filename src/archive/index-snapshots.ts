/**
 * Snapshots of a replica's index in the archive (migration 11), so that a fresh replica of a
 * shared PostgreSQL archive loads the newest one and catches up by revision, as a restart does
 * from its own file, instead of building the index from every row (24.7 s at 100k papers).
 *
 * Two kinds: "search" (the search index file) and "semantic" (the re-ranker's semantic space,
 * src/search/semantic-file.ts, without the papers' vectors), each checked by its reader against
 * its own format, analysis version and SHA-256. One snapshot per kind, written in chunks of CHUNK_BYTES (PostgreSQL's bytea and SQLite's blob
 * both take them in one bound value), replaced in one transaction under a named lock: a reader
 * sees the old snapshot or the new one, never a mix (it reads all parts in one statement), and
 * the table never holds more than one per kind. The bytes are checked by the reader (the index
 * file's own checksum); this store only moves them, gzipped (level 1): an index file shrinks to
 * about 40%, and a fresh replica's start is mostly the transfer (PostgreSQL sends bytea as hex
 * text: 134 MB at 100k papers took 5.4 s to read, load 14 on 2 cores).
 */
import { gunzipSync, gzipSync } from "node:zlib";
import type { Clock } from "../clock.js";
import type { Db } from "./db.js";

/** Bytes per row: large enough for few round trips, small enough to bind comfortably. */
export const CHUNK_BYTES = 8 * 2 ** 20;
/** Fast gzip: the ratio of higher levels is hardly better on an index, and the writer pays it. */
const GZIP_LEVEL = 1;

export interface SnapshotInfo {
  /** The archive revision the snapshot reflects. */
  revision: number;
  /** The analysis version that made it. */
  analysis: number;
  checksum: string;
  parts: number;
  writtenAt: string;
}

export interface Snapshot {
  info: SnapshotInfo;
  /** As written (decompressed). */
  bytes: Buffer;
}

/** A bytea through the PostgreSQL worker arrives as a Uint8Array (the structured clone drops Buffer). */
function asBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

export class IndexSnapshotStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** What the newest snapshot of `kind` is, without its bytes; null when there is none. */
  info(kind: string): SnapshotInfo | null {
    const row = this.db.get(
      this.db.q
        .selectFrom("index_snapshots")
        .select((eb) => [
          eb.fn.max("revision").as("revision"),
          eb.fn.max("analysis").as("analysis"),
          eb.fn.max("checksum").as("checksum"),
          eb.fn.max("written_at").as("written_at"),
          eb.fn.countAll().as("parts"),
        ])
        .where("kind", "=", kind),
    );
    if (!row || Number(row.parts) === 0) return null;
    return {
      revision: Number(row.revision),
      analysis: Number(row.analysis),
      checksum: String(row.checksum),
      parts: Number(row.parts),
      writtenAt: String(row.written_at),
    };
  }

  /**
   * The newest snapshot of `kind`, its parts joined in order (one statement: one consistent read)
   * and decompressed; throws when they do not decompress (a damaged row).
   */
  read(kind: string): Snapshot | null {
    const rows = this.db.all(
      this.db.q
        .selectFrom("index_snapshots")
        .select(["part", "revision", "analysis", "checksum", "written_at", "bytes"])
        .where("kind", "=", kind)
        .orderBy("part"),
    );
    const first = rows[0];
    if (!first) return null;
    // Parts 0…n-1 of one snapshot, or nothing usable.
    if (rows.some((r, i) => Number(r.part) !== i || r.checksum !== first.checksum)) return null;
    return {
      info: {
        revision: Number(first.revision),
        analysis: Number(first.analysis),
        checksum: first.checksum,
        parts: rows.length,
        writtenAt: first.written_at,
      },
      bytes: inflate(Buffer.concat(rows.map((r) => asBuffer(r.bytes)))),
    };
  }

  /**
   * Replaces `kind`'s snapshot with `bytes`, unless the one there is as new or newer for the same
   * analysis (another replica wrote it meanwhile). True when written; a read-only connection
   * writes nothing.
   */
  write(
    kind: string,
    info: { revision: number; analysis: number; checksum: string },
    bytes: Buffer,
  ): boolean {
    if (this.db.readonly) return false;
    return this.db.transaction(
      () => {
        const current = this.info(kind);
        if (current && current.analysis === info.analysis && current.revision >= info.revision) return false;
        this.db.run(this.db.q.deleteFrom("index_snapshots").where("kind", "=", kind));
        const writtenAt = this.clock.now().toISOString();
        const stored = gzipSync(bytes, { level: GZIP_LEVEL });
        const parts = Math.max(1, Math.ceil(stored.length / CHUNK_BYTES));
        for (let part = 0; part < parts; part++) {
          this.db.run(
            this.db.q.insertInto("index_snapshots").values({
              kind,
              part,
              revision: info.revision,
              analysis: info.analysis,
              checksum: info.checksum,
              written_at: writtenAt,
              bytes: stored.subarray(part * CHUNK_BYTES, (part + 1) * CHUNK_BYTES),
            }),
          );
        }
        return true;
      },
      { lock: `index-snapshot:${kind}` },
    );
  }

  /** Rows kept for `kind` (tests: a snapshot replaces the last one). */
  rows(kind: string): number {
    return Number(
      this.db.get(
        this.db.q
          .selectFrom("index_snapshots")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("kind", "=", kind),
      )?.n ?? 0,
    );
  }
}

function inflate(stored: Buffer): Buffer {
  try {
    return gunzipSync(stored);
  } catch (err) {
    throw new Error(`its bytes do not decompress (${(err as Error).message}): damaged`);
  }
}
