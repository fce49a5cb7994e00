/**
 * What `paperboy doctor` says of Discord: the bot token's shape, offline (the id its first part
 * encodes, a pasted "Bot " prefix, a client secret in its place), and with `--verify` what Discord
 * says of it. The token is never shown.
 */
import { type Check, networkReason, type VerifyDeps } from "../platform.js";
import { DEFAULT_API_URL, isSnowflake } from "./options.js";

/** What the checks read of Discord's settings. */
interface DiscordSecrets {
  token?: string;
  applicationId?: string;
  apiUrl?: string;
}

/** A bot token: the bot's user id in base64url, a timestamp part, and an HMAC part. */
const TOKEN = /^([A-Za-z0-9_-]{17,})\.([A-Za-z0-9_-]{5,})\.([A-Za-z0-9_-]{20,})$/;

const TOKEN_FIX =
  "copy the bot token from the Developer Portal (Bot → Reset Token) into DISCORD_TOKEN: the token alone, no quotes and no 'Bot ' in front";

/** Why a DISCORD_TOKEN is not a bot token's shape; null when it is. */
function tokenProblem(token: string): string | null {
  if (/^bot\s/i.test(token))
    return "starts with 'Bot ': that word is added by paperboy, not part of the token";
  if (/^["']|["']$/.test(token)) return "is quoted: the quotes became part of the value";
  const m = TOKEN.exec(token);
  if (!m) {
    // The OAuth2 client secret (32 characters, no dots) is the usual mix-up.
    return token.includes(".")
      ? "is not three dot-separated parts like a bot token"
      : `is ${token.length} characters with no dots: a client secret or a public key, not the bot token`;
  }
  const id = Buffer.from(m[1] as string, "base64url").toString("utf8");
  return isSnowflake(id) ? null : "does not start with a bot's id (its first part decodes to no Discord id)";
}

/** The token's shape; "not verified" unless `verifying`. */
export function discordShapeChecks(settings: DiscordSecrets, verifying = false): Check[] {
  if (!settings.token) return [];
  const problem = tokenProblem(settings.token);
  return [
    problem
      ? { name: "discord", ok: false, detail: `bot token (DISCORD_TOKEN) ${problem}`, fix: TOKEN_FIX }
      : {
          name: "discord",
          ok: true,
          detail: `bot token (DISCORD_TOKEN): present, well-formed${verifying ? "" : "; not verified (`paperboy doctor --verify` asks Discord)"}`,
        },
  ];
}

/** The application in a 200 answer; null for anything else. */
async function application(res: Response): Promise<{ id: string; name?: unknown } | null> {
  if (!res.ok) return null;
  try {
    const body = (await res.json()) as { id?: unknown; name?: unknown } | null;
    return body && typeof body.id === "string" ? { id: body.id, name: body.name } : null;
  } catch {
    return null;
  }
}

/** `doctor --verify`: Discord's answer to the token (GET /applications/@me), and whose app it is. */
export async function verifyDiscord(settings: DiscordSecrets, net: VerifyDeps): Promise<Check[]> {
  if (!settings.token) return [];
  const base = (settings.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
  let res: Response;
  try {
    res = await net.fetch(`${base}/v10/applications/@me`, {
      headers: { authorization: `Bot ${settings.token}` },
      signal: AbortSignal.timeout(net.timeoutMs),
    });
  } catch (err) {
    return [
      {
        name: "discord",
        ok: false,
        detail: `bot token not verified: could not ask Discord at ${base} (${networkReason(err, net.timeoutMs)})`,
        fix: "check the network (and DISCORD_API_URL, if set), then run `paperboy doctor --verify` again",
      },
    ];
  }
  if (res.status === 401)
    return [
      { name: "discord", ok: false, detail: "bot token rejected: Discord answered 401", fix: TOKEN_FIX },
    ];
  const app = await application(res);
  if (!app)
    return [
      {
        name: "discord",
        ok: false,
        detail: `bot token not verified: Discord answered HTTP ${res.status}`,
        fix: "try again later; check DISCORD_API_URL if set",
      },
    ];
  if (settings.applicationId && app.id !== settings.applicationId)
    return [
      {
        name: "discord",
        ok: false,
        detail: `the token belongs to application ${app.id}, but DISCORD_APPLICATION_ID is ${settings.applicationId}`,
        fix: "set DISCORD_APPLICATION_ID to the Application ID of the bot's own application (General Information)",
      },
    ];
  return [
    {
      name: "discord",
      ok: true,
      detail: `bot token verified: Discord knows it as the bot of ${typeof app.name === "string" ? `"${app.name}"` : "the application"} (${app.id})`,
    },
  ];
}
