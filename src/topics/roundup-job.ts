/**
 * A roundup's heavy part as one self-contained job: choose the papers to group (all of a day, or
 * its most upvoted when there are too many), read them, group them into topics, summarize each
 * topic's first papers and write each paper's roundup line (its title as displayed, its key, the
 * TL;DR where one is shown). The same function runs inline (one-shot commands, in-memory
 * archives) and in a worker thread over its own read-only connection to the archive (`serve`, on
 * SQLite and PostgreSQL), so the main thread neither reads a large day, nor groups it, nor
 * cleans up 500 titles: it only picks lines and renders them.
 */
import type { PaperStore } from "../archive/papers.js";
import { displayText } from "../summary/latex.js";
import { type Summary, summarize } from "../summary/summarize.js";
import type { Paper } from "../types.js";
import { MAX_GROUPED_PAPERS } from "./capped.js";
import { groupTopics, type Topic, type TopicInput } from "./topics.js";

/**
 * Papers per topic the job also summarizes: the most a roundup shows with a TL;DR
 * (ROUNDUP_TLDRS_PER_TOPIC, a test holds the two together), so building the reply computes none.
 */
export const SUMMARIZED_PER_TOPIC = 2;

export interface RoundupJob {
  date: string;
  /** Last day of a range. */
  until?: string;
  /** At most this many papers are grouped; default MAX_GROUPED_PAPERS. */
  limit?: number;
}

/** How a grouped paper reads in a roundup, computed by the job. */
export interface RoundupLine {
  /** The archive's key: marking and ordering a roundup then look nothing up. */
  pk: number;
  /** The title as displayed (LaTeX and spacing artefacts cleaned up). */
  title: string;
  /** For the papers the job summarized (each topic's first). */
  tldr?: string;
}

export interface RoundupJobResult {
  /** Papers of the day (or range) in all. */
  total: number;
  /** The grouped papers by primary key, in the archive's order. */
  papers: [number, Paper][];
  topics: Topic[];
  /** The summaries of each topic's first papers, by primary key. */
  summaries: [number, Summary][];
  /** Each grouped paper's line, by paper id. */
  lines: [string, RoundupLine][];
}

export function runRoundupJob(job: RoundupJob, store: PaperStore): RoundupJobResult {
  const span = { date: job.date, ...(job.until ? { until: job.until } : {}) };
  const { pks, total } = store.roundupPks(span, job.limit ?? MAX_GROUPED_PAPERS);
  const papers = store.byPks(pks);
  const inputs: TopicInput[] = papers.map((p, i) => ({
    pk: pks[i] as number,
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    summary: p.sourceSummary,
    upvotes: p.upvotes,
    hasCode: p.code.length > 0,
  }));
  const topics = inputs.length ? groupTopics(inputs) : [];
  const byPk = new Map(inputs.map((p) => [p.pk, p]));
  const summaries: [number, Summary][] = [];
  const tldrs = new Map<number, string>();
  for (const t of topics) {
    for (const pk of t.pks.slice(0, SUMMARIZED_PER_TOPIC)) {
      const p = byPk.get(pk);
      if (!p) continue;
      const summary = summarize(p.title, p.abstract);
      summaries.push([pk, summary]);
      tldrs.set(pk, summary.tldr);
    }
  }
  const lines = papers.map((p, i): [string, RoundupLine] => {
    const pk = pks[i] as number;
    const tldr = tldrs.get(pk);
    return [p.id, { pk, title: displayText(p.title), ...(tldr !== undefined ? { tldr } : {}) }];
  });
  return { total, papers: papers.map((p, i) => [pks[i] as number, p]), topics, summaries, lines };
}
