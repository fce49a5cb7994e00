/**
 * Posting a message at most once when the platform's answer may be lost, whatever the platform: a
 * post whose outcome is unknown (the request went out, no answer came back) is looked for on the
 * platform by its mark before it is posted again. Slack (adapters/slack/post-once.ts) and Discord's
 * interaction follow-ups (adapters/discord/follow-up-once.ts) tell their own failures apart and
 * read their own history; the rule of what to do with what was found is this one.
 */
import { ErrorCode, PaperboyError } from "../src/errors.js";
import type { Logger } from "../src/logger.js";

/**
 * Network failures raised before a request left this machine (its connection never opened): the
 * platform cannot have seen it, so sending it again is safe.
 */
export const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** How one platform's client fails. */
export interface PostFailures {
  /** "Slack", "Discord": for the log and the asker. */
  platform: string;
  /** True when the platform may have stored the post although the call failed. */
  outcomeUnknown(err: unknown): boolean;
  /** A short, secret-free reason for the log. */
  describe(err: unknown): string;
  /** What the app needs to read its posts back (logged when reading failed). */
  readNeeds: string;
}

/** Posts of one message at most: the first, and re-posts after the platform was read back without it. */
export const MAX_POST_ATTEMPTS = 3;

export interface PostOnce<T> {
  /** What is posted, for the log (channel, part…). */
  what: Record<string, unknown>;
  post(): Promise<T>;
  /**
   * Looks for the post on the platform by its mark: what was found, or null when it is not there;
   * throws when it cannot be read (no history permission, not in the channel). Null: no mark.
   */
  find: (() => Promise<T | null>) | null;
  /**
   * When it cannot be told whether the platform has it: "repost" once (an answer someone waits
   * for: a second copy is the lesser evil), "skip" it as posted (a roundup part: one part possibly
   * missing, and logged, beats the whole roundup again) or "give-up" and throw (a file, a thread
   * card: the asker is told to look).
   */
  unknown: "repost" | "skip" | "give-up";
  logger: Logger;
}

/**
 * Posts once: a certain failure is thrown as it is; after an unknown outcome the post is looked
 * for and, found, returned as posted; not found, posted again; unknowable, per `unknown` (null
 * when skipped).
 */
export async function postOnceOn<T>(on: PostFailures, o: PostOnce<T>): Promise<T | null> {
  const p = on.platform;
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.post();
    } catch (err) {
      if (!on.outcomeUnknown(err)) throw err;
      const reason = on.describe(err);
      let found: T | null | undefined;
      try {
        found = o.find ? await o.find() : undefined;
      } catch (readErr) {
        o.logger.warn(
          { ...o.what, reason: on.describe(readErr) },
          `could not read ${p} back to see whether a post got through (${on.readNeeds})`,
        );
      }
      if (found) {
        o.logger.info({ ...o.what, reason }, `${p} did not answer a post but has it; not posting it again`);
        return found;
      }
      if (found === null && attempt < MAX_POST_ATTEMPTS) {
        o.logger.info(
          { ...o.what, reason, attempt },
          `${p} did not answer a post and does not have it; posting it again`,
        );
        continue;
      }
      if (found === undefined && o.unknown === "repost" && attempt === 1) {
        o.logger.warn(
          { ...o.what, reason },
          `${p} did not answer a post and it cannot be read back; posting it once more (it may appear twice)`,
        );
        continue;
      }
      if (found === undefined && o.unknown === "skip") {
        o.logger.warn(
          { ...o.what, reason },
          `${p} did not answer a post and it cannot be read back; not posting it again (it may be missing)`,
        );
        return null;
      }
      o.logger.warn({ ...o.what, reason, attempt }, `${p} did not answer a post; not posting it again`);
      throw new PaperboyError(
        ErrorCode.Platform,
        `${p} did not confirm a post (${reason}); it may or may not have reached the channel, so it was not sent again. Check the channel before asking again.`,
        {
          key: typeof o.what.channel === "string" ? `${p.toLowerCase()}.${o.what.channel}` : p.toLowerCase(),
        },
        { cause: err },
      );
    }
  }
}
