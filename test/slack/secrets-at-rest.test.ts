/**
 * OAuth tokens at rest: sealed with AES-256-GCM under PAPERBOY_SECRET_KEY before they reach the
 * archive (not a byte of a token in the database file), never stored without the key, a plain row
 * from an older paperboy sealed on first read, a wrong key named; client_secret never in a log.
 */
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ArchiveInstallationStore } from "../../adapters/slack/installation-store.js";
import { InstallationStore } from "../../src/archive/installations.js";
import { ManualClock } from "../../src/clock.js";
import { createLogger, silentLogger } from "../../src/logger.js";
import { Paperboy } from "../../src/paperboy.js";
import { tempDb } from "../support/cli.js";
import { startServe } from "../support/serve.js";
import { FakeSlackApi } from "../support/slack-api.js";
import { type Harness, SECRET_KEY, startHarness } from "./harness.js";

const installation = (team: string, token: string) => ({
  team: { id: team, name: team },
  enterprise: undefined,
  user: { id: "U1", token: undefined, scopes: undefined },
  bot: { token, refreshToken: `xoxe-1-refresh-${team}`, scopes: ["chat:write"], id: "B1", userId: "UBOT" },
  isEnterpriseInstall: false,
  authVersion: "v2" as const,
});

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("OAuth installations at rest", () => {
  it("are sealed: the archive file holds no token, and they read back whole", async () => {
    const dbPath = tempDb();
    const engine = Paperboy.open({ dbPath, secretKey: SECRET_KEY, logger: silentLogger() });
    const store = new ArchiveInstallationStore(engine.installations);
    await store.storeInstallation(installation("T7", "xoxb-sealed-token-T7"));
    const raw = engine.db.prepare("SELECT data FROM installations").get() as { data: string };
    expect(raw.data).toMatch(/^enc:v1:/);
    expect(raw.data).not.toContain("xoxb");
    const back = await store.fetchInstallation({
      teamId: "T7",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(back.bot?.token).toBe("xoxb-sealed-token-T7");
    engine.close();
    const bytes = readFileSync(dbPath).toString("latin1");
    expect(bytes).not.toContain("xoxb-sealed-token");
    expect(bytes).not.toContain("xoxe-1-refresh");
  });

  it("are never stored without PAPERBOY_SECRET_KEY", async () => {
    const engine = Paperboy.open({ dbPath: ":memory:", logger: silentLogger() });
    const store = new ArchiveInstallationStore(engine.installations);
    await expect(store.storeInstallation(installation("T8", "xoxb-unsealed"))).rejects.toMatchObject({
      code: "E_CONFIG_INVALID",
      message: expect.stringMatching(
        /refusing to store the slack installation's tokens unencrypted: set PAPERBOY_SECRET_KEY/,
      ),
    });
    expect((engine.db.prepare("SELECT COUNT(*) AS n FROM installations").get() as { n: number }).n).toBe(0);
    engine.close();
  });

  it("a plain row from an older paperboy is read, and sealed in place; a wrong key is named", () => {
    const engine = Paperboy.open({ dbPath: ":memory:", secretKey: SECRET_KEY, logger: silentLogger() });
    engine.db
      .prepare(
        "INSERT INTO installations (platform, id, data, updated_at) VALUES ('slack', 'team:T9', ?, '2025-01-01')",
      )
      .run(JSON.stringify(installation("T9", "xoxb-legacy-T9")));
    const legacy = engine.installations.get("slack", "team:T9");
    expect((legacy?.data as { bot?: { token?: string } } | undefined)?.bot?.token).toBe("xoxb-legacy-T9");
    const row = engine.db.prepare("SELECT data, updated_at FROM installations").get() as {
      data: string;
      updated_at: string;
    };
    expect(row.data).toMatch(/^enc:v1:/);
    expect(row.updated_at).toBe("2025-01-01");
    const other = new InstallationStore(engine.db, new ManualClock(0), Buffer.alloc(32, 9));
    expect(() => other.get("slack", "team:T9")).toThrow(
      /PAPERBOY_SECRET_KEY is not the key it was stored with/,
    );
    const none = new InstallationStore(engine.db, new ManualClock(0), null);
    expect(() => none.get("slack", "team:T9")).toThrow(/is encrypted: set PAPERBOY_SECRET_KEY/);
    engine.close();
  });

  it("an install at debug log level logs neither the client secret nor a token", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const clientSecret = "cs-9f8e7d6c5b4a3210fedc";
    h = await startHarness({
      adapter: {
        botToken: undefined,
        clientId: "111.222",
        clientSecret,
        stateSecret: "state-secret-0123456789",
        logger: createLogger({ level: "debug", destination: sink }),
      },
    });
    const base = `http://127.0.0.1:${h.adapter.port}`;
    const page = await fetch(`${base}/slack/install`);
    const cookie = String(page.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const state = decodeURIComponent(/state=([^&"]+)/.exec(await page.text())?.[1] ?? "");
    h.api.script("oauth.v2.access", {
      body: {
        ok: true,
        app_id: "A1",
        authed_user: { id: "U1" },
        scope: "chat:write",
        token_type: "bot",
        access_token: "xoxb-installed-secret-T2",
        refresh_token: "xoxe-1-installed-refresh",
        bot_user_id: "UBOT2",
        team: { id: "T2", name: "Two" },
        enterprise: null,
        is_enterprise_install: false,
      },
    });
    const done = await fetch(
      `${base}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`,
      {
        headers: { cookie },
      },
    );
    expect(done.status).toBe(200);
    expect(h.engine.installations.get("slack", "team:T2")).not.toBeNull();
    const log = lines.join("");
    expect(log).toContain("oauth.v2.access");
    expect(log).not.toContain(clientSecret);
    expect(log).not.toContain("xoxb-installed-secret");
    expect(log).not.toContain("xoxe-1-installed-refresh");
  });
});

describe("serve in OAuth mode", () => {
  it("starts without a bot token and serves the install page", async () => {
    const api = new FakeSlackApi();
    await api.start();
    try {
      const s = await startServe({
        config: { slack: { enabled: true, mode: "http" }, schedule: { enabled: false } },
        env: {
          SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
          SLACK_CLIENT_ID: "111.222",
          SLACK_CLIENT_SECRET: "cs-serve",
          SLACK_STATE_SECRET: "st-serve",
          SLACK_API_URL: api.url,
          PAPERBOY_SECRET_KEY: Buffer.alloc(32, 3).toString("base64"),
        },
      });
      expect((await fetch(`${s.base}/slack/install`)).status).toBe(200);
      const health = (await (await fetch(`${s.ops}/healthz`)).json()) as {
        adapters: Record<string, { state: string }>;
      };
      expect(health.adapters.slack?.state).toBe("connected");
      s.signals.emit("SIGTERM");
      expect(await s.run).toBe(0);
    } finally {
      await api.close();
    }
  });
});
