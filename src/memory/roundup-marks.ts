/**
 * "Already discussed here": a roundup marks each paper its channel talked about before (a
 * discussion thread or notes) and links that discussion. One query for the whole day.
 */
import { PaperHistoryStore } from "../archive/paper-history.js";
import type { RoundupReply } from "../bot/replies.js";
import type { Paperboy } from "../paperboy.js";
import { discussionRef } from "./views.js";

export function markDiscussed(
  engine: Paperboy,
  reply: RoundupReply,
  where: { platform: string; channel: string },
): RoundupReply {
  const papers = reply.topics.flatMap((t) => t.papers);
  if (papers.length === 0) return reply;
  const pkOf = new Map<string, number>();
  for (const p of papers) {
    // The roundup job wrote each paper's key: 500 lines cost no lookups (one per line otherwise).
    const pk = p.pk ?? engine.papers.resolve(p.id);
    if (pk !== null) pkOf.set(p.id, pk);
  }
  const history = engine
    .store(PaperHistoryStore)
    .mentions({ platform: where.platform, channel: where.channel }, [...new Set(pkOf.values())]);
  if (history.size === 0) return reply;
  for (const p of papers) {
    const pk = pkOf.get(p.id);
    // The newest discussion is the one worth linking; threads before loose notes.
    const list = pk === undefined ? undefined : history.get(pk);
    const best = list?.find((m) => m.thread !== null) ?? list?.[0];
    if (best) p.discussed = discussionRef(best, where);
  }
  return reply;
}
