/**
 * `paperboy doctor`: checks what `serve` needs (the config, the archive, each enabled platform, the
 * port, the bundled sample) and prints the fix for each problem found.
 */
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Check, PlatformModule } from "../adapters/platform.js";
import type { Config } from "../config/schema.js";
import { integrityCheck, stampOf } from "../src/archive/backup.js";
import { MIGRATIONS } from "../src/archive/migrations/index.js";
import type { Command } from "../src/cli/command.js";
import { DEFAULTS } from "../src/defaults.js";
import { isPaperboyError } from "../src/errors.js";
import { SAMPLE_DIGEST } from "../src/paths.js";
import { PLATFORMS } from "./platforms.js";

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

function checkDatabase(dbPath: string): Check[] {
  if (!existsSync(dbPath)) {
    try {
      mkdirSync(dirname(dbPath), { recursive: true });
      accessSync(dirname(dbPath), constants.W_OK);
      return [
        {
          name: "database",
          ok: true,
          detail: `${dbPath} does not exist yet; it will be created on first use`,
        },
      ];
    } catch {
      return [
        {
          name: "database",
          ok: false,
          detail: `cannot create ${dbPath}`,
          fix: "make its folder writable, or point --db / PAPERBOY_DB elsewhere",
        },
      ];
    }
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    return [
      {
        name: "database",
        ok: false,
        detail: (err as Error).message,
        fix: "check the path and permissions of the archive",
      },
    ];
  }
  try {
    const problems = integrityCheck(db);
    const stamp = stampOf(db);
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    const checks: Check[] = [
      problems[0] === "ok"
        ? {
            name: "database integrity",
            ok: true,
            detail: `ok (${stamp.papers} papers, schema ${stamp.schemaVersion}/${latest})`,
          }
        : {
            name: "database integrity",
            ok: false,
            detail: problems.slice(0, 3).join("; "),
            fix: "restore the newest backup with `paperboy restore <file>`",
          },
    ];
    if (stamp.schemaVersion > latest) {
      checks.push({
        name: "database schema",
        ok: false,
        detail: `schema ${stamp.schemaVersion} is newer than this paperboy (${latest})`,
        fix: "upgrade paperboy",
      });
    }
    let writable = true;
    try {
      accessSync(dbPath, constants.W_OK);
      accessSync(dirname(dbPath), constants.W_OK);
    } catch {
      writable = false;
    }
    checks.push(
      writable
        ? { name: "database writable", ok: true, detail: "yes" }
        : {
            name: "database writable",
            ok: false,
            detail: "the archive or its folder is read-only: commands read, but ingest and posts fail",
            fix: "make the file and its folder writable by this user",
          },
    );
    return checks;
  } catch (err) {
    return [
      {
        name: "database",
        ok: false,
        detail: (err as Error).message,
        fix: "is this a paperboy archive? restore a backup",
      },
    ];
  } finally {
    db.close();
  }
}

/** Each platform's own checks when the config enables it; "disabled" otherwise. */
function checkPlatforms(config: Config, platforms: readonly PlatformModule[]): Check[] {
  return platforms.flatMap((p) => {
    const settings = config.platforms[p.name];
    return settings?.enabled ? p.doctor(settings) : [{ name: p.name, ok: true, detail: "disabled" }];
  });
}

export const doctor: Command = {
  name: "doctor",
  summary: "check config, database integrity, platforms and ports, and print fixes",
  usage: "doctor",
  args: { min: 0, max: 0 },
  async run(ctx) {
    const checks: Check[] = [];
    let config: Config | null = null;
    try {
      config = ctx.config();
      checks.push({
        name: "config",
        ok: true,
        detail: ctx.configPath ?? "no config file: built-in defaults",
      });
    } catch (err) {
      if (!isPaperboyError(err)) throw err;
      checks.push({
        name: "config",
        ok: false,
        detail: err.describe(),
        fix: "fix the key named above; config/paperboy.example.json shows every key",
      });
    }
    checks.push(...checkDatabase(ctx.dbPath));
    if (config) checks.push(...checkPlatforms(config, PLATFORMS));
    {
      const port = config?.http.port ?? Number(ctx.io.env.PORT ?? DEFAULTS.port);
      const free = await portFree(port);
      checks.push(
        free
          ? { name: `port ${port}`, ok: true, detail: "free" }
          : {
              name: `port ${port}`,
              ok: false,
              detail: "in use (another paperboy serve?)",
              fix: "stop the other process or set PORT / http.port to a free port",
            },
      );
    }
    checks.push(
      existsSync(SAMPLE_DIGEST.path)
        ? { name: "sample digest", ok: true, detail: "bundled" }
        : {
            name: "sample digest",
            ok: false,
            detail: `missing ${SAMPLE_DIGEST.path}`,
            fix: "reinstall paperboy",
          },
    );
    const failed = checks.filter((c) => !c.ok).length;
    if (ctx.json) ctx.printJson({ ok: failed === 0, checks });
    else {
      for (const c of checks) {
        ctx.print(`${c.ok ? "ok  " : "FAIL"}  ${c.name}: ${c.detail}`);
        if (c.fix) ctx.print(`      fix: ${c.fix}`);
      }
      ctx.print(failed ? `${failed} problem(s) found` : "all checks passed");
    }
    return failed ? 1 : 0;
  },
};
