/**
 * Every migration of this folder, in order. A migration is a file `NNN-name.ts` beside this one
 * that exports one `Migration` whose version is NNN; it is found here by its name, so adding a
 * table is its store and its migration file, and no list to edit. Versions must run 1, 2, 3…
 * without a gap or a repeat, or loading stops with the file to fix (an archive at version 9 would
 * otherwise skip a late 8).
 *
 * Ordered; a migration is never edited once released, only followed by a new one. Each is built
 * with the schema builder, so the same numbered migration creates the same tables on SQLite and
 * on PostgreSQL. Migration files import nothing of paperboy's at run time (only `kysely` and
 * types), so loading them here cannot form an import cycle.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Migration } from "./kit.js";

export type { Migration } from "./kit.js";

/** A migration file as written (`.ts`) or compiled (`.js`); never a declaration or source map. */
const MIGRATION_FILE = /^(\d{3})-[a-z0-9-]+\.(?:ts|js)$/;

function isMigration(value: unknown): value is Migration {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Migration).version === "number" &&
    typeof (value as Migration).name === "string" &&
    typeof (value as Migration).up === "function"
  );
}

/** The migrations of `dir`, checked to run 1, 2, 3…; exported for its test. */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  const files = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f) && !f.endsWith(".d.ts"))
    .sort();
  const out: Migration[] = [];
  for (const file of files) {
    // As found: `.ts` under tsx and vitest, `.js` once compiled.
    const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    const found = Object.values(module).filter(isMigration);
    const number = Number(MIGRATION_FILE.exec(file)?.[1]);
    const expected = out.length + 1;
    if (found.length !== 1 || found[0]?.version !== number || number !== expected) {
      throw new Error(
        `migration file ${file} must export exactly one migration with version ${expected}, numbered ${String(expected).padStart(3, "0")} (migrations run 1, 2, 3… with no gap)`,
      );
    }
    out.push(found[0] as Migration);
  }
  return out;
}

export const MIGRATIONS: readonly Migration[] = await loadMigrations(dirname(fileURLToPath(import.meta.url)));

/** The schema version this paperboy writes. */
export const LATEST_SCHEMA = MIGRATIONS.at(-1)?.version ?? 0;
