/** Many digest days from the fixture days: same texts, new ids and dates (for crash and load tests). */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addDays } from "../../src/clock.js";
import { DIGESTS, SAMPLE_DAYS } from "./fixtures.js";

interface HfEntry {
  paper: { id: string; title: string; summary: string; publishedAt?: string; [k: string]: unknown };
  publishedAt?: string;
  [k: string]: unknown;
}

/** Writes `count` hf-api day files into `dir`; returns their dates and paper counts. */
export function writeSyntheticDays(
  dir: string,
  count: number,
  firstDate = "2027-01-01",
): { date: string; papers: number; file: string }[] {
  mkdirSync(dir, { recursive: true });
  const sources = SAMPLE_DAYS.map(
    (d) => JSON.parse(readFileSync(`${DIGESTS}${d}.hf-api.json`, "utf8")) as HfEntry[],
  );
  const out: { date: string; papers: number; file: string }[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(firstDate, i);
    const src = sources[i % sources.length] as HfEntry[];
    const entries = src.map((e, k) => {
      const id = `27${String(i).padStart(2, "0")}.${String(k).padStart(5, "0")}`;
      const publishedAt = `${date}T00:00:00.000Z`;
      return {
        ...e,
        publishedAt,
        paper: { ...e.paper, id, title: `${e.paper.title} (day ${i})`, publishedAt },
      };
    });
    const file = join(dir, `${date}.hf-api.json`);
    writeFileSync(file, JSON.stringify(entries));
    out.push({ date, papers: entries.length, file });
  }
  return out;
}

/**
 * One digest day of `count` papers (hf-api form), made of the fixture days' entries with new ids,
 * titles and upvotes: a day far larger than any real one (tests and bench:ops of large days).
 */
export function writeLargeDay(dir: string, date: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  const pool = SAMPLE_DAYS.flatMap(
    (d) => JSON.parse(readFileSync(`${DIGESTS}${d}.hf-api.json`, "utf8")) as HfEntry[],
  );
  const entries = Array.from({ length: count }, (_, k) => {
    const e = pool[k % pool.length] as HfEntry;
    const id = `28${String(Math.floor(k / 100000)).padStart(2, "0")}.${String(k % 100000).padStart(5, "0")}`;
    const publishedAt = `${date}T00:00:00.000Z`;
    return {
      ...e,
      publishedAt,
      paper: { ...e.paper, id, title: `${e.paper.title} (${k})`, publishedAt, upvotes: (k * 7919) % 1000 },
    };
  });
  const file = join(dir, `${date}.hf-api.json`);
  writeFileSync(file, JSON.stringify(entries));
  return file;
}
