/**
 * What `paperboy doctor` says of Slack: each secret's shape, offline (a token pasted into the
 * wrong variable, a user token for a bot token, a truncated secret), and with `--verify` what
 * Slack itself says of the tokens. A value is never shown: only what it looks like.
 */
import { type Check, networkReason, type VerifyDeps } from "../platform.js";
import { resolveMode, SLACK_ENV, type SlackEnvOptions } from "./options.js";

/** What the checks read of Slack's settings (the platform's settings have more). */
type SlackSettings = SlackEnvOptions & { mode: "http" | "socket" };

interface Shape {
  /** Which setting, as the operator knows it. */
  label: string;
  env: string;
  test: RegExp;
  /** Why a value that fails `test` is wrong, by what it looks like instead. */
  wrong(value: string): string;
  fix: string;
}

const PREFIX_MEANS: [RegExp, string][] = [
  [/^xoxb-/, "a bot token (xoxb-…)"],
  [/^xoxp-/, "a user token (xoxp-…)"],
  [/^xapp-/, "an app-level token (xapp-…)"],
  [/^xox[a-z]-/, "another kind of Slack token"],
];

function looksLike(value: string, fallback: string): string {
  return PREFIX_MEANS.find(([re]) => re.test(value))?.[1] ?? fallback;
}

const SHAPES: Record<
  "botToken" | "appToken" | "signingSecret" | "clientId" | "clientSecret" | "stateSecret",
  Shape
> = {
  botToken: {
    label: "bot token",
    env: SLACK_ENV.botToken,
    // xoxe.xoxb-…: a bot token with token rotation on.
    test: /^(?:xoxe\.)?xoxb-[A-Za-z0-9-]{8,}$/,
    wrong: (v) => `is ${looksLike(v, "not a Slack token")}, not a bot token (xoxb-…)`,
    fix: "copy the Bot User OAuth Token (OAuth & Permissions, starts with xoxb-) into SLACK_BOT_TOKEN",
  },
  appToken: {
    label: "app-level token",
    env: SLACK_ENV.appToken,
    test: /^xapp-[A-Za-z0-9-]{8,}$/,
    wrong: (v) => `is ${looksLike(v, "not a Slack token")}, not an app-level token (xapp-…)`,
    fix: "create an app-level token with connections:write (Basic Information → App-Level Tokens, starts with xapp-) and put it in SLACK_APP_TOKEN",
  },
  signingSecret: {
    label: "signing secret",
    env: SLACK_ENV.signingSecret,
    test: /^[0-9a-f]{32,64}$/i,
    wrong: (v) =>
      /^xox|^xapp/.test(v)
        ? `is ${looksLike(v, "a token")}, not the signing secret`
        : `is ${v.length} characters, not the 32 hexadecimal digits of a signing secret`,
    fix: "copy the Signing Secret (Basic Information → App Credentials) into SLACK_SIGNING_SECRET",
  },
  clientId: {
    label: "client id",
    env: SLACK_ENV.clientId,
    test: /^\d+\.\d+$/,
    wrong: () => "is not a Slack client id (digits, a dot, digits)",
    fix: "copy the Client ID (Basic Information → App Credentials) into SLACK_CLIENT_ID",
  },
  clientSecret: {
    label: "client secret",
    env: SLACK_ENV.clientSecret,
    test: /^[0-9a-f]{32,64}$/i,
    wrong: (v) => `is ${v.length} characters, not the 32 hexadecimal digits of a client secret`,
    fix: "copy the Client Secret (Basic Information → App Credentials) into SLACK_CLIENT_SECRET",
  },
  stateSecret: {
    label: "state secret",
    env: SLACK_ENV.stateSecret,
    // paperboy signs the OAuth state with it: a short one can be guessed.
    test: /^.{16,}$/,
    wrong: (v) => `is ${v.length} characters; a state secret needs at least 16`,
    fix: "set SLACK_STATE_SECRET to a long random string, e.g. the output of `openssl rand -hex 32`",
  },
};

const NOT_VERIFIED = "not verified (`paperboy doctor --verify` asks Slack)";

/**
 * One check per secret the settings hold: its shape, never its value. Without `verifying`, each
 * says it was not verified (only the platform can say a token is good).
 */
