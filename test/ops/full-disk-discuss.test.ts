/**
 * `discuss` on an archive that cannot store the thread (a full disk, a read-only remount): no
 * card is left in the channel whose thread would never be answered, the user is told why, and
 * /healthz is not ok until a write works again.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { healthReport } from "../../src/ops/health.js";
import { type Harness, SECRET, startHarness } from "../slack/harness.js";
import { sendToSlackApp, slashCommand } from "../support/slack-signing.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** SQLite may grow no more (what a full disk does to it), and the threads table's pages are full. */
function fillTheDisk(): void {
  const db = h.engine.db;
  const pages = (db.pragma("page_count") as { page_count: number }[])[0]!.page_count;
  db.pragma(`max_page_count = ${pages}`);
  const pk = (db.prepare("SELECT pk FROM papers LIMIT 1").get() as { pk: number }).pk;
  const insert = db.prepare(
    "INSERT INTO threads (platform, workspace, channel, thread, paper_pk, created_by, created_at) VALUES ('filler', '', 'F', ?, ?, 'x', 'x')",
  );
  // Large rows first, then ever smaller ones, until not even a short row fits.
  let full = false;
  for (const size of [400, 100, 20, 1]) {
    for (let i = 0; i < 100_000; i++) {
      try {
        insert.run(`filler-${size}-${i}-${"x".repeat(size)}`, pk);
      } catch (err) {
        expect((err as { code?: string }).code).toBe("SQLITE_FULL");
        full = true;
        break;
      }
    }
  }
  if (full) return;
  throw new Error("the archive never filled up");
}

async function discuss(channel: string, user: string) {
  const id = h.engine.papers.day("2025-08-12")[0]!.id;
  const handled = new Promise<void>((resolve) => h.adapter.once("handled", () => resolve()));
  const cmd = slashCommand(`discuss ${id}`, { responseUrl: h.api.responseUrl(channel), channel, user });
  expect((await sendToSlackApp(h.url, cmd, { secret: SECRET })).status).toBe(200);
  await handled;
}

const cardsIn = (channel: string) => h.api.posted(channel).filter((m) => !m.thread_ts);
const bindings = (channel: string) =>
  (
    h.engine.db
      .prepare("SELECT COUNT(*) AS n FROM threads WHERE channel = ? AND thread NOT LIKE 'reserved:%'")
      .get(channel) as { n: number }
  ).n;
const health = () => healthReport({ db: h.engine.db, adapters: [h.adapter] });

describe("discuss when the archive cannot store the thread", () => {
  it("a full disk: no card is posted, the user is told, /healthz is not ok until space is freed", async () => {
    expect(health().httpStatus).toBe(200);
    fillTheDisk();
    await discuss("C-FULL", "U1");
    expect(cardsIn("C-FULL")).toHaveLength(0);
    expect(bindings("C-FULL")).toBe(0);
    const told = h.api.calls.filter((c) => c.path === "/respond/C-FULL");
    expect(told.map((c) => c.body.text).join("\n")).toMatch(/disk is full/);
    const sick = health();
    expect(sick.httpStatus).toBe(503);
    expect(sick.body.reasons.join("\n")).toMatch(/^database: writes fail since .*disk is full/m);

    h.engine.db.pragma("max_page_count = 1073741823");
    await discuss("C-FULL", "U2");
    expect(cardsIn("C-FULL")).toHaveLength(1);
    expect(bindings("C-FULL")).toBe(1);
    expect(health().httpStatus).toBe(200);
  });

  it("the binding fails after the card is out (the archive went read-only): the card is taken back", async () => {
    // The moment Slack has accepted the card, the archive stops taking writes.
    h.api.on("call", (c: { method: string; body: { channel?: string; thread_ts?: string } }) => {
      if (c.method === "chat.postMessage" && c.body.channel === "C-RO" && !c.body.thread_ts)
        h.engine.db.pragma("query_only = ON");
    });
    await discuss("C-RO", "U1");
    expect(h.api.of("chat.postMessage").filter((c) => c.body.channel === "C-RO")).toHaveLength(1);
    expect(h.api.of("chat.delete")).toHaveLength(1);
    expect(cardsIn("C-RO")).toHaveLength(0);
    expect(
      h.api.calls
        .filter((c) => c.path === "/respond/C-RO")
        .map((c) => c.body.text)
        .join("\n"),
    ).toMatch(/read-only/);
    expect(health().httpStatus).toBe(503);
    h.engine.db.pragma("query_only = OFF");
  });
});
