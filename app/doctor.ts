/**
 * `paperboy doctor`: checks what `serve` needs (the config, the archive, each enabled platform, the
 * port, the bundled sample) and prints the fix for each problem found.
 */
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import type { Check, PlatformModule } from "../adapters/platform.js";
import { ConfigProblems } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { integrityCheck, stampOf } from "../src/archive/backup.js";
import { isPostgresUrl, schemaVersion } from "../src/archive/db.js";
import { LATEST_SCHEMA, MIGRATIONS } from "../src/archive/migrations/index.js";
import { archiveId } from "../src/archive/sql/migrate.js";
import { PostgresDatabase } from "../src/archive/sql/postgres.js";
import type { Command } from "../src/cli/command.js";
import { DEFAULTS } from "../src/defaults.js";
import { ErrorCode, isPaperboyError, type PaperboyError } from "../src/errors.js";
import { gatewayLockName, lockHalves } from "../src/ops/leader-lock.js";
import { EXAMPLE_CONFIG, SAMPLE_DIGEST } from "../src/paths.js";
import { PLATFORMS } from "./platforms.js";

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

/** Past this, replicas' clocks disagree enough to matter: claim leases and due times compare them. */
const MAX_CLOCK_SKEW_MS = 2000;

/**
 * Which replica holds the Discord gateway (the gateway lock of this archive), as the server sees
 * it; each replica's own role is in its /healthz (`leader`).
 */
function gatewayLockCheck(db: PostgresDatabase): Check {
  const id = archiveId(db);
  if (!id) return { name: "gateway lock", ok: true, detail: "the archive has no identity yet" };
  const { classid, objid } = lockHalves(gatewayLockName(id));
  const holder = db.get(
    sql<{ pid: number; app: string | null; addr: string | null; since: string | null }>`
      SELECT l.pid, a.application_name AS app, host(a.client_addr) AS addr, a.backend_start::text AS since
      FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${classid} AND l.objid = ${objid} AND l.objsubid = 1`.compile(
      db.q,
    ),
  );
  return {
    name: "gateway lock",
    ok: true,
    detail: holder
      ? `held by the replica on server process ${holder.pid}${holder.addr ? ` from ${holder.addr}` : ""}${holder.since ? ` (connected ${holder.since})` : ""}: it holds the platform gateway only one replica may (thread messages, reactions); every replica's role is in its /healthz`
      : "not held: no replica holds a platform gateway now (none is serving, or every platform runs over HTTP)",
  };
}

/** A PostgreSQL archive: the connection, the migration level, this machine's clock against the server's. */
function checkPostgres(url: string, now: () => number): Check[] {
  let db: PostgresDatabase;
  try {
    db = new PostgresDatabase(url, {
      readonly: true,
      connectTimeoutMs: 5000,
      applicationName: "paperboy doctor",
    });
  } catch (err) {
    return [
      {
        name: "database (PostgreSQL)",
        ok: false,
        detail: (err as Error).message,
        fix: "check DATABASE_URL (host, port, user, password, database) and that the server accepts connections from here",
      },
    ];
  }
  try {
    const checks: Check[] = [];
    const version = schemaVersion(db);
    const papers =
      version > 0 ? Number(db.get(db.q.selectFrom("papers").select((eb) => eb.fn.countAll().as("n")))?.n) : 0;
    checks.push({ name: "database (PostgreSQL)", ok: true, detail: `connected to ${db.name}` });
    checks.push(
      version > LATEST_SCHEMA
        ? {
            name: "database schema",
            ok: false,
            detail: `schema ${version} is newer than this paperboy (${LATEST_SCHEMA}): another replica runs a newer version`,
            fix: "upgrade paperboy on this replica to the version the others run",
          }
        : {
            name: "database schema",
            ok: true,
            detail:
              version === LATEST_SCHEMA
                ? `schema ${version}/${LATEST_SCHEMA} (${papers} papers)`
                : `schema ${version}/${LATEST_SCHEMA}: the first replica to start applies the rest`,
          },
    );
    if (version > 0) checks.push(gatewayLockCheck(db));
    const before = now();
    const row = db.get(
      sql<{ ms: number }>`SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::float8 AS ms`.compile(db.q),
    );
    const after = now();
    const skew = Math.round(Number(row?.ms) - (before + after) / 2);
    const within = Math.ceil((after - before) / 2);
    checks.push(
      Math.abs(skew) - within <= MAX_CLOCK_SKEW_MS
        ? { name: "clock", ok: true, detail: `${skew} ms from the database server's (±${within} ms)` }
        : {
            name: "clock",
            ok: false,
            detail: `${skew} ms from the database server's (±${within} ms): replicas must agree on the time to share roundup claims and due times`,
            fix: "synchronise this machine's clock (NTP, e.g. systemd-timesyncd or chrony) and the server's",
          },
    );
    return checks;
  } catch (err) {
    return [
      {
        name: "database (PostgreSQL)",
        ok: false,
        detail: (err as Error).message,
        fix: "check that the DATABASE_URL user may read the database's tables",
      },
    ];
  } finally {
    db.close();
  }
}

function checkDatabase(dbPath: string, now: () => number = Date.now): Check[] {
  if (isPostgresUrl(dbPath)) return checkPostgres(dbPath, now);
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
    checks.push(...checkDatabase(ctx.dbPath, () => ctx.clock.now().getTime()));
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
