/** `notes [<id>]`: the channel's recent notes, or its notes on one paper (in a thread: its paper's). */
import { z } from "zod";
import { NoteStore } from "../../archive/notes.js";
import { NOTES_PAGE } from "../../memory/limits.js";
import { noteItem } from "../../memory/views.js";
import { displayText } from "../../summary/latex.js";
import { chatCommand } from "../command.js";
import type { NotesReply } from "../replies.js";
import { FLAG, Offset, words } from "./args.js";

function parse(rest: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const t of words(rest)) {
    const f = FLAG.exec(t);
    if (f && (f[1] as string).toLowerCase() === "offset") args.offset = Number(f[2]);
    else args.id ??= t;
  }
  return args;
}

export const notes = chatCommand({
  name: "notes",
  usage: "notes [<id>]",
  summary: "the channel's recent notes, or its notes on one paper",
  paper: "thread",
  args: z.object({ id: z.string().trim().min(1).max(200).optional(), offset: Offset }),
  parse,
  options: [{ name: "id", kind: "paper", description: "Only the notes on this paper" }],
  run({ id, offset }, { engine, ctx, thread }) {
    const paper = id ? engine.paper(id) : thread;
    const pk = paper ? (engine.papers.resolve(paper.id) ?? undefined) : undefined;
    const page = engine
      .store(NoteStore)
      .forChannel(
        { platform: ctx.platform, channel: ctx.channel, ...(pk !== undefined ? { paperPk: pk } : {}) },
        { limit: NOTES_PAGE, offset },
      );
    const reply: NotesReply = {
      kind: "notes",
      title: paper ? `Notes on "${displayText(paper.title)}" (${paper.id})` : "This channel's notes",
      items: page.notes.map(noteItem),
      total: page.total,
      offset,
      emptyText: paper
        ? `No notes on this paper here yet: \`note ${paper.id} <text>\` adds one.`
        : "No notes in this channel yet: `note <id> <text>` adds one (in a discussion thread, `note <text>`).",
    };
    if (offset + page.notes.length < page.total)
      reply.next = {
        kind: "more",
        label: "More",
        command: `notes ${paper ? `${paper.id} ` : ""}offset:${offset + page.notes.length}`,
      };
    return [reply];
  },
});
