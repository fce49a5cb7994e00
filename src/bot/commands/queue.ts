/**
 * The channel's reading queue: `queue` (what is queued, claimed by whom, read), `queue add <id>`,
 * `queue claim <id>` ("I'll read it"), `queue done <id> [note]` (the note is saved as a note),
 * `queue drop <id>`. Inside a discussion thread the id may be left out.
 */
import { z } from "zod";
import { QueueStore } from "../../archive/reading-queue.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import { QUEUE_DONE_SHOWN, QUEUE_OPEN_SHOWN } from "../../memory/limits.js";
import { displayName, personOf } from "../../memory/people.js";
import { queueItem } from "../../memory/views.js";
import { displayText } from "../../summary/latex.js";
import { chatCommand } from "../command.js";
import { announce, notice, type QueueReply } from "../replies.js";
import { paperOrThread } from "./args.js";

const ACTIONS = ["list", "add", "claim", "done", "drop"] as const;
/** Other words people type for the same actions. */
const SYNONYMS: Record<string, (typeof ACTIONS)[number]> = {
  show: "list",
  take: "claim",
  mine: "claim",
  read: "done",
  finished: "done",
  remove: "drop",
  rm: "drop",
  delete: "drop",
};

function parse(rest: string): Record<string, unknown> {
  const m = /^(\S+)?\s*(\S+)?\s*([\s\S]*)$/.exec(rest.trim());
  const word = m?.[1]?.toLowerCase();
  if (!word) return { action: "list" };
  const action = SYNONYMS[word] ?? word;
  const out: Record<string, unknown> = { action };
  if (m?.[2]) out.id = m[2];
  if (m?.[3]) out.note = m[3];
  return out;
}

const day = (iso: string | null) => iso?.slice(0, 10) ?? "";

export const queue = chatCommand({
  name: "queue",
  aliases: ["reading"],
  usage: "queue [add|claim|done|drop <id> [note]]",
  summary: "the channel's reading queue: add papers, claim one (\"I'll read it\"), mark it read",
  paper: "thread",
  maxText: 64 * 1024,
  args: z.object({
    action: z.enum(ACTIONS, { error: `must be one of ${ACTIONS.join(", ")}` }),
    id: z.string().trim().min(1).max(200).optional(),
    note: z.string().optional(),
  }),
  parse,
  options: [
    { name: "action", kind: "text", description: "What to do (default: list)", choices: ACTIONS },
    { name: "id", kind: "paper" },
    { name: "note", kind: "text", description: "With done: a note on the paper", maxLength: 4000 },
  ],
  run(args, on) {
    const { engine, ctx } = on;
    const { action } = args;
    let { id, note } = args;
    // In a discussion thread, "queue done great read, see §3" is a note on the thread's paper.
    if (on.thread && id && !engine.isPaperRef(id)) {
      note = [id, note ?? ""].join(" ").trim();
      id = undefined;
    }
    const store = engine.store(QueueStore);
    const place = { platform: ctx.platform, workspace: ctx.workspace, channel: ctx.channel };
    const me = personOf(ctx);
    if (action === "list") {
      const list = store.list(place, { open: QUEUE_OPEN_SHOWN, done: QUEUE_DONE_SHOWN });
      const reply: QueueReply = {
        kind: "queue",
        open: list.open.map(queueItem),
        openTotal: list.openTotal,
        done: list.done.map(queueItem),
        doneTotal: list.doneTotal,
      };
      return [reply];
    }
    const paper = paperOrThread(id, on, `queue ${action}`);
    const label = `"${displayText(paper.title)}" (${paper.id})`;
    if (action === "add") {
      const { added, entry } = store.add(place, paper.id, me);
      if (!added) {
        const state =
          entry.status === "done"
            ? `was read by ${displayName(entry.doneBy)} on ${day(entry.doneAt)}`
            : entry.status === "claimed"
              ? `is being read by ${displayName(entry.claimedBy)}`
              : `was queued by ${displayName(entry.addedBy)} on ${day(entry.addedAt)}`;
        return [notice(`${label} is already in this channel's queue: it ${state}.`)];
      }
      return [
        announce(
          `${displayName(me)} added ${label} to the reading queue. \`queue claim ${paper.id}\` to read it.`,
        ),
      ];
    }
    if (action === "claim") {
      const out = store.claim(place, paper.id, me);
      if ("claimed" in out)
        return [
          announce(
            `${displayName(me)} will read ${label}${out.added ? " (added to the queue)" : ""}. \`queue done ${paper.id} [note]\` when read.`,
          ),
        ];
      if ("yoursAlready" in out)
        return [notice(`You already claimed ${label} on ${day(out.yoursAlready.claimedAt)}.`)];
      if ("alreadyDone" in out)
        return [
          notice(
            `${label} was already read by ${displayName(out.alreadyDone.doneBy)} on ${day(out.alreadyDone.doneAt)}; \`notes ${paper.id}\` has what they noted.`,
          ),
        ];
      throw new PaperboyError(
        ErrorCode.QueueTaken,
        `${displayName(out.taken.claimedBy)} already claimed ${label} on ${day(out.taken.claimedAt)}; ask them, or pick another paper from \`queue\``,
      );
    }
    if (action === "done") {
      const out = store.done(
        place,
        paper.id,
        me,
        note ? { text: note, thread: on.thread ? (ctx.thread ?? null) : null } : undefined,
      );
      if ("notQueued" in out)
        throw new PaperboyError(
          ErrorCode.NotQueued,
          `${label} is not in this channel's reading queue; \`queue add ${paper.id}\` queues it (or \`note ${paper.id} <text>\` to just note it)`,
        );
      if ("alreadyDone" in out)
        return [
          notice(
            `${label} was already marked read by ${displayName(out.alreadyDone.doneBy)} on ${day(out.alreadyDone.doneAt)}.`,
          ),
        ];
      const saved = out.note ? ` Note #${out.note.id} saved.` : "";
      return [announce(`${displayName(me)} read ${label}.${saved}`)];
    }
    const dropped = store.drop(place, paper.id);
    if (!dropped)
      throw new PaperboyError(
        ErrorCode.NotQueued,
        `${label} is not in this channel's reading queue; \`queue\` shows what is`,
      );
    return [announce(`${displayName(me)} took ${label} off the reading queue.`)];
  },
});
