/**
 * Team memory on Slack through the real Bolt receiver and the loopback Web API: notes and queue
 * commands answered in the channel, the "I'll read it" button and the roundup's menus, exports
 * uploaded with files.uploadV2 (its three steps), the claimer's reminder, and untrusted note text
 * that never pings nor breaks a message.
 */
import { parse } from "@retorquere/bibtex-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BLOCKS_PER_MESSAGE } from "../../adapters/slack/limits.js";
import type { ReminderReply, RoundupReply } from "../../src/bot/replies.js";
import { controlSequences, mrkdwnTexts, SlackMessageSchema } from "../support/slack-blockkit.js";
import { blockAction, sendToSlackApp, slashCommand } from "../support/slack-signing.js";
import { type Harness, SECRET, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function expectBlockKit(body: Record<string, any>) {
  const parsed = SlackMessageSchema.safeParse(body);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  expect(body.blocks?.length ?? 0).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
}

let n = 0;
async function command(text: string, o: { user?: string; userName?: string; channel?: string } = {}) {
  const url = h.api.responseUrl(`mem-${++n}`);
  const ack = await sendToSlackApp(h.url, slashCommand(text, { responseUrl: url, ...o }), { secret: SECRET });
  expect(ack.status).toBe(200);
  return (await h.api.waitFor((c) => c.path === new URL(url).pathname, `the answer to ${text}`)).body;
}

async function press(
  value: string,
  o: { user?: string; userName?: string; type?: string; channel?: string } = {},
) {
  const url = h.api.responseUrl(`press-${++n}`);
  const action =
    o.type === "static_select"
      ? {
          type: "static_select",
          action_id: "pb_queue_select",
          selected_option: { value, text: { type: "plain_text", text: "x" } },
        }
      : { type: "button", action_id: "pb_claim", value };
  const ack = await sendToSlackApp(h.url, blockAction(action, { responseUrl: url, ...o }), {
    secret: SECRET,
  });
  expect(ack.status).toBe(200);
  return (await h.api.waitFor((c) => c.path === new URL(url).pathname, `the answer to ${value}`)).body;
}

const ids = () => h.engine.papers.day("2025-08-12").map((p) => p.id);

describe("notes on Slack", () => {
  it("a note is announced in the channel, and its hostile text stays inert wherever it is shown", async () => {
    const [a] = ids() as [string];
    const hostile = "<!channel> <@U024BE7LH> *bold* `tick` <https://evil.example|click> &amp;";
    const saved = await command(`note ${a} ${hostile}`, { user: "U7", userName: "grace" });
    expectBlockKit(saved);
    expect(saved.response_type).toBe("in_channel");
    expect(mrkdwnTexts(saved).join("\n")).toMatch(/Note #\d+ saved/);
    for (const body of [await command("notes", { channel: "C1" }), await command(`show ${a}`)]) {
      expectBlockKit(body);
      const texts = mrkdwnTexts(body).join("\n");
      expect(texts).toContain("grace");
      expect(texts).toContain("&lt;!channel&gt; &lt;@U024BE7LH&gt;");
      // No mention, link or markup survives from the note: only our own links would be `<…>`.
      expect(controlSequences(texts).filter((s) => /!channel|@U024|evil/.test(s))).toEqual([]);
      expect(texts).not.toMatch(/\*bold\*|`tick`/);
    }
  });

  it("`note` over the limit is refused to the asker alone, naming the limit", async () => {
    const [a] = ids() as [string];
    const refused = await command(`note ${a} ${"x".repeat(10 * 1024)}`);
    expect(refused.response_type).toBe("ephemeral");
    expect(mrkdwnTexts(refused).join("\n")).toMatch(/at most 4,000 characters; this one has 10,240/);
  });
});

describe("the reading queue on Slack", () => {
  it("the card's I'll read it button claims for the presser; a second presser is told who has it", async () => {
    const [, b] = ids() as [string, string];
    const card = await command(`show ${b}`);
    const buttons = card.blocks.flatMap((x: any) => x.elements ?? []).filter((e: any) => e.type === "button");
    const claim = buttons.find((e: any) => e.text.text === "I'll read it");
    expect(claim.value).toBe(`queue claim ${b}`);
    expect(buttons.find((e: any) => e.text.text === "Add to queue").value).toBe(`queue add ${b}`);
    const won = await press(claim.value, { user: "U2", userName: "ben" });
    expect(won.response_type).toBe("in_channel");
    expect(mrkdwnTexts(won).join("\n")).toMatch(/^ben will read /);
    const lost = await press(claim.value, { user: "U3", userName: "cy" });
    expect(lost.response_type).toBe("ephemeral");
    expect(mrkdwnTexts(lost).join("\n")).toMatch(/ben already claimed/);
    const queue = await command("queue");
    expectBlockKit(queue);
    expect(mrkdwnTexts(queue).join("\n")).toMatch(/claimed by ben since/);
    const done = queue.blocks.find((x: any) => x.accessory?.value === `queue done ${b}`);
    expect(done.accessory.text.text).toBe("Mark read");
  });

  it("a roundup has Add to queue and I'll read it menus; choosing one runs it; a discussed paper links its thread", async () => {
    const [a, c] = [ids()[0], ids()[2]] as [string, string];
    const roundup: RoundupReply = {
      kind: "roundup",
      date: "2025-08-12",
      count: 2,
      shown: 2,
      headline: "2 papers today",
      topics: [
        {
          label: "Topic",
          other: false,
          papers: [
            {
              id: a,
              title: "Paper A",
              url: null,
              upvotes: null,
              code: [],
              discussed: {
                platform: "slack",
                workspace: "T1",
                channel: "C0READING",
                thread: "1700000000.000100",
                date: "2025-08-12",
                messages: 12,
                notes: 2,
                here: false,
              },
            },
            { id: c, title: "Paper C", url: null, upvotes: null, code: [] },
          ],
        },
      ],
    };
    await h.adapter.post({ platform: "slack", workspace: "T1", channel: "C-MENUS" }, [roundup]);
    const post = await h.api.waitFor((x) => x.method === "chat.postMessage" && x.body.channel === "C-MENUS");
    expectBlockKit(post.body);
    const text = mrkdwnTexts(post.body).join("\n");
    expect(text).toContain(
      "Discussed on 2025-08-12 in <#C0READING> (<https://app.slack.com/client/T1/C0READING/thread/C0READING-1700000000.000100|thread>; 12 messages, 2 notes)",
    );
    const menus = post.body.blocks.at(-1).elements;
    expect(menus.map((m: any) => [m.type, m.placeholder.text])).toEqual([
      ["static_select", "Add to queue…"],
      ["static_select", "I'll read it…"],
    ]);
    expect(menus[0].options.map((o: any) => o.value)).toEqual([`queue add ${a}`, `queue add ${c}`]);
    const chosen = await press(`queue add ${c}`, { type: "static_select", channel: "C-MENUS" });
    expect(mrkdwnTexts(chosen).join("\n")).toMatch(/added .* to the reading queue/);
  });

  it("the reminder notifies the claimer, and only them", async () => {
    const reminder: ReminderReply = {
      kind: "reminder",
      user: "U0CLAIMER",
      paper: { id: ids()[0] as string, title: "A <!here> title", date: "2025-08-12", code: [] },
      claimedOn: "2025-08-05",
      days: 7,
    };
    await h.adapter.post({ platform: "slack", workspace: "T1", channel: "C-REMIND" }, [reminder]);
    const post = await h.api.waitFor((x) => x.method === "chat.postMessage" && x.body.channel === "C-REMIND");
    expectBlockKit(post.body);
    const sequences = mrkdwnTexts(post.body).flatMap(controlSequences);
    expect(sequences).toEqual(["<@U0CLAIMER>"]);
  });
});

describe("export on Slack", () => {
  it("uploads the Markdown and BibTeX files with files.uploadV2 into the channel", async () => {
    const [a] = ids() as [string];
    await command(`note ${a} exported note`, { channel: "C-EXPORT" });
    const before = h.api.calls.length;
    const url = h.api.responseUrl("export-1");
    await sendToSlackApp(h.url, slashCommand("export notes", { responseUrl: url, channel: "C-EXPORT" }), {
      secret: SECRET,
    });
    const complete = await h.api.waitFor(
      (x) => x.method === "files.completeUploadExternal" && h.api.calls.indexOf(x) >= before,
      "the upload's completion",
    );
    expect(complete.body.channel_id).toBe("C-EXPORT");
    const files = JSON.parse(complete.body.files) as { id: string; title: string }[];
    expect(files.map((f) => f.title)).toEqual([
      expect.stringMatching(/^paperboy-notes-\d{4}-\d{2}-\d{2}\.md$/),
      expect.stringMatching(/^paperboy-notes-\d{4}-\d{2}-\d{2}\.bib$/),
    ]);
    const [md, bib] = files.map((f) => h.api.uploads.get(f.id)?.content ?? "");
    expect(md).toContain("exported note");
    expect(parse(bib as string).errors).toEqual([]);
    const asked = h.api.calls.slice(before).filter((x) => x.method === "files.getUploadURLExternal");
    expect(asked.map((x) => Number(x.body.length))).toEqual([
      Buffer.byteLength(md as string),
      Buffer.byteLength(bib as string),
    ]);
  });

  it("without files:write the asker is told how to fix it, and the adapter stays connected", async () => {
    h.api.script("files.getUploadURLExternal", {
      body: { ok: false, error: "missing_scope", needed: "files:write" },
    });
    const answer = await command("export notes", { channel: "C-EXPORT" });
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toMatch(/lacks the `files:write` scope/);
    expect(h.adapter.status()).toEqual({ state: "connected" });
  });
});
