import { afterEach, describe, expect, it } from "vitest";
import type { AnswerReply, NoticeReply, Reply } from "../../src/bot/replies.js";
import { type BotHarness, botHarness } from "../support/bot.js";

let h: BotHarness;
afterEach(() => h?.engine.close());

function only<T extends Reply>(replies: Reply[], kind: T["kind"]): T {
  const found = replies.filter((r) => r.kind === kind);
  expect(found, `replies: ${JSON.stringify(replies).slice(0, 300)}`).toHaveLength(1);
  return found[0] as T;
}

async function openThread(title: RegExp): Promise<{ thread: string; id: string }> {
  const paper = h.engine.papers.byPks(h.engine.papers.dayPks("2025-08-12")).find((p) => title.test(p.title));
  if (!paper) throw new Error(`no paper titled ${title}`);
  await h.adapter.say(`discuss ${paper.id}`);
  return { thread: h.adapter.lastThread as string, id: paper.id };
}

describe("ask in a discussion thread", () => {
  it("a follow-up leans on the thread's earlier questions, even after a restart", async () => {
    h = botHarness();
    const { thread } = await openThread(/^Dilated convolution with learnable spacings$/);
    const first = only<AnswerReply>(await h.adapter.say("does it improve accuracy?", { thread }), "answer");
    expect(first.unanswered).toBe(false);
    h = h.restart();
    const follow = only<AnswerReply>(await h.adapter.say("and on which dataset?", { thread }), "answer");
    expect(follow.text).toMatch(/ImageNet1k/);
    const limits = only<AnswerReply>(await h.adapter.say("what about limitations?", { thread }), "answer");
    expect(limits.text).toMatch(/expense of the throughput/);
    expect(h.engine.threads.questions({ platform: "test", channel: "C1", thread })).toEqual([
      "does it improve accuracy?",
      "and on which dataset?",
      "what about limitations?",
    ]);
  });

  it("code and summary still work without an id; a declined answer says what is missing", async () => {
    h = botHarness();
    const { thread, id } = await openThread(/^Fast Sparse ConvNets$/);
    const gpus = only<AnswerReply>(await h.adapter.say("how many GPUs do they use?", { thread }), "answer");
    expect(gpus).toMatchObject({
      paperId: id,
      unanswered: true,
      text: "The abstract does not mention GPUs.",
    });
    expect(gpus.evidence).toEqual([]);
    const summary = await h.adapter.say("summary", { thread });
    expect(summary.map((r) => r.kind)).toContain("paper");
    const code = await h.adapter.say("code", { thread });
    expect(code.map((r) => r.kind)).toEqual(["notice"]);
  });

  it("a message of mentions only is answered with the usage, never echoed", async () => {
    h = botHarness();
    const { thread } = await openThread(/^Fast Sparse ConvNets$/);
    const reply = only<NoticeReply>(await h.adapter.say("<@U999> <!channel>", { thread }), "notice");
    expect(reply.text).toMatch(/what do they propose/);
    expect(reply.text).not.toMatch(/<@|<!|U999/);
  });
});
