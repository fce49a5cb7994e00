/**
 * Block Kit, as Slack documents it, for the blocks paperboy may send: every message the adapter
 * produces is parsed with `SlackMessageSchema` in the tests. Limits are Slack's published numbers,
 * written out here on purpose (not imported from the adapter) so a wrong constant there fails here.
 */
import { z } from "zod";

const PlainText = z.object({
  type: z.literal("plain_text"),
  text: z.string().min(1),
  emoji: z.boolean().optional(),
});
const Mrkdwn = z.object({
  type: z.literal("mrkdwn"),
  text: z.string().min(1).max(3000),
  verbatim: z.boolean().optional(),
});

const Button = z
  .object({
    type: z.literal("button"),
    action_id: z.string().min(1).max(255),
    text: PlainText.extend({ text: z.string().min(1).max(75) }),
    value: z.string().max(2000).optional(),
    url: z.string().url().max(2000).optional(),
    style: z.enum(["primary", "danger"]).optional(),
  })
  .strict();

const Overflow = z
  .object({
    type: z.literal("overflow"),
    action_id: z.string().min(1).max(255),
    options: z
      .array(
        z.object({
          text: PlainText.extend({ text: z.string().min(1).max(75) }),
          value: z.string().min(1).max(150),
        }),
      )
      .min(2)
      .max(5),
  })
  .strict();

const StaticSelect = z
  .object({
    type: z.literal("static_select"),
    action_id: z.string().min(1).max(255),
    placeholder: PlainText.extend({ text: z.string().min(1).max(150) }),
    options: z
      .array(
        z.object({
          text: PlainText.extend({ text: z.string().min(1).max(75) }),
          value: z.string().min(1).max(150),
        }),
      )
      .min(1)
      .max(100),
  })
  .strict();

const Block = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("header"),
      text: PlainText.extend({ text: z.string().min(1).max(150) }),
      // Block Kit: at most 255 characters (paperboy names a card's paper here).
      block_id: z.string().min(1).max(255).optional(),
    })
    .strict(),
  z
    .object({ type: z.literal("section"), text: Mrkdwn, accessory: z.union([Button, Overflow]).optional() })
    .strict(),
  z.object({ type: z.literal("context"), elements: z.array(Mrkdwn).min(1).max(10) }).strict(),
  z
    .object({
      type: z.literal("actions"),
      elements: z
        .array(z.union([Button, Overflow, StaticSelect]))
        .min(1)
        .max(25),
    })
    .strict(),
  z.object({ type: z.literal("divider") }).strict(),
]);

export const SlackMessageSchema = z
  .object({
    text: z.string().min(1),
    blocks: z.array(Block).max(50).optional(),
  })
  .passthrough()
  .superRefine((msg, ctx) => {
    // action_id must be unique within a message.
    const ids = (msg.blocks ?? []).flatMap((b) =>
      b.type === "actions"
        ? b.elements.map((e) => e.action_id)
        : b.type === "section" && b.accessory
          ? [b.accessory.action_id]
          : [],
    );
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", message: `duplicate action_id in ${ids}` });
  });

/** Every mrkdwn string of a message, plus its fallback text: where Slack would parse mentions. */
export function mrkdwnTexts(msg: { text?: string; blocks?: any[] }): string[] {
  const out: string[] = msg.text ? [msg.text] : [];
  for (const b of msg.blocks ?? []) {
    if (b.text?.type === "mrkdwn") out.push(b.text.text);
    for (const e of b.elements ?? []) if (e.type === "mrkdwn") out.push(e.text);
  }
  return out;
}

/** A parse of mrkdwn that finds what Slack would treat as a mention or a link (`<…>`). */
export function controlSequences(text: string): string[] {
  return text.match(/<[^>]*>/g) ?? [];
}

/**
 * What is wrong with messages carrying hostile text: a live broadcast mention, or a section over
 * Slack's 3,000 characters. Empty when they are inert and within limits.
 */
export function hostileSlackProblems(messages: readonly { blocks?: unknown[] }[]): string[] {
  const problems: string[] = [];
  if (JSON.stringify(messages).includes("<!channel>")) problems.push("a live <!channel> mention");
  for (const m of messages)
    for (const b of (m.blocks ?? []) as { type: string; text?: { text: string } }[])
      if (b.type === "section" && (b.text?.text.length ?? 0) > 3000)
        problems.push(`a section of ${b.text?.text.length} characters (Slack's limit is 3000)`);
  return problems;
}
