/**
 * Memory across days on a paper's card: where the workspace already discussed it ("discussed on
 * 2026-02-03 in #reading, 12 messages, 2 notes"), this channel's notes on it, and its place in the
 * channel's reading queue. A paper that comes back (a later digest, a new arXiv version, another
 * id for the same paper) is the same stored paper, so its history follows it.
 *
 * Other channels' discussions are linked and counted, never quoted: a note stays in its channel.
 */
import { NoteStore } from "../archive/notes.js";
import { PaperHistoryStore } from "../archive/paper-history.js";
import { QueueStore } from "../archive/reading-queue.js";
import type { Context } from "../bot/context.js";
import type { PaperMemory } from "../bot/replies.js";
import type { Paperboy } from "../paperboy.js";
import type { Paper } from "../types.js";
import { CARD_DISCUSSIONS, CARD_NOTES } from "./limits.js";
import { discussionRef, noteItem, queueItem } from "./views.js";

type Where = Pick<Context, "platform" | "workspace" | "channel" | "thread">;

/** The team's memory of `paper` as seen from `where`; undefined when there is none. */
export function paperMemory(engine: Paperboy, paper: Paper, where: Where): PaperMemory | undefined {
  const pk = engine.papers.resolve(paper.id);
  if (pk === null) return undefined;
  const mentions = (
    engine
      .store(PaperHistoryStore)
      .mentions({ platform: where.platform, workspace: where.workspace }, [pk])
      .get(pk) ?? []
  ).filter((m) => !(where.thread && m.channel === where.channel && m.thread === where.thread));
  const notes = engine
    .store(NoteStore)
    .forChannel({ platform: where.platform, channel: where.channel, paperPk: pk }, { limit: CARD_NOTES });
  const queued = engine.store(QueueStore).get(where, paper.id);
  if (mentions.length === 0 && notes.total === 0 && !queued) return undefined;
  const memory: PaperMemory = {
    discussions: mentions.slice(0, CARD_DISCUSSIONS).map((m) => discussionRef(m, where)),
    discussionsTotal: mentions.length,
    notes: notes.notes.map(noteItem),
    notesTotal: notes.total,
  };
  if (queued) memory.queue = queueItem(queued);
  return memory;
}
