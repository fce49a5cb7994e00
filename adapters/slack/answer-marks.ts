/**
 * Marks on the messages of an owed answer, so that a replica taking the answer over can tell
 * whether a message went out before the replica that owed it died. Every message of an owed answer
 * carries message metadata `{event_type: "paperboy_answer", event_payload: {owed, part}}` (a
 * response_url post takes the same fields as chat.postMessage); the archive records each part as
 * sending before its POST and sent after (src/archive/owed-answers.ts). A part left sending is
 * looked for in the channel (conversations.history) or thread (conversations.replies) with
 * `include_all_metadata`: found, it is not posted again. Ephemeral messages cannot be read back:
 * such a part is posted again (at-least-once), and the log says so.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import type { OwedAnswers } from "../platform.js";
import { HISTORY_PAGE_SIZE, MAX_HISTORY_PAGES, MAX_REQUEST_SKEW_MS } from "./limits.js";
import { describeFailure } from "./slack-errors.js";

/** The metadata event type of paperboy's owed answers (alphanumeric and underscores, as Slack asks). */
export const ANSWER_EVENT = "paperboy_answer";

export interface AnswerMetadata {
  event_type: string;
  event_payload: { owed: string; part: number };
}

export function answerMetadata(owed: string, part: number): AnswerMetadata {
  return { event_type: ANSWER_EVENT, event_payload: { owed, part } };
}

/** Where a posted part would be seen again: a channel's history, or one thread's replies. */
export interface ReadBack {
  client: webApi.WebClient;
  channel: string;
  thread?: string;
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { owed?: unknown; part?: unknown } };
}

/**
 * Whether part `part` of owed answer `owed` is in the channel (or thread) since `since`. Throws
 * when the history cannot be read (no channels:history / groups:history, not in the channel).
 */
export async function answerPartPosted(
  where: ReadBack,
  owed: string,
  part: number,
  since: Date,
): Promise<boolean> {
  // Slack stamps messages with its own clock: look from a little earlier than the request.
  const oldest = ((since.getTime() - MAX_REQUEST_SKEW_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const args = {
      channel: where.channel,
      oldest,
      limit: HISTORY_PAGE_SIZE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    };
    const res = (await (where.thread
      ? where.client.conversations.replies({ ...args, ts: where.thread })
      : where.client.conversations.history(args))) as {
      messages?: HistoryMessage[];
      has_more?: boolean;
      response_metadata?: { next_cursor?: string };
    };
    for (const m of res.messages ?? []) {
      const meta = m.metadata;
      if (
        meta?.event_type === ANSWER_EVENT &&
        meta.event_payload?.owed === owed &&
        Number(meta.event_payload.part) === part
      )
        return true;
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) break;
  }
  return false;
}

/** What Delivery asks before and after posting each numbered part of an owed answer. */
export interface PartLedger {
  /** The metadata the part's message carries. */
  metadata(part: number): AnswerMetadata;
  /**
   * Before posting `part`: "post" it, "skip" it (known delivered) or "stop" (another replica has
   * taken the answer over: this one posts nothing more). `where` is null when the part could not
   * be read back (an ephemeral message, a file, a replaced message).
   */
  before(part: number, where: ReadBack | null): Promise<"post" | "skip" | "stop">;
  /** The part was posted. */
  after(part: number): void;
}

/** The progress of one owed answer, kept in the archive through the injected store. */
export class OwedParts implements PartLedger {
  private sendingPart: number | null;

  constructor(
    private readonly o: {
      store: OwedAnswers;
      id: string;
      by: string;
      /** When the request was made: a posted part is no older. */
      since: Date;
      logger: Logger;
      /** How far an earlier claimant got (a take-over); nothing for a first run. */
      sentParts?: number;
      sendingPart?: number | null;
    },
  ) {
    this.sendingPart = o.sendingPart ?? null;
  }

  metadata(part: number): AnswerMetadata {
    return answerMetadata(this.o.id, part);
  }

  async before(part: number, where: ReadBack | null): Promise<"post" | "skip" | "stop"> {
    const { id, logger } = this.o;
    if (part <= (this.o.sentParts ?? 0)) return "skip";
    if (part === this.sendingPart) {
      this.sendingPart = null;
      if (await this.alreadyPosted(part, where)) {
        this.mark(() => this.o.store.sent(id, part, this.o.by));
        logger.info({ id, part }, "a part of an owed Slack answer was already posted; not posting it again");
        return "skip";
      }
    }
    // Archive trouble must not cost the answer: post it unmarked (at worst twice after a crash).
    const held = this.mark(() => this.o.store.sending(id, part, this.o.by));
    if (held === false) {
      logger.warn({ id, part }, "another replica took this Slack answer over; this one stops posting it");
      return "stop";
    }
    return "post";
  }

  after(part: number): void {
    this.mark(() => this.o.store.sent(this.o.id, part, this.o.by));
  }

  /** Whether the dead claimant's last part is in Slack; false (post it) when that cannot be told. */
  private async alreadyPosted(part: number, where: ReadBack | null): Promise<boolean> {
    const { id, logger, since } = this.o;
    if (!where) {
      logger.warn(
        { id, part },
        "an owed Slack answer's part may have been posted before its replica died and cannot be read back (ephemeral, a file or a replaced message); posting it again",
      );
      return false;
    }
    try {
      return await answerPartPosted(where, id, part, since);
    } catch (err) {
      logger.warn(
        { id, part, channel: where.channel, reason: describeFailure(err) },
        "could not read the channel back to look for an owed answer's part (the app needs channels:history and groups:history, and to be in the channel); posting it again",
      );
      return false;
    }
  }

  private mark(write: () => boolean): boolean | null {
    try {
      return write();
    } catch (err) {
      this.o.logger.warn(
        { id: this.o.id, reason: (err as Error).message },
        "could not record an owed answer's progress in the archive",
      );
      return null;
    }
  }
}
