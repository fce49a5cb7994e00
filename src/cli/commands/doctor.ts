/** `paperboy doctor`: checks what `serve` needs and prints the fix for each problem found. */
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../../../config/load.js";
import type { Config } from "../../../config/schema.js";
import { integrityCheck, stampOf } from "../../archive/backup.js";
import { MIGRATIONS } from "../../archive/migrations/index.js";
import { isPaperboyError } from "../../errors.js";
import { SAMPLE_DIGEST } from "../../paths.js";
import type { Command } from "../command.js";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

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

function checkTokens(config: Config): Check[] {
  const checks: Check[] = [];
  if (config.slack.enabled) {
    const missing =
      config.slack.mode === "socket"
        ? ["SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"].filter(
            (k) => !(k === "SLACK_APP_TOKEN" ? config.slack.appToken : config.slack.botToken),
          )
        : ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"].filter(
            (k) => !(k === "SLACK_BOT_TOKEN" ? config.slack.botToken : config.slack.signingSecret),
          );
    checks.push(
      missing.length
        ? {
            name: `slack (${config.slack.mode})`,
            ok: false,
            detail: `missing ${missing.join(", ")}`,
            fix: `set ${missing.join(" and ")} in the environment (see the README's Slack section)`,
          }
        : { name: `slack (${config.slack.mode})`, ok: true, detail: "tokens present" },
    );
  } else checks.push({ name: "slack", ok: true, detail: "disabled" });
  if (config.discord.enabled) {
    const missing = [
      !config.discord.token && "DISCORD_TOKEN",
      !config.discord.applicationId && "DISCORD_APPLICATION_ID",
    ].filter(Boolean);
    checks.push(
      missing.length
        ? {
            name: "discord",
            ok: false,
            detail: `missing ${missing.join(", ")}`,
            fix: `set ${missing.join(" and ")} in the environment`,
          }
        : { name: "discord", ok: true, detail: "token present" },
    );
  } else checks.push({ name: "discord", ok: true, detail: "disabled" });
  return checks;
}

export const doctor: Command = {
  name: "doctor",
  summary: "check config, database integrity, tokens and ports, and print fixes",
  usage: "doctor",
  args: { min: 0, max: 0 },
  async run(ctx) {
    const checks: Check[] = [];
    let config: Config | null = null;
    try {
      config = loadConfig({ file: ctx.configPath, env: ctx.io.env });
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
    if (config) checks.push(...checkTokens(config));
    {
      const port = config?.http.port ?? Number(ctx.io.env.PORT ?? 3000);
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
