/**
 * `trends` on every platform: the chart leaves as an image — uploaded with files.uploadV2 on Slack
 * (real Bolt receiver, loopback Web API), attached on Discord (real discord.js client, local
 * stand-in), written to a file on the console — and the bytes that arrive decode as a PNG.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { ConsoleAdapter } from "../../adapters/console/console-adapter.js";
import type { FileReply } from "../../src/bot/replies.js";
import { CHART_WIDTH, SCALE } from "../../src/trends/chart.js";
import { startHarness as startDiscord } from "../discord/harness.js";
import { SECRET, startHarness as startSlack } from "../slack/harness.js";
import { botHarness } from "../support/bot.js";
import { slash } from "../support/discord-payloads.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";

function expectChart(bytes: Buffer) {
  const png = PNG.sync.read(bytes);
  expect(png.width).toBeGreaterThan(CHART_WIDTH * SCALE);
  expect(png.height).toBeGreaterThan(300 * SCALE);
}

describe("trends", () => {
  it("in chat: one image file reply, named for its last day, saying what it shows", async () => {
    const h = botHarness();
    try {
      // A slow chart may be preceded by "Working on it…": the file is the last reply.
      const reply = (await h.adapter.say("trends 2")).at(-1) as FileReply;
      expect(reply.kind).toBe("file");
      expect(reply.text).toMatch(/^Topics per week, 2025-08-04 to 2025-08-17: \d+ papers; most: /);
      expect(reply.files.map((f) => [f.name, f.mediaType])).toEqual([
        ["paperboy-trends-2025-08-17.png", "image/png"],
      ]);
      expectChart(Buffer.from(reply.files[0]?.content as Uint8Array));
      const refused = (await h.adapter.say("trends 40")).at(-1);
      expect(refused?.kind).toBe("notice");
      expect(JSON.stringify(refused)).toMatch(/at most 26/);
    } finally {
      h.engine.close();
    }
  });

  it("on Slack: uploaded with files.uploadV2 into the channel, as a PNG", async () => {
    const h = await startSlack();
    try {
      const url = h.api.responseUrl("trends-1");
      const ack = await sendToSlackApp(
        h.url,
        slashCommand("trends 2", { responseUrl: url, channel: "C-TR" }),
        {
          secret: SECRET,
        },
      );
      expect(ack.status).toBe(200);
      const complete = await h.api.waitFor(
        (c) => c.method === "files.completeUploadExternal",
        "the upload's completion",
        25_000,
      );
      expect(complete.body.channel_id).toBe("C-TR");
      expect(complete.body.initial_comment).toMatch(/^Topics per week/);
      const [file] = JSON.parse(complete.body.files) as { id: string; title: string }[];
      expect(file?.title).toBe("paperboy-trends-2025-08-17.png");
      expectChart(h.api.uploads.get(file?.id as string)?.bytes as Buffer);
    } finally {
      await h.close();
    }
  });

  it("on Discord: attached to the answer, as a PNG", async () => {
    const h = await startDiscord();
    try {
      const i = slash(h.discord, "trends", { weeks: "2" });
      h.discord.interact(i);
      const sent = await h.discord.waitFor(
        (c) => c.path.includes(i.token) && (c.files?.length ?? 0) > 0,
        "the answer with its attachment",
        // Under the test's own 30 s, so a miss reports the calls the stand-in did see.
        25_000,
      );
      expect(sent.files?.map((f) => f.name)).toEqual(["paperboy-trends-2025-08-17.png"]);
      expectChart(sent.files?.[0]?.bytes as Buffer);
    } finally {
      await h.close();
    }
  });

  it("on the console: written to the export folder, and the path printed", async () => {
    const h = botHarness();
    const dir = mkdtempSync(join(tmpdir(), "paperboy-trends-"));
    try {
      const out: string[] = [];
      const console_ = new ConsoleAdapter({
        bot: h.bot,
        clock: h.clock,
        input: new PassThrough(),
        output: (t) => out.push(t),
        isTTY: false,
        exportDir: dir,
      });
      await console_.handleLine("trends 2");
      const path = join(dir, "paperboy-trends-2025-08-17.png");
      expect(out.join("")).toContain(`wrote ${path}`);
      expectChart(readFileSync(path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      h.engine.close();
    }
  });
});
