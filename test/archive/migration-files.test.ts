/**
 * Migrations are found by their file names (NNN-name.ts), so adding a table is its store and its
 * migration file; a gap, a repeat or a file whose version disagrees with its number stops loading
 * with the file to fix, rather than letting an archive skip a migration.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LATEST_SCHEMA, loadMigrations, MIGRATIONS } from "../../src/archive/migrations/index.js";

function folder(files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), "paperboy-migrations-"));
  for (const [file, version] of Object.entries(files)) {
    writeFileSync(
      join(dir, file),
      `export const m = { version: ${version}, name: "m${version}", up: () => [] };\n`,
    );
  }
  // Not migrations: ignored.
  writeFileSync(join(dir, "kit.ts"), "export const x = 1;\n");
  writeFileSync(join(dir, "notes.md"), "not code\n");
  return dir;
}

describe("migration files", () => {
  it("the shipped folder loads in order, 1 to the latest, each once", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA }, (_, i) => i + 1));
    expect(MIGRATIONS[0]?.name).toBe("papers");
  });

  it("are found by name and sorted by number", async () => {
    const loaded = await loadMigrations(folder({ "002-b.ts": 2, "001-a.ts": 1, "003-c.ts": 3 }));
    expect(loaded.map((m) => m.version)).toEqual([1, 2, 3]);
  });

  it("refuse a gap, and a version that disagrees with its file's number, naming the file", async () => {
    await expect(loadMigrations(folder({ "001-a.ts": 1, "003-c.ts": 3 }))).rejects.toThrow(
      /migration file 003-c\.ts must export exactly one migration with version 2, numbered 002/,
    );
    await expect(loadMigrations(folder({ "001-a.ts": 1, "002-b.ts": 7 }))).rejects.toThrow(/002-b\.ts/);
  });
});
