/**
 * Team memory on Discord through a real discord.js client and the local stand-in: notes and queue
 * commands, the card's "I'll read it" button (two users), the roundup's select menus, exports as
 * attachments (multipart, as discord.js sends them), and the reminder that notifies one user.
 */
import { createRequire } from "node:module";
import { parse } from "@retorquere/bibtex-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReminderReply, RoundupReply } from "../../src/bot/replies.js";
import { button, select, slash } from "../support/discord-payloads.js";
import { IDS, type RestCall } from "../support/discord-stand-in.js";
import { type Harness, startHarness } from "./harness.js";
import { expectInert } from "./inert.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const OTHER_USER = "1100000000000000099";

/** The interaction's answer, whether Discord got it at once (type 4) or deferred and then edited. */
async function answer(token: string): Promise<{ body: any; files: RestCall["files"] }> {
  const cb = await h.discord.waitFor(
    (c) => c.method === "POST" && c.path.endsWith(`/${token}/callback`),
    "the callback",
  );
  if (cb.body.type === 4) return { body: cb.body.data, files: cb.files };
  const edit = await h.discord.waitFor(
    (c) => c.method === "PATCH" && c.path.includes(token),
    "the deferred answer",
  );
  return { body: edit.body, files: edit.files };
}

async function run(sub: string, options: Record<string, string | boolean> = {}, user?: string) {
  const i = slash(h.discord, sub, options, user ? { user } : {});
  h.discord.interact(i);
  return answer(i.token);
}

const ids = () => h.engine.papers.day("2025-08-12").map((p) => p.id);

describe("notes on Discord", () => {
  test("/papers note saves a note; its hostile text is inert in /papers notes and on the card", async () => {
    const [a] = ids() as [string];
    const hostile = "@everyone <@1100000000000000005> **bold** `tick` [x](https://evil.example) ||spoiler||";
    const saved = await run("note", { id: a, text: hostile });
    expect(saved.body.content).toMatch(/^ℹ️ Note \\#\d+ saved/);
    expect(saved.body.allowed_mentions).toEqual({ parse: [] });
    const list = await run("notes");
    const description: string = list.body.embeds[0].description;
    expect(description).toContain("evil.example");
    expectInert(description);
    const card = await run("show", { id: a });
    const notes = card.body.embeds[0].fields.find((f: any) => f.name.startsWith("Notes"));
    expectInert(notes.value);
  });
});

describe("the reading queue on Discord", () => {
  test("the card's I'll read it button: the first presser claims, the second is told who has it", async () => {
    const b = ids()[1] as string;
    const show = slash(h.discord, "show", { id: b });
    h.discord.interact(show);
    const card = await answer(show.token);
    const buttons = card.body.components.flatMap((r: any) => r.components);
    expect(buttons.map((x: any) => x.label)).toEqual(
      expect.arrayContaining(["Add to queue", "I'll read it"]),
    );
    const claim = buttons.find((x: any) => x.label === "I'll read it");
    expect(claim.custom_id).toBe(`pb:queue claim ${b}`);
    const message = [...h.discord.messages.values()].at(-1);
    const first = button(h.discord, message, claim.custom_id);
    h.discord.interact(first);
    expect((await answer(first.token)).body.content).toMatch(/user005 will read /);
    const second = button(h.discord, message, claim.custom_id, { user: OTHER_USER });
    h.discord.interact(second);
    expect((await answer(second.token)).body.content).toMatch(/user005 already claimed/);
    const queue = await run("queue", { action: "list" });
    expect(queue.body.embeds[0].description).toMatch(/claimed by user005 since/);
  });

  test("a roundup message carries Add to queue and I'll read it menus for its papers; choosing runs the command", async () => {
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
                platform: "discord",
                workspace: IDS.guild,
                channel: IDS.channel,
                thread: "1200000000000000777",
                date: "2025-08-10",
                messages: 4,
                notes: 1,
                here: true,
              },
            },
            { id: c, title: "Paper C", url: null, upvotes: null, code: [] },
          ],
        },
      ],
    };
    const [posted] = await h.adapter.post(
      { platform: "discord", workspace: IDS.guild, channel: IDS.channel },
      [roundup],
    );
    const message = h.discord.messages.get(posted as string);
    expect(message.embeds[0].description).toContain(
      `💬 Discussed on 2025-08-10 in this channel ([thread](https://discord.com/channels/${IDS.guild}/1200000000000000777); 4 messages, 1 note)`,
    );
    const menus = message.components.map((r: any) => r.components[0]).filter((c: any) => c.type === 3);
    expect(menus.map((m: any) => [m.type, m.placeholder])).toEqual([
      [3, "Add to queue…"],
      [3, "I'll read it…"],
    ]);
    expect(menus[0].options.map((o: any) => o.value)).toEqual([a, c]);
    const choose = select(h.discord, message, menus[0].custom_id, [c]);
    h.discord.interact(choose);
    expect((await answer(choose.token)).body.content).toMatch(/added "[^"]+" \(.+\) to the reading queue/);
  });

  test("the reminder mentions the claimer and allows that one mention only", async () => {
    const reminder: ReminderReply = {
      kind: "reminder",
      user: OTHER_USER,
      paper: { id: ids()[0] as string, title: "A title @everyone", date: "2025-08-12", code: [] },
      claimedOn: "2025-08-05",
      days: 7,
    };
    const [posted] = await h.adapter.post(
      { platform: "discord", workspace: IDS.guild, channel: IDS.channel },
      [reminder],
    );
    const call = h.discord.calls.find(
      (c) =>
        c.method === "POST" &&
        c.path === `/channels/${IDS.channel}/messages` &&
        c.status === 200 &&
        c.body?.content?.includes(OTHER_USER),
    );
    expect(call?.body.allowed_mentions).toEqual({ parse: [], users: [OTHER_USER] });
    expect(call?.body.content).toMatch(new RegExp(`^⏰ <@${OTHER_USER}>, on 2025-08-05`));
    expect(call?.body.content).not.toMatch(/@everyone/);
    expect(posted).toBeDefined();
  });
});