export function slackShapeChecks(settings: SlackSettings, verifying = false): Check[] {
  const name = `slack (${settings.mode})`;
  const checks: Check[] = [];
  for (const [key, shape] of Object.entries(SHAPES) as [keyof typeof SHAPES, Shape][]) {
    const value = settings[key];
    if (!value) continue;
    checks.push(
      shape.test.test(value)
        ? {
            name,
            ok: true,
            detail: `${shape.label} (${shape.env}): present, well-formed${verifying ? "" : `; ${NOT_VERIFIED}`}`,
          }
        : { name, ok: false, detail: `${shape.label} (${shape.env}) ${shape.wrong(value)}`, fix: shape.fix },
    );
  }
  if (resolveMode(settings).auth === "oauth")
    checks.push({ name, ok: true, detail: "OAuth installs: each workspace's token comes from its install" });
  return checks;
}

/** Calls one Web API method with a token; Slack's `{ok, error, …}`, or why it could not ask. */
async function call(
  apiUrl: string,
  method: string,
  token: string,
  net: VerifyDeps,
): Promise<{ ok: boolean; error?: string; [key: string]: unknown } | { unreachable: string }> {
  let res: Response;
  try {
    res = await net.fetch(new URL(method, apiUrl), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
      signal: AbortSignal.timeout(net.timeoutMs),
    });
  } catch (err) {
    return { unreachable: networkReason(err, net.timeoutMs) };
  }
  if (res.status === 429) return { unreachable: "Slack answered 429 (rate limited); try again in a minute" };
  let body: { ok?: unknown; error?: unknown };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return {
      unreachable: `the answer (HTTP ${res.status}) is not Slack's JSON; is SLACK_API_URL the Web API base?`,
    };
  }
  return { ...body, ok: body.ok === true, error: typeof body.error === "string" ? body.error : undefined };
}

/** `doctor --verify`: what Slack says of the bot token (auth.test) and the app token. */
export async function verifySlack(settings: SlackSettings, net: VerifyDeps): Promise<Check[]> {
  const name = `slack (${settings.mode})`;
  const { apiUrl } = resolveMode(settings);
  const checks: Check[] = [];
  if (settings.botToken) {
    const r = await call(apiUrl, "auth.test", settings.botToken, net);
    checks.push(
      "unreachable" in r
        ? {
            name,
            ok: false,
            detail: `bot token not verified: could not ask Slack at ${apiUrl} (${r.unreachable})`,
            fix: "check the network (and SLACK_API_URL, if set), then run `paperboy doctor --verify` again",
          }
        : r.ok
          ? {
              name,
              ok: true,
              detail: `bot token verified: Slack knows it as ${String(r.user ?? "the bot")} in ${String(r.team ?? r.team_id ?? "its workspace")}`,
            }
          : {
              name,
              ok: false,
              detail: `bot token rejected: Slack answered ${r.error ?? "not ok"}`,
              fix: "copy the Bot User OAuth Token again (OAuth & Permissions), or reinstall the app to the workspace",
            },
    );
  }
  if (settings.appToken && settings.mode === "socket") {
    // Opening a Socket Mode URL is the one call that takes an app-level token; nothing connects to it.
    const r = await call(apiUrl, "apps.connections.open", settings.appToken, net);
    checks.push(
      "unreachable" in r
        ? {
            name,
            ok: false,
            detail: `app-level token not verified: could not ask Slack at ${apiUrl} (${r.unreachable})`,
            fix: "check the network (and SLACK_API_URL, if set), then run `paperboy doctor --verify` again",
          }
        : r.ok
          ? { name, ok: true, detail: "app-level token verified: Slack opens Socket Mode with it" }
          : {
              name,
              ok: false,
              detail: `app-level token rejected: Slack answered ${r.error ?? "not ok"}`,
              fix: SHAPES.appToken.fix,
            },
    );
  }
  if (settings.signingSecret && settings.mode === "http")
    checks.push({
      name,
      ok: true,
      detail:
        "signing secret: only Slack's own requests can verify it; a wrong one shows as refused requests (401) in the log",
    });
  return checks;
}
