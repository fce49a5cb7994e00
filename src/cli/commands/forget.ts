/**
 * `paperboy forget --channel <id> [--yes]`: deletes everything kept about one channel (notes,
 * reading queue, reactions, discussion threads and their messages, roundup deliveries, watches and their
 * alerts, weekly digests, settings), for a team
 * that leaves. Without --yes it only says what it would delete.
 */
import { type ChannelCounts, ChannelDataStore } from "../../archive/channel-data.js";
import { UsageError } from "../../errors.js";
import type { Command } from "../command.js";

const LABELS: Record<keyof ChannelCounts, string> = {
  notes: "notes",
  reading_queue: "reading-queue entries",
  paper_reactions: "reactions on papers",
  paper_messages: "paper messages remembered for reactions",
  thread_messages: "discussion messages",
  threads: "discussion threads",
  deliveries: "roundup deliveries",
  alerted_papers: "alerted papers",
  watches: "watches",
  scheduled_posts: "alert, weekly and quiet-day posts",
  channel_digests: "weekly and quiet-day settings",
  channels: "channel settings",
};

function describe(counts: ChannelCounts): string {
  return (Object.keys(LABELS) as (keyof ChannelCounts)[]).map((k) => `${counts[k]} ${LABELS[k]}`).join(", ");
}

export const forget: Command = {
  name: "forget",
  summary: "delete everything paperboy keeps about one channel (for a team that leaves)",
  usage: "forget --channel <id|platform:id> [--yes]",
  options: { channel: { type: "string" }, yes: { type: "boolean", default: false } },
  args: { min: 0, max: 0 },
  run(ctx, _args, values) {
    const spec = values.channel as string | undefined;
    if (!spec?.trim()) throw new UsageError("forget needs --channel <id> (or --channel platform:id)");
    const store = ctx.engine().store(ChannelDataStore);
    const key = store.resolve(spec);
    if (values.yes !== true) {
      const counts = store.count(key);
      if (ctx.json) ctx.printJson({ ...key, deleted: false, would_delete: counts });
      else
        ctx.print(
          `would delete, for channel ${key.channel} on ${key.platform}: ${describe(counts)}. Nothing was deleted; run again with --yes to delete it.`,
        );
      return 0;
    }
    const counts = store.forget(key);
    if (ctx.json) ctx.printJson({ ...key, deleted: true, counts });
    else ctx.print(`deleted, for channel ${key.channel} on ${key.platform}: ${describe(counts)}.`);
    return 0;
  },
};