describe("export on Discord", () => {
  test("/papers export sends the Markdown and BibTeX files as attachments", async () => {
    const [a] = ids() as [string];
    await run("note", { id: a, text: "for the export" });
    const out = await run("export", { what: "notes" });
    expect(out.body.content).toMatch(/^Team notes: \d+ papers?/);
    expect(out.files?.map((f) => f.name)).toEqual([
      expect.stringMatching(/^paperboy-notes-\d{4}-\d{2}-\d{2}\.md$/),
      expect.stringMatching(/^paperboy-notes-\d{4}-\d{2}-\d{2}\.bib$/),
    ]);
    expect(out.files?.[0]?.content).toContain("for the export");
    expect(parse(out.files?.[1]?.content ?? "").errors).toEqual([]);
    const bibOnly = await run("export", { what: "queue", format: "bib" });
    expect(bibOnly.files?.map((f) => f.name.split(".").pop())).toEqual(["bib"]);
  });

  test("attachments still go out when Slack's undici 7 owns the process's global HTTP dispatcher", async () => {
    // What `serve` with Slack and Discord does: Slack's socket mode loads undici 7 first, which
    // installs its own global dispatcher; it cannot send the multipart body of discord.js's undici 6.
    const fromSlack = createRequire(createRequire(import.meta.url).resolve("@slack/bolt"));
    const undici7 = createRequire(fromSlack.resolve("@slack/socket-mode"))("undici");
    const symbols = [Symbol.for("undici.globalDispatcher.1"), Symbol.for("undici.globalDispatcher.2")];
    const global = globalThis as unknown as Record<symbol, unknown>;
    const before = symbols.map((s) => global[s]);
    await run("note", { id: ids()[0] as string, text: "kept through any dispatcher" });
    undici7.setGlobalDispatcher(new undici7.Agent());
    try {
      const out = await run("export", { what: "notes", format: "md" });
      expect(out.files?.map((f) => f.name)).toEqual([expect.stringMatching(/^paperboy-notes-.*\.md$/)]);
    } finally {
      await (global[symbols[0] as symbol] as { close(): Promise<void> }).close();
      symbols.forEach((s, i) => {
        global[s] = before[i];
      });
    }
  });
});
