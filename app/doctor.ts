/**
 * `paperboy doctor`: checks what `serve` needs (the config, the archive, each enabled platform, the
 * port, the bundled sample) and prints the fix for each problem found.
 */
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Check, PlatformModule } from "../adapters/platform.js";
import { ConfigProblems } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { integrityCheck, stampOf } from "../src/archive/backup.js";
import { MIGRATIONS } from "../src/archive/migrations/index.js";
import type { Command } from "../src/cli/command.js";
import { DEFAULTS } from "../src/defaults.js";
import { ErrorCode, isPaperboyError, type PaperboyError } from "../src/errors.js";
import { EXAMPLE_CONFIG, SAMPLE_DIGEST } from "../src/paths.js";
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

/** The fix line of one config problem: what to edit, create or set, and where. */
export function configFix(err: PaperboyError, configPath: string | null): string {
  const file = err.location.file ?? configPath;
  if (err.code === ErrorCode.ConfigUnreadable && file) {
    return existsSync(file)
      ? `make ${file} a readable JSON file, or point --config / PAPERBOY_CONFIG at your config file`
      : `create ${file} from the example (cp ${EXAMPLE_CONFIG} ${file}) and edit it, or point --config / PAPERBOY_CONFIG at your config file`;
  }
  const key = err.location.key;
  // Environment variables are written in capitals; config keys never are.
  if (key && /^[A-Z][A-Z0-9_]*$/.test(key)) return `set ${key} as the line above says, or unset it`;
  if (key && file) return `edit "${key}" in ${file}; ${EXAMPLE_CONFIG} shows every key with its default`;
  if (key) return `set "${key}" as the line above says; ${EXAMPLE_CONFIG} shows every key with its default`;
  if (file && err.location.line) return `fix the JSON at ${file} line ${err.location.line}`;
  return `compare ${file ?? "the config"} with ${EXAMPLE_CONFIG}, which shows every key`;
}

/** How long `--verify` waits for each platform's answer. */
const VERIFY_TIMEOUT_MS = 10_000;

/**
 * Each platform's own checks when the config enables it ("disabled" otherwise): the shapes of its
 * secrets, and with `verify` what the platform says of them.
 */
async function checkPlatforms(
  config: Config,
  platforms: readonly PlatformModule[],
  verify: boolean,
): Promise<Check[]> {
  const checks: Check[] = [];
  for (const p of platforms) {
    const settings = config.platforms[p.name];
    if (!settings?.enabled) {
      checks.push({ name: p.name, ok: true, detail: "disabled" });
      continue;
    }
    const shapes = p.doctor(settings, verify && p.verify !== undefined);
    checks.push(...shapes);
    // A malformed token is not worth a call: the platform would only refuse it.
    if (verify && p.verify && shapes.every((c) => c.ok))
      checks.push(...(await p.verify(settings, { fetch, timeoutMs: VERIFY_TIMEOUT_MS })));
  }
  return checks;
}

export const doctor: Command = {
  name: "doctor",
  summary:
    "check config, database integrity, platforms and ports, and print fixes (--verify: ask the platforms)",
  usage: "doctor [--verify]",
  options: { verify: { type: "boolean" } },
  args: { min: 0, max: 0 },
  async run(ctx, _args, values) {
    const verify = values.verify === true;
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
      // Every problem on its own line, each with its own fix.
      const problems = err instanceof ConfigProblems ? err.problems : [err];
      for (const problem of problems) {
        checks.push({
          name: "config",
          ok: false,
          detail: err instanceof ConfigProblems ? problem.message : problem.describe(),
          fix: configFix(problem, ctx.configPath),
        });
      }
    }
    checks.push(...checkDatabase(ctx.dbPath));
    if (config) checks.push(...(await checkPlatforms(config, PLATFORMS, verify)));
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
      const unverified = !verify && checks.some((c) => /not verified/.test(c.detail));
      ctx.print(
        failed
          ? `${failed} problem(s) found`
          : `all checks passed${unverified ? " (tokens checked for shape only; `paperboy doctor --verify` asks the platforms)" : ""}`,
      );
    }
    return failed ? 1 : 0;
  },
};
