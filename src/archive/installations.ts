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
    this.db
      .prepare(
        `INSERT INTO installations (platform, id, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(platform, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(platform, id, JSON.stringify(data), this.clock.now().toISOString());
  }

  get(platform: string, id: string): InstallationRecord | null {
    const row = this.db
      .prepare("SELECT * FROM installations WHERE platform = ? AND id = ?")
      .get(platform, id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Removes one installation (an uninstall); true when there was one. */
  delete(platform: string, id: string): boolean {
    return (
      this.db.prepare("DELETE FROM installations WHERE platform = ? AND id = ?").run(platform, id).changes > 0
    );
  }

  list(platform: string): InstallationRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM installations WHERE platform = ? ORDER BY id")
      .all(platform) as Row[];
    return rows.map(fromRow);
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
