import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArchiveInstallationStore } from "../../adapters/slack/installation-store.js";
import { ErrorCode, PaperboyError } from "../../src/errors.js";
import { SlackMessageSchema } from "../support/slack-blockkit.js";
import { eventCallback, sendToSlackApp } from "../support/slack-signing.js";
import { type Harness, SECRET, startHarness } from "./harness.js";

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: any; text: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (c) => {
        text += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    })
      .on("error", reject)
      .end();
  });
}

const oauthAccess = (team: string, token: string, extra: Record<string, unknown> = {}) => ({
  body: {
    ok: true,
    app_id: "A1",
    authed_user: { id: "U1" },
    scope: "app_mentions:read,channels:history,chat:write,chat:write.public,commands,groups:history",
    token_type: "bot",
    access_token: token,
    bot_user_id: "UBOT2",
    team: { id: team, name: `Team ${team}` },
    enterprise: null,
    is_enterprise_install: false,
    ...extra,
  },
});

describe("Slack OAuth installs (several workspaces, installations in the archive)", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness({
      adapter: {
        botToken: undefined,
        clientId: "111.222",
        clientSecret: "client-secret",
        stateSecret: "state-secret",
      },
    });
    base = `http://127.0.0.1:${h.adapter.port}`;
  });
  afterAll(async () => {
    await h.close();
  });

  it("installs a workspace through /slack/install and answers its events with the installed token", async () => {
    expect(h.adapter.mode.auth).toBe("oauth");
    expect(h.adapter.status().state).toBe("connected");
    const page = await get(`${base}/slack/install`);
    expect(page.status).toBe(200);
    const cookie = String(page.headers["set-cookie"]?.[0] ?? "").split(";")[0] as string;
    const state = decodeURIComponent(/state=([^&"]+)/.exec(page.text)?.[1] ?? "");
    expect(state).not.toBe("");
    h.api.script("oauth.v2.access", oauthAccess("T2", "xoxb-installed-T2"));
    const done = await get(`${base}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
      cookie,
    });
    expect(done.status).toBe(200);
    expect(h.api.of("oauth.v2.access")[0]?.body.code).toBe("the-code");
    const stored = h.engine.installations.get("slack", "team:T2");
    expect((stored!.data as any).bot.token).toBe("xoxb-installed-T2");

    const mention = eventCallback(
      { type: "app_mention", user: "U1", text: "<@UBOT2> help", ts: "1700000300.0001", channel: "C-T2" },
      { team: "T2" },
    );
    expect((await sendToSlackApp(h.url, mention, { secret: SECRET })).status).toBe(200);
    const answer = await h.api.waitFor((c) => c.body.channel === "C-T2", "the answer in T2");
    expect(answer.token).toBe("xoxb-installed-T2");
    expect(SlackMessageSchema.safeParse(answer.body).success).toBe(true);
  });

  it("refreshes a rotating token that is about to expire, stores it, and posts with it", async () => {
    const soon = Math.floor(Date.now() / 1000) + 60;
    await new ArchiveInstallationStore(h.engine.installations).storeInstallation({
      team: { id: "T3", name: "Three" },
      enterprise: undefined,
      user: { id: "U1", token: undefined, scopes: undefined },
      bot: {
        token: "xoxe.xoxb-old",
        refreshToken: "xoxe-1-old",
        expiresAt: soon,
        scopes: ["chat:write"],
        id: "B3",
        userId: "UBOT3",
      },
      isEnterpriseInstall: false,
      authVersion: "v2",
    });
    h.api.script(
      "oauth.v2.access",
      oauthAccess("T3", "xoxe.xoxb-new", { refresh_token: "xoxe-1-new", expires_in: 43200 }),
    );
    const ids = await h.adapter.post({ platform: "slack", workspace: "T3", channel: "C-T3" }, [
      { kind: "notice", level: "info", text: "hello" },
    ]);
    expect(ids).toHaveLength(1);
    const refresh = h.api.of("oauth.v2.access").find((c) => c.body.grant_type === "refresh_token");
    expect(refresh?.body.refresh_token).toBe("xoxe-1-old");
    expect(h.api.calls.find((c) => c.body.channel === "C-T3")?.token).toBe("xoxe.xoxb-new");
    expect((h.engine.installations.get("slack", "team:T3")!.data as any).bot.refreshToken).toBe("xoxe-1-new");
  });

  it("refuses to post into a workspace it is not installed in, with a typed error", async () => {
    const attempt = h.adapter.post({ platform: "slack", workspace: "T404", channel: "C1" }, [
      { kind: "notice", level: "info", text: "hello" },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(PaperboyError);
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.Platform, message: /not installed.*T404/ });
  });

  it("deletes an installation (uninstall) from the archive", async () => {
    const store = new ArchiveInstallationStore(h.engine.installations);
    await store.deleteInstallation({ teamId: "T2", enterpriseId: undefined, isEnterpriseInstall: false });
    expect(h.engine.installations.get("slack", "team:T2")).toBeNull();
    await expect(
      store.fetchInstallation({ teamId: "T2", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toMatchObject({ code: ErrorCode.Platform });
  });
});
