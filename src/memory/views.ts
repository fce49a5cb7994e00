/** Store records → the plain-data pieces of replies (src/bot/replies.ts). */
import type { NoteRecord } from "../archive/notes.js";
import type { PaperMention } from "../archive/paper-history.js";
import type { QueueEntry } from "../archive/reading-queue.js";
import type { Action, DiscussionRef, NoteItem, QueueItem } from "../bot/replies.js";
import { displayName } from "./people.js";

export function noteItem(n: NoteRecord): NoteItem {
  const item: NoteItem = {
    n: n.id,
    paperId: n.paperId,
    paperTitle: n.paperTitle,
    author: n.author,
    text: n.text,
    date: n.createdAt.slice(0, 10),
  };
  if (n.authorName) item.authorName = n.authorName;
  return item;
}

export function discussionRef(m: PaperMention, here: { platform: string; channel: string }): DiscussionRef {
  return {
    platform: m.platform,
    workspace: m.workspace,
    channel: m.channel,
    thread: m.thread,
    date: m.since.slice(0, 10),
    messages: m.messages,
    notes: m.notes,
    here: m.platform === here.platform && m.channel === here.channel,
  };
}

/** What can be done next with a queue entry, as buttons. */
export function queueActions(e: Pick<QueueEntry, "status" | "paperId">): Action[] {
  if (e.status === "queued")
    return [
      { kind: "claim", label: "I'll read it", command: `queue claim ${e.paperId}` },
      { kind: "done", label: "Mark read", command: `queue done ${e.paperId}` },
    ];
  if (e.status === "claimed")
    return [{ kind: "done", label: "Mark read", command: `queue done ${e.paperId}` }];
  return [];
}

export function queueItem(e: QueueEntry): QueueItem {
  const item: QueueItem = {
    paperId: e.paperId,
    paperTitle: e.paperTitle,
    status: e.status,
    addedBy: displayName(e.addedBy),
    since:
      (e.status === "done" ? e.doneAt : e.status === "claimed" ? e.claimedAt : e.addedAt)?.slice(0, 10) ?? "",
    actions: queueActions(e),
  };
  const by = e.status === "done" ? e.doneBy : e.status === "claimed" ? e.claimedBy : null;
  if (by) item.by = displayName(by);
  return item;
}
