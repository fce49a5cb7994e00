/**
 * `note <id> <text>` (in a discussion thread just `note <text>`): a team note on a paper, kept with
 * its author, channel, time and thread. `note delete <n>` removes one, by its author only.
 */
import { z } from "zod";
import { NOTE_MAX_CHARS, NoteStore } from "../../archive/notes.js";
import { ErrorCode, PaperboyError } from "../../errors.js";
import { personOf } from "../../memory/people.js";
import { displayText } from "../../summary/latex.js";
import type { Paper } from "../../types.js";
import { chatCommand } from "../command.js";
import { announce } from "../replies.js";
import { words } from "./args.js";

const DELETE = /^(?:delete|del|remove|rm)$/i;

function parse(rest: string): Record<string, unknown> {
  const [first = "", second = ""] = words(rest);
  // "note remove outliers first" in a thread is a note; "note delete 12" is a deletion.
  if (DELETE.test(first) && /^#?\d+$/.test(second) && words(rest).length === 2) return { delete: second };
  const m = /^(\S+)\s*([\s\S]*)$/.exec(rest.trim());
  return m ? { id: m[1], text: m[2] } : {};
}

export const note = chatCommand({
  name: "note",
  usage: "note <id> <text> | note delete <n>",
  summary: "save a team note on a paper (in a discussion thread: `note <text>`)",
  paper: "thread",
  // A note over its limit is refused by name, never cut: read all of it.
  maxText: 64 * 1024,
  args: z.object({
    id: z.string().trim().max(200).optional(),
    text: z.string().optional(),
    delete: z
      .preprocess(
        (v) => (typeof v === "string" && /^\s*#?\d+\s*$/.test(v) ? Number(v.replace("#", "")) : v),
        z.number({ error: "needs the note's number, as `notes` shows it (#12)" }).int().positive(),
      )
      .optional(),
  }),
  parse,
  options: [
    { name: "text", kind: "text", description: "The note", maxLength: NOTE_MAX_CHARS },
    { name: "id", kind: "paper", description: "The paper (left out in a discussion thread: its paper)" },
    { name: "delete", kind: "text", description: "Delete your note with this number instead", maxLength: 12 },
  ],
  run(args, { engine, ctx, thread }) {
    const notes = engine.store(NoteStore);
    if (args.delete !== undefined) {
      const out = notes.delete(args.delete, {
        platform: ctx.platform,
        channel: ctx.channel,
        author: ctx.user,
      });
      if ("missing" in out)
        throw new PaperboyError(
          ErrorCode.UnknownNote,
          `there is no note #${args.delete} in this channel; \`notes\` lists them with their numbers`,
        );
      if ("notAuthor" in out)
        throw new PaperboyError(
          ErrorCode.NotAllowed,
          `note #${args.delete} is not yours: only its author can delete it`,
        );
      return [
        announce(`Deleted note #${args.delete} on "${out.deleted.paperTitle}" (${out.deleted.paperId}).`),
      ];
    }
    const first = args.id ?? "";
    let paper: Paper;
    let text: string;
    if (first && engine.isPaperRef(first)) {
      paper = engine.paper(first);
      text = args.text ?? "";
    } else if (thread) {
      // In a discussion thread the note is the whole text: its first word is no paper.
      paper = thread;
      text = [first, args.text ?? ""].join(" ");
    } else if (!first) {
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        "`note` needs a paper id and the note: `note <id> <text>` (inside a discussion thread, just `note <text>`)",
      );
    } else {
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        `"${first.slice(0, 40)}" is not a paper id: write \`note <id> <text>\` (inside a discussion thread, just \`note <text>\`)`,
      );
    }
    if (!text.trim())
      throw new PaperboyError(
        ErrorCode.InvalidArgument,
        `\`note\` needs the note's text after the id: \`note ${paper.id} <text>\``,
      );
    const saved = notes.add({
      paperId: paper.id,
      platform: ctx.platform,
      workspace: ctx.workspace,
      channel: ctx.channel,
      thread: thread ? (ctx.thread ?? null) : null,
      author: personOf(ctx).id,
      authorName: personOf(ctx).name ?? null,
      text,
    });
    return [
      announce(
        `Note #${saved.id} saved on "${displayText(paper.title)}" (${paper.id}). \`notes ${paper.id}\` lists its notes; \`note delete ${saved.id}\` removes it.`,
      ),
    ];
  },
});
