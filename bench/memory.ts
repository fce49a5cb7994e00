/**
 * Team-memory benchmark: the chat commands `note`, `queue` (add, claim, list), `notes` and `show`
 * (a card with its memory) through the whole bot pipeline, on an archive of 100k papers and 10k
 * notes; and `export week` of a 350-paper week (5 digest days of 70), cold and warm.
 *   npx tsx bench/memory.ts           (BENCH_PAPERS=20000 for a quick run)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/archive/db.js";
import { NoteStore } from "../src/archive/notes.js";
import { PaperStore } from "../src/archive/papers.js";
import { QueueStore } from "../src/archive/reading-queue.js";
import { ThreadStore } from "../src/archive/threads.js";
import { Bot } from "../src/bot/bot.js";
import type { Context } from "../src/bot/context.js";
import type { FileReply } from "../src/bot/replies.js";
import { ManualClock } from "../src/clock.js";
import { silentLogger } from "../src/logger.js";
import { Paperboy } from "../src/paperboy.js";
import { dayDate, loadPools, seeded, syntheticDay } from "./lib/corpus.js";

const PER_DAY = 70;
const NOTES = 10_000;
const RUNS = 200;
const TARGET_MS = 20;
const EXPORT_TARGET_MS = 1000;

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
function pct(times: number[], p: number): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}
function line(label: string, value: string, target?: string): void {
  console.log(`  ${label.padEnd(56)} ${value.padStart(22)}${target ? `   (target ${target})` : ""}`);
}

export async function runMemoryBench(): Promise<void> {
  const papers = Number(process.env.BENCH_PAPERS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), "paperboy-bench-memory-"));
  const dbPath = join(dir, "archive.db");
  try {
    const clock = new ManualClock("2026-02-01T09:00:00Z");
    const t0 = performance.now();
    const days = Math.ceil(papers / PER_DAY);
    {
      const db = openDatabase(dbPath);
      const store = new PaperStore(db, clock);
      const pools = loadPools();
      for (let day = 0; day < days; day++)
        store.storeDay({
          date: dayDate(day),
          source: "bench",
          format: "jsonl",
          papers: syntheticDay(pools, day, Math.min(PER_DAY, papers - day * PER_DAY)),
        });
      // 10k notes over 10 channels (half of them in the measured one), 500 threads, 1,000 queued.
      const notes = new NoteStore(db, clock);
      const queue = new QueueStore(db, clock);
      const threads = new ThreadStore(db, clock);
      const rand = seeded(5);
      const ids = (db.prepare("SELECT id FROM papers ORDER BY pk").all() as { id: string }[]).map(
        (r) => r.id,
      );
      const pick = () => ids[Math.floor(rand() * ids.length)] as string;
      db.transaction(() => {
        for (let n = 0; n < NOTES; n++) {
          const channel = n % 2 === 0 ? "C-BENCH" : `C-${n % 9}`;
          notes.add({
            paperId: pick(),
            platform: "test",
            workspace: "W1",
            channel,
            author: `U${n % 17}`,
            text: `note ${n}: the ablation in section ${n % 7} looks thin; compare with the baseline of table ${n % 5}`,
          });
        }
        for (let n = 0; n < 500; n++) {
          const pk = (db.prepare("SELECT pk FROM papers WHERE id = ?").get(pick()) as { pk: number }).pk;
          threads.open({
            platform: "test",
            workspace: "W1",
            channel: "C-BENCH",
            thread: `t${n}`,
            paperPk: pk,
            createdBy: "U1",
          });
          threads.addMessage(
            { platform: "test", channel: "C-BENCH", thread: `t${n}` },
            { author: "U1", role: "user", text: "what is new?" },
          );
        }
        for (let n = 0; n < 1000; n++)
          queue.add({ platform: "test", workspace: "W1", channel: "C-BENCH" }, pick(), { id: "U1" });
      })();
      db.close();
    }
    const built = performance.now() - t0;

    const engine = Paperboy.open({ dbPath, clock, logger: silentLogger(), indexPath: null });
    const unlimited = { capacity: 1e9, refillPerMinute: 1e9 };
    const bot = new Bot(engine, {
      clock,
      logger: silentLogger(),
      rateLimits: { perUser: unlimited, perChannel: unlimited },
    });
    const ctx = (user = "U1"): Context => ({
      platform: "test",
      workspace: "W1",
      channel: "C-BENCH",
      user,
      at: clock.now(),
      addressed: true,
    });
    const allIds = engine.papers.dayPks(dayDate(days - 1)).length
      ? engine.papersAt(engine.papers.pksInRange(dayDate(0), dayDate(days - 1)).slice(-5000)).map((p) => p.id)
      : [];
    const timeCommand = async (make: (k: number) => string, user?: (k: number) => string) => {
      const times: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        const text = make(k);
        const s = performance.now();
        const out = await bot.handle(text, ctx(user?.(k)));
        times.push(performance.now() - s);
        if (out[0]?.kind === "notice" && out[0].level === "error") throw new Error(`${text}: ${out[0].text}`);
      }
      return { p50: pct(times, 50), p95: pct(times, 95) };
    };
    const notesCount = (engine.db.prepare("SELECT COUNT(*) AS n FROM notes").get() as { n: number }).n;
    console.log(
      `archive: ${engine.papers.count().toLocaleString("en")} papers, ${notesCount.toLocaleString("en")} notes (half in the measured channel), 500 threads, 1,000 queued; built in ${ms(built)}; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
    );
    console.log(`chat commands through Bot.handle, ${RUNS} runs each (p50 / p95):`);
    const report = (label: string, r: { p50: number; p95: number }) =>
      line(label, `${ms(r.p50)} / ${ms(r.p95)}`, `< ${TARGET_MS} ms: ${r.p95 < TARGET_MS ? "ok" : "MISSED"}`);
    report("note <id> <text>", await timeCommand((k) => `note ${allIds[k]} a bench note number ${k}`));
    report("queue add <id>", await timeCommand((k) => `queue add ${allIds[1000 + k]}`));
    report(
      "queue claim <id>",
      await timeCommand(
        (k) => `queue claim ${allIds[1000 + k]}`,
        (k) => `U${k}`,
      ),
    );
    report("queue (the list: ~1,200 open)", await timeCommand(() => "queue"));
    report("notes (the channel's, 5,200)", await timeCommand(() => "notes"));
    report("notes <id>", await timeCommand((k) => `notes ${allIds[k]}`));
    const show = await timeCommand((k) => `show ${allIds[k]}`);
    line("show <id> (card with memory; informational)", `${ms(show.p50)} / ${ms(show.p95)}`);

    // A week of 5 full digest days of 70 (350 papers), with notes on some of them.
    const week = Array.from({ length: 5 }, (_, k) => dayDate(days - 6 + k));
    const weekPapers = week.flatMap((d) => engine.papers.day(d).map((p) => p.id));
    for (const id of weekPapers.slice(0, 40)) await bot.handle(`note ${id} worth a look`, ctx());
    const exportOnce = async () => {
      const s = performance.now();
      const [reply] = (await bot.handle(`export week ${week.at(-1)}`, ctx())) as FileReply[];
      const t = performance.now() - s;
      if (reply?.kind !== "file") throw new Error(`export week: ${JSON.stringify(reply).slice(0, 200)}`);
      return { t, bytes: reply.files.reduce((n, f) => n + f.content.length, 0) };
    };
    const cold = await exportOnce();
    const warm: number[] = [];
    for (let k = 0; k < 5; k++) warm.push((await exportOnce()).t);
    line(
      `export week (${weekPapers.length} papers, Markdown + BibTeX, ${Math.round(cold.bytes / 1024)} KB), cold`,
      ms(cold.t),
      `< ${EXPORT_TARGET_MS} ms: ${cold.t < EXPORT_TARGET_MS ? "ok" : "MISSED"}`,
    );
    line("export week, warm (TL;DRs cached), p50 of 5", ms(pct(warm, 50)));
    engine.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runMemoryBench();
