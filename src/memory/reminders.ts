/**
 * The reading queue's reminder: some days after someone said "I'll read it" and has not marked
 * the paper read, the scheduler tells them once in the channel. Each reminder is claimed in the
 * database before it is posted (QueueStore.markReminded), so of two schedulers only one posts it;
 * a post that fails gives the claim back for the next tick.
 */
import type { QueueEntry } from "../archive/reading-queue.js";
import { QueueStore } from "../archive/reading-queue.js";
import type { Adapter } from "../bot/adapter.js";
import { paperLite } from "../bot/cards.js";
import type { ReminderReply } from "../bot/replies.js";
import type { Logger } from "../logger.js";
import type { Paperboy } from "../paperboy.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders sent per tick at most: a backlog drains over a few minutes instead of in one burst. */
const PER_TICK = 50;

export interface ReminderEvent {
  platform: string;
  channel: string;
  paperId: string;
  user: string;
  error?: string;
}

export function reminderReply(engine: Paperboy, entry: QueueEntry, now: Date): ReminderReply | null {
  const paper = engine.papersAt([entry.paperPk])[0];
  if (!paper || !entry.claimedBy || !entry.claimedAt) return null;
  const reply: ReminderReply = {
    kind: "reminder",
    user: entry.claimedBy.id,
    paper: paperLite(engine, paper),
    claimedOn: entry.claimedAt.slice(0, 10),
    days: Math.floor((now.getTime() - Date.parse(entry.claimedAt)) / DAY_MS),
  };
  if (entry.claimedBy.name) reply.userName = entry.claimedBy.name;
  return reply;
}

/** Posts the reminders due at `now` through the adapters this process runs. Never throws. */
export async function sendReminders(
  engine: Paperboy,
  adapters: ReadonlyMap<string, Adapter>,
  now: Date,
  afterDays: number,
  logger: Logger,
): Promise<{ sent: ReminderEvent[]; failed: ReminderEvent[] }> {
  const sent: ReminderEvent[] = [];
  const failed: ReminderEvent[] = [];
  if (afterDays <= 0 || adapters.size === 0) return { sent, failed };
  const store = engine.store(QueueStore);
  const due = store.dueReminders(
    new Date(now.getTime() - afterDays * DAY_MS),
    [...adapters.keys()],
    PER_TICK,
  );
  for (const entry of due) {
    const adapter = adapters.get(entry.platform);
    const reply = reminderReply(engine, entry, now);
    if (!adapter || !reply || !store.markReminded(entry, now)) continue; // another process has it
    const event: ReminderEvent = {
      platform: entry.platform,
      channel: entry.channel,
      paperId: entry.paperId,
      user: entry.claimedBy?.id ?? "",
    };
    try {
      // One reminder per claim of the paper: its key is the same when a failed one is tried again.
      const key = `reminder:${entry.platform}:${entry.channel}:${entry.paperId}:${entry.claimedAt}`;
      await adapter.post(
        { platform: entry.platform, workspace: entry.workspace, channel: entry.channel, key },
        [reply],
      );
      logger.info({ ...event }, "queue reminder posted");
      sent.push(event);
    } catch (err) {
      store.unmarkReminded(entry, now);
      const error = err instanceof Error ? err.message : String(err);
      logger.warn({ ...event, error }, "queue reminder not posted; will try again");
      failed.push({ ...event, error });
    }
  }
  return { sent, failed };
}
