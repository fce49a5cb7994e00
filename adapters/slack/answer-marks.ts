/**
 * Marks on the messages of an owed answer, so that a replica taking the answer over can tell
 * whether a message went out before the replica that owed it died. Every message of an owed answer
 * carries message metadata `{event_type: "paperboy_answer", event_payload: {owed, part}}` (a
 * response_url post takes the same fields as chat.postMessage); the archive records each part as
 * sending before its POST and sent after (src/archive/owed-answers.ts). A part left sending is
 * looked for with `include_all_metadata` in the channel (conversations.history) or thread
 * (conversations.replies): found, it is not posted again. A file part is looked for by its files'
 * names among the bot's own messages (a file's message takes no metadata); a `discuss` part by its card's mark, and then its
 * thread's marked pieces, so that a take-over completes the one discussion instead of opening a
 * second. The first page of "More" replaces the pressed message (replace_original), so it is
 * posted again safely. Ephemeral messages cannot be read back (nor, for a slash command, replaced
 * by any documented means): such a part is posted again (at-least-once), and the log says so.
 */
import type { webApi } from "@slack/bolt";
import { ErrorCode, PaperboyError } from "../../src/errors.js";
import type { Logger } from "../../src/logger.js";
import type { OwedAnswers } from "../platform.js";
import { HISTORY_PAGE_SIZE, MAX_HISTORY_PAGES, MAX_REQUEST_SKEW_MS } from "./limits.js";
import { describeFailure } from "./slack-errors.js";

/** The metadata event type of paperboy's owed answers (alphanumeric and underscores, as Slack asks). */
export const ANSWER_EVENT = "paperboy_answer";

export interface AnswerMetadata {
  event_type: string;
  /** `piece`: the messages a `discuss` part posts inside its thread, numbered from 1. */
  event_payload: { owed: string; part: number; piece?: number };
}

export function answerMetadata(owed: string, part: number, piece?: number): AnswerMetadata {
  return {
    event_type: ANSWER_EVENT,
    event_payload: piece === undefined ? { owed, part } : { owed, part, piece },
  };
}

/** Where a posted part would be seen again: a channel's history, or one thread's replies. */
export interface ReadBack {
  client: webApi.WebClient;
  channel: string;
  thread?: string;
}

interface HistoryMessage {
  ts?: string;
  /** Who posted it: a person's user id, or the bot user of the app that posted it. */
  user?: string;
  /** Set on a message an app posted. */
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: { owed?: unknown; part?: unknown; piece?: unknown } };
  files?: { name?: string }[];
}

/**
 * Reads the channel's history (or the thread's replies) since `since`, newest first, page by page,
 * until `visit` says stop. Throws when it cannot be read (no channels:history / groups:history, or
 * the app is not in the channel).
 */
async function scan(where: ReadBack, since: Date, visit: (m: HistoryMessage) => boolean): Promise<void> {
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
    for (const m of res.messages ?? []) if (visit(m)) return;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) break;
  }
}

/** The piece a message marks for part `part` of owed answer `owed`: 0 for the part's own message. */
function markedPiece(m: HistoryMessage, owed: string, part: number): number | null {
  const meta = m.metadata;
  if (meta?.event_type !== ANSWER_EVENT || meta.event_payload?.owed !== owed) return null;
  if (Number(meta.event_payload.part) !== part) return null;
  const piece = meta.event_payload.piece;
  return piece === undefined ? 0 : Number(piece);
}

/** The ts of part `part` of owed answer `owed` in the channel (or thread) since `since`; null if absent. */
export async function findAnswerPart(
  where: ReadBack,
  owed: string,
  part: number,
  since: Date,
): Promise<string | null> {
  let found: string | null = null;
  await scan(where, since, (m) => {
    if (markedPiece(m, owed, part) !== 0) return false;
    found = m.ts ?? "";
    return true;
  });
  return found;
}

/** Whether part `part` of owed answer `owed` is in the channel (or thread) since `since`. */
export async function answerPartPosted(
  where: ReadBack,
  owed: string,
  part: number,
  since: Date,
): Promise<boolean> {
  return (await findAnswerPart(where, owed, part, since)) !== null;
}

/** The pieces (1, 2…) of part `part` of owed answer `owed` found in the thread `where` names. */
export async function answerPiecesPosted(
  where: ReadBack & { thread: string },
  owed: string,
  part: number,
  since: Date,
): Promise<Set<number>> {
  const pieces = new Set<number>();
  await scan(where, since, (m) => {
    const piece = markedPiece(m, owed, part);
    if (piece !== null && piece > 0) pieces.add(piece);
    return false;
  });
  return pieces;
}

/** Who the bot is in the workspace of a client's token, as auth.test answers. */
interface BotIdentity {
  userId?: string;
  botId?: string;
}

