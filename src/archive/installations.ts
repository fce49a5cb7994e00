/**
 * App installations (OAuth grants of chat platforms), one JSON document per (platform, id), so
 * tokens survive restarts and rotated tokens replace the old ones in place. The archive does not
 * know what is inside a document; each adapter defines its own shape and validates it on read.
 */
import type { Clock } from "../clock.js";
import { ArchiveError, ErrorCode } from "../errors.js";
import type { Db } from "./db.js";

export interface InstallationRecord {
  platform: string;
  id: string;
  data: unknown;
  updatedAt: string;
}

interface Row {
  platform: string;
  id: string;
  data: string;
  updated_at: string;
}

export class InstallationStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Stores (or replaces) one installation. */
  save(platform: string, id: string, data: unknown): void {
    this.db.run(
      this.db.q
        .insertInto("installations")
        .values({ platform, id, data: JSON.stringify(data), updated_at: this.clock.now().toISOString() })
        .onConflict((oc) =>
          oc.columns(["platform", "id"]).doUpdateSet((eb) => ({
            data: eb.ref("excluded.data"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        ),
    );
  }

  get(platform: string, id: string): InstallationRecord | null {
    const row = this.db.get(
      this.db.q.selectFrom("installations").selectAll().where("platform", "=", platform).where("id", "=", id),
    );
    return row ? fromRow(row) : null;
  }

  /** Removes one installation (an uninstall); true when there was one. */
  delete(platform: string, id: string): boolean {
    return (
      this.db.run(this.db.q.deleteFrom("installations").where("platform", "=", platform).where("id", "=", id))
        .changes > 0
    );
  }

  list(platform: string): InstallationRecord[] {
    return this.db
      .all(this.db.q.selectFrom("installations").selectAll().where("platform", "=", platform).orderBy("id"))
      .map(fromRow);
  }
}

function fromRow(row: Row): InstallationRecord {
  try {
    return { platform: row.platform, id: row.id, data: JSON.parse(row.data), updatedAt: row.updated_at };
  } catch (err) {
    // A hand-edited or half-written row: name it so it can be deleted and the app reinstalled.
    throw new ArchiveError(
      ErrorCode.Database,
      `the stored ${row.platform} installation "${row.id}" is not valid JSON; delete that row from the installations table and install the app again`,
      { key: `installations.${row.platform}.${row.id}` },
      { cause: err },
    );
  }
}
