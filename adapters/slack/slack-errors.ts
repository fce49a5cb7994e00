/** What a failed Slack call means for paperboy: which errors end the session, which the user can fix. */

/** Token problems: the adapter is not working until someone fixes the token or reinstalls. */
export const AUTH_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "no_permission",
  "missing_scope",
]);

/** The `error` string of a Slack Web API answer (`{ok:false, error}`), if the failure was one. */
export function slackErrorCode(err: unknown): string | null {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : null;
}

/**
 * True when Slack could not be reached or did not answer (a network error, a timeout, a 5xx): the
 * token may be fine, so the adapter tries again rather than report it rejected.
 */
export function isUnreachable(err: unknown): boolean {
  const e = err as { code?: unknown; statusCode?: unknown } | null;
  if (e?.code === "slack_webapi_request_error") return true;
  return e?.code === "slack_webapi_http_error" && typeof e.statusCode === "number" && e.statusCode >= 500;
}

/** A short, secret-free description for logs and /healthz. */
export function describeFailure(err: unknown): string {
  const code = slackErrorCode(err);
  if (code) return `Slack answered ${code}`;
  const e = err as {
    code?: unknown;
    statusCode?: unknown;
    original?: { code?: string; message?: string; cause?: { code?: string; message?: string } };
  } | null;
  // The network's own reason (ECONNREFUSED, ETIMEDOUT…), not the client's "fetch failed".
  if (e?.code === "slack_webapi_request_error") {
    const o = e.original;
    return `network error: ${o?.cause?.code ?? o?.code ?? o?.cause?.message ?? o?.message ?? "no answer"}`;
  }
  if (e?.code === "slack_webapi_http_error") return `Slack answered HTTP ${String(e.statusCode)}`;
  if (err instanceof Error) return err.message.replace(/\bx(?:ox[abprse]|app)-[A-Za-z0-9-]+/g, "[redacted]");
  return String(err);
}

/** A sentence for the user when their request could not be posted where they asked. */
export function userHint(code: string | null): string | null {
  switch (code) {
    case "not_in_channel":
    case "channel_not_found":
      return "I can't post in this channel. Invite me with `/invite @paperboy` and try again.";
    case "is_archived":
      return "This channel is archived, so I can't post in it.";
    case "restricted_action":
    case "restricted_action_read_only_channel":
      return "This channel doesn't allow me to post here.";
    default:
      return null;
  }
}