/** By client (one per token): a client's token always names the same bot. */
const identities = new WeakMap<webApi.WebClient, Promise<BotIdentity>>();

/** The bot a client posts as, asked once per client (auth.test); a failed ask is asked again. */
function botIdentity(client: webApi.WebClient): Promise<BotIdentity> {
  let who = identities.get(client);
  if (!who) {
    const asked = client.auth.test().then((r) => {
      if (!r.user_id && !r.bot_id)
        throw new PaperboyError(
          ErrorCode.Platform,
          "Slack's auth.test named no bot user for this token, so the bot's own messages cannot be told apart; check that the token is a bot token (xoxb-)",
        );
      return { ...(r.user_id ? { userId: r.user_id } : {}), ...(r.bot_id ? { botId: r.bot_id } : {}) };
    });
    who = asked;
    identities.set(client, asked);
    asked.catch(() => {
      if (identities.get(client) === asked) identities.delete(client);
    });
  }
  return who;
}

/** Whether the bot posted `m`: its bot user (a file share) or its bot id (a chat.postMessage). */
function postedBy(m: HistoryMessage, bot: BotIdentity): boolean {
  return (
    (bot.userId !== undefined && m.user === bot.userId) || (bot.botId !== undefined && m.bot_id === bot.botId)
  );
}

/**
 * Whether a message the bot posted carrying exactly these files (by name) is in the channel (or
 * thread) since `since`. A file's message cannot carry metadata (files.completeUploadExternal
 * takes none), so an upload is recognised by its files' names, which the answer makes from what
 * it exports (the scope and the day): an identical export the bot shared in the same place within
 * the skew window counts as this one. That file is then the same export, in the same place, which
 * the asker can see. A person's upload of a same-named file is not the bot's answer, so only the
 * bot's own messages count (its identity asked of Slack with the client's token); throws, like a
 * history that cannot be read, when Slack cannot say who the bot is.
 */
export async function filesPosted(where: ReadBack, names: readonly string[], since: Date): Promise<boolean> {
  const bot = await botIdentity(where.client);
  const wanted = [...names].sort().join("\n");
  let found = false;
  await scan(where, since, (m) => {
    const files = m.files ?? [];
    if (files.length === 0 || !postedBy(m, bot)) return false;
    found =
      files
        .map((f) => f.name ?? "")
        .sort()
        .join("\n") === wanted;
    return found;
  });
  return found;
}

/**
 * How a take-over tells whether a part left *sending* by a dead replica is already in Slack:
 * `read` looks (the part's mark in the history, a file by name, a discussion's card), `replaces`
 * says posting it again replaces the same message (a response_url's replace_original on the
 * message whose button was pressed), `unreadable` says why it cannot be told (then it is posted
 * again: at-least-once).
 */
export type PartCheck =
  | { read: (mark: AnswerMetadata, since: Date) => Promise<boolean> }
  | { replaces: true }
  | { unreadable: string };

/** What Delivery asks before and after posting each numbered part of an owed answer. */
export interface PartLedger {
  /** The metadata the part's message carries. */
  metadata(part: number): AnswerMetadata;
  /**
   * Before posting `part`: "post" it, "skip" it (known delivered) or "stop" (another replica has
   * taken the answer over: this one posts nothing more). `check` tells whether a part the dead
   * claimant left sending is in Slack already.
   */
  before(part: number, check: PartCheck): Promise<"post" | "skip" | "stop">;
  /** The part was posted. */
  after(part: number): void;
  /**
   * Whether this replica still holds the answer, checked before each further message of a part
   * that posts several (a discussion's card, then its thread): false once another took it over.
   */
  stillOwned(part: number): boolean;
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

  async before(part: number, check: PartCheck): Promise<"post" | "skip" | "stop"> {
    const { id, logger } = this.o;
    if (part <= (this.o.sentParts ?? 0)) return "skip";
    if (part === this.sendingPart) {
      this.sendingPart = null;
      if (await this.alreadyPosted(part, check)) {
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

  stillOwned(part: number): boolean {
    // Marking the part sending again is the claim check: it holds only for the claimant.
    return this.mark(() => this.o.store.sending(this.o.id, part, this.o.by)) !== false;
  }

  /** Whether the dead claimant's last part is in Slack; false (post it) when that cannot be told. */
  private async alreadyPosted(part: number, check: PartCheck): Promise<boolean> {
    const { id, logger, since } = this.o;
    if ("replaces" in check) {
      logger.info({ id, part }, "posting an owed Slack answer's part again: it replaces the same message");
      return false;
    }
    if ("unreadable" in check) {
      logger.warn(
        { id, part, why: check.unreadable },
        "an owed Slack answer's part may have been posted before its replica died and cannot be read back; posting it again",
      );
      return false;
    }
    try {
      return await check.read(this.metadata(part), since);
    } catch (err) {
      logger.warn(
        { id, part, reason: describeFailure(err) },
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
