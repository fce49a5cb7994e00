/**
 * Scoring topic groupings against a person's grouping of a day (the gold files of
 * `test/fixtures/eval/topics/`, or any folder of `<day>.gold.json` with the digests beside):
 * ARI and NMI over the day's papers, "Other" one group like any topic, as the gold's README says.
 * Methods compared: paperboy's grouping, plain k-means and the grouping before issue 17.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHfApi } from "../../src/digest/parse-hf-api.js";
import { groupTopics, type TopicInput } from "../../src/topics/topics.js";
import { adjustedRandIndex, normalizedMutualInformation } from "./partition-agreement.js";
import { type BaselineGrouping, plainKmeans, previousGrouping } from "./previous-topics/grouping.js";

export const FIXTURES = fileURLToPath(new URL("../../test/fixtures/", import.meta.url));
export const GOLD_DIR = `${FIXTURES}eval/topics/`;
export const DIGEST_DIR = `${FIXTURES}digests/`;

export interface GoldDay {
  day: string;
  /** The day's papers as the archive holds them (from the API form: with the source's summary). */
  papers: (TopicInput & { summary: string | null })[];
  /** Paper id → gold topic label. */
  gold: Map<string, string>;
  topicCount: number;
}

/** Gold files: one file, or every `*.gold.json` of a folder, sorted by day. */
export function goldFiles(path = GOLD_DIR): string[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith(".gold.json"))
      .sort()
      .map((f) => join(path, f));
  }
  return [path];
}

export function loadGoldDay(goldFile: string, digestDir = DIGEST_DIR): GoldDay {
  const gold = JSON.parse(readFileSync(goldFile, "utf8")) as {
    day?: string;
    topics: { label: string; papers: string[] }[];
  };
  const day = gold.day ?? basename(goldFile).replace(/\.gold\.json$/, "");
  const api = join(digestDir, `${day}.hf-api.json`);
  if (!existsSync(api)) throw new Error(`${goldFile}: no digest ${api} for its papers (pass --digests DIR)`);
  const parsed = parseHfApi(readFileSync(api, "utf8"), api);
  const goldOf = new Map<string, string>();
  for (const t of gold.topics) for (const id of t.papers) goldOf.set(id, t.label);
  const papers = parsed.papers.map((p, i) => ({
    pk: i + 1,
    id: p.arxivId ?? `entry-${i}`,
    title: p.title,
    abstract: p.abstract,
    summary: p.sourceSummary,
  }));
  const missing = [...goldOf.keys()].filter((id) => !papers.some((p) => p.id === id));
  if (missing.length)
    throw new Error(`${goldFile}: ${missing.length} gold papers not in ${api}: ${missing.join(", ")}`);
  return {
    day,
    papers: papers.filter((p) => goldOf.has(p.id)),
    gold: goldOf,
    topicCount: gold.topics.length,
  };
}

export interface Agreement {
  ari: number;
  nmi: number;
  /** Group sizes, "O" before Other's. */
  sizes: string;
}

/** Agreement of a grouping (groups of indices into `day.papers`, and Other) with the gold. */
export function agreement(day: GoldDay, grouping: BaselineGrouping): Agreement {
  const mine = new Map<string, string>();
  grouping.groups.forEach((g, k) => {
    for (const i of g) mine.set(day.papers[i]?.id as string, `t${k}`);
  });
  for (const i of grouping.other) mine.set(day.papers[i]?.id as string, "other");
  const ids = [...day.gold.keys()].sort();
  const unplaced = ids.filter((id) => !mine.has(id));
  if (unplaced.length) throw new Error(`${day.day}: ${unplaced.length} papers placed nowhere`);
  const a = ids.map((id) => day.gold.get(id) as string);
  const b = ids.map((id) => mine.get(id) as string);
  const sizes = [
    ...grouping.groups.map((g) => String(g.length)),
    ...(grouping.other.length ? [`O${grouping.other.length}`] : []),
  ];
  return { ari: adjustedRandIndex(a, b), nmi: normalizedMutualInformation(a, b), sizes: sizes.join("/") };
}

export type Method = (day: GoldDay) => BaselineGrouping;

/** paperboy's grouping; `summaries: false` drops the source's summary (a page-form day). */
export function paperboyMethod(summaries: boolean): Method {
  return (day) => {
    const input = day.papers.map((p) => (summaries ? p : { ...p, summary: null }));
    const topics = groupTopics(input);
    const index = new Map(day.papers.map((p, i) => [p.pk, i]));
    return {
      groups: topics.filter((t) => !t.other).map((t) => t.pks.map((pk) => index.get(pk) as number)),
      other: topics.filter((t) => t.other).flatMap((t) => t.pks.map((pk) => index.get(pk) as number)),
    };
  };
}

export const METHODS: [string, Method][] = [
  ["paperboy (API form: with the source's summary)", paperboyMethod(true)],
  ["paperboy (page form: title and abstract only)", paperboyMethod(false)],
  ["plain k-means (TF-IDF, k = the gold's topic count)", (day) => plainKmeans(day.papers, day.topicCount)],
  ["previous method (before issue 17)", (day) => previousGrouping(day.papers)],
];

/** One line per method and day, then each method's mean ARI and NMI. */
export function agreementTable(days: readonly GoldDay[], methods = METHODS): string[] {
  const lines = [
    `${days.length} gold days: ${days.map((d) => `${d.day} (${d.papers.length} papers, ${d.topicCount} topics)`).join(", ")}`,
  ];
  for (const [name, method] of methods) {
    lines.push(`${name}:`);
    let ari = 0;
    let nmi = 0;
    for (const day of days) {
      const a = agreement(day, method(day));
      ari += a.ari;
      nmi += a.nmi;
      lines.push(`  ${day.day}: ARI ${a.ari.toFixed(3)}  NMI ${a.nmi.toFixed(3)}  (${a.sizes})`);
    }
    lines.push(`  mean: ARI ${(ari / days.length).toFixed(3)}  NMI ${(nmi / days.length).toFixed(3)}`);
  }
  return lines;
}
