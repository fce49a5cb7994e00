/**
 * App installations (OAuth grants of chat platforms), one JSON document per (platform, id), so
 * tokens survive restarts and rotated tokens replace the old ones in place. The archive does not
 * know what is inside a document; each adapter defines its own shape and validates it on read.
 * Documents hold bot, user and refresh tokens: they are stored sealed (AES-256-GCM, secret-box.ts)
 * under PAPERBOY_SECRET_KEY, and without that key nothing is stored. A document written in plain
 * JSON by an older paperboy is still read, and sealed in place on the way.
 */
import type { Clock } from "../clock.js";
import { ArchiveError, ConfigError, ErrorCode } from "../errors.js";
import type { Db } from "./db.js";
import { isSealed, open, SECRET_KEY_ENV, seal } from "./secret-box.js";

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

function context(platform: string, id: string): string {
  return `installations/${platform}/${id}`;
}

export class InstallationStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** PAPERBOY_SECRET_KEY, parsed; null when not set (then nothing can be stored). */
    private readonly key: Buffer | null = null,
  ) {}

  /** Stores (or replaces) one installation, sealed; refuses without a key. */
  save(platform: string, id: string, data: unknown): void {
    if (!this.key)
      throw new ConfigError(
        ErrorCode.ConfigInvalid,
        `refusing to store the ${platform} installation's tokens unencrypted: set ${SECRET_KEY_ENV} (32 random bytes: \`openssl rand -base64 32\`), restart paperboy and install the app again`,
        { key: SECRET_KEY_ENV },
      );
    this.write(platform, id, seal(JSON.stringify(data), this.key, context(platform, id)));
  }

  get(platform: string, id: string): InstallationRecord | null {
    const row = this.db
      .prepare("SELECT * FROM installations WHERE platform = ? AND id = ?")
      .get(platform, id) as Row | undefined;
    return row ? this.fromRow(row) : null;
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
    return rows.map((r) => this.fromRow(r));
  }

  private write(platform: string, id: string, data: string, at = this.clock.now().toISOString()): void {
    this.db
      .prepare(
        `INSERT INTO installations (platform, id, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(platform, id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(platform, id, data, at);
  }

  private fromRow(row: Row): InstallationRecord {
    const where = { key: `installations.${row.platform}.${row.id}` };
    let text = row.data;
    if (isSealed(text)) {
      if (!this.key)
        throw new ConfigError(
          ErrorCode.ConfigInvalid,
          `the stored ${row.platform} installation "${row.id}" is encrypted: set ${SECRET_KEY_ENV} to the key it was stored with`,
          { key: SECRET_KEY_ENV },
        );
      try {
        text = open(text, this.key, context(row.platform, row.id));
      } catch (err) {
        throw new ArchiveError(
          ErrorCode.Database,
          `cannot decrypt the stored ${row.platform} installation "${row.id}": ${SECRET_KEY_ENV} is not the key it was stored with; set that key, or install the app again`,
          where,
          { cause: err },
        );
      }
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      // A hand-edited or half-written row: name it so it can be deleted and the app reinstalled.
      throw new ArchiveError(
        ErrorCode.Database,
        `the stored ${row.platform} installation "${row.id}" is not valid JSON; delete that row from the installations table and install the app again`,
        where,
        { cause: err },
      );
    }
    // Written in the clear by an older paperboy: sealed now, in place (its date kept).
    if (!isSealed(row.data) && this.key && !this.db.readonly)
      this.write(row.platform, row.id, seal(text, this.key, context(row.platform, row.id)), row.updated_at);
    return { platform: row.platform, id: row.id, data, updatedAt: row.updated_at };
  }
}
