/**
 * Search as people use it in chat: short queries (a system's name joined, split, in part or
 * misspelled; a topic in other words; a remembered finding; a method and a task), each with the
 * one paper it means, asked of an archive through the product's own `SearchService` (planning,
 * first stage, re-ranker, fallbacks), and beside it MiniSearch with stopwords and Porter stems
 * (titles and abstracts, no boost) over the same papers. Scores are given overall, per kind and
 * per set (a set kept aside is never tuned on), always with the archive's size.
 */
import MiniSearch from "minisearch";
import { z } from "zod";
import type { PaperStore } from "../archive/papers.js";
import { ErrorCode, PaperboyError } from "../errors.js";
import type { SearchService } from "../search/service.js";
import { analyze } from "../text/analysis.js";
import { readJsonLines } from "./jsonl.js";
import { type SearchScores, scoresFromRanks } from "./search-eval.js";

export const QUERY_KINDS = ["name", "topic", "finding", "method-task"] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface ShortQuery {
  query: string;
  /** The id (or arXiv id) of the one paper the query means. */
  id: string;
  kind: QueryKind;
  /** Which part of the set: e.g. "tune" (tuned on) or "heldout" (never tuned on). */
  set: string;
  /** For names: how it was typed (joined, split, partial, misspelled, case). */
  form?: string;
}

const Line = z.object({
  query: z.string().min(1),
  id: z.string().min(1),
  kind: z.enum(QUERY_KINDS),
  set: z.string().min(1).default("all"),
  form: z.string().optional(),
});

export function readShortQueries(path: string): ShortQuery[] {
  return readJsonLines(path, {
    schema: Line,
    what: "the queries file",
    shape: `expected {"query", "id", "kind": ${QUERY_KINDS.join("|")}, "set"?}`,
  });
}

export interface ShortQueryScores extends SearchScores {
  queries: number;
}

export interface ShortQueryReport {
  /** Papers in the searched archive (the corpus size every figure is measured at). */
  papers: number;
  /** Per engine ("paperboy", "minisearch-stopwords-porter"), per group ("all", "set:…", "kind:…"). */
  engines: Record<string, Record<string, ShortQueryScores>>;
  /** Queries whose paper is not in the archive (left out of every figure). */
  missing: string[];
  /** paperboy's rank of each query's paper (0: not in the top 10), in file order. */
  ranks: { query: ShortQuery; paperboy: number; baseline: number }[];
}

/** A query's rank of its paper in the product's top 10 (0: not there). */
type Ranker = (text: string) => string[];

function productRanker(search: SearchService): Ranker {
  return (text) => {
    try {
      return search.search({ text, limit: 10 }).results.map((r) => r.id);
    } catch (err) {
      // A query the product refuses (only stopwords) finds nothing; any other error is a bug.
      if (err instanceof PaperboyError && err.code === ErrorCode.QueryInvalid) return [];
      throw err;
    }
  };
}

/** MiniSearch over the same papers: titles and abstracts, stopwords and Porter stems, no boost. */
function miniSearchRanker(store: PaperStore): Ranker {
  const mini = new MiniSearch<{ pk: number; title: string; abstract: string }>({
    idField: "pk",
    fields: ["title", "abstract"],
    tokenize: (t: string) => analyze(t),
    processTerm: (t: string) => t,
    autoVacuum: false,
  });
  const ids = new Map<number, string>();
  for (const p of store.iterateForIndex()) {
    ids.set(p.pk, p.id);
    mini.add({ pk: p.pk, title: p.title, abstract: p.abstract });
  }
  return (text) =>
    mini
      .search(text)
      .slice(0, 10)
      .map((r) => ids.get(r.id as number) as string);
}

export function evaluateShortQueries(
  store: PaperStore,
  search: SearchService,
  queries: readonly ShortQuery[],
): ShortQueryReport {
  const engines = { paperboy: productRanker(search), "minisearch-stopwords-porter": miniSearchRanker(store) };
  const missing: string[] = [];
  const asked: { query: ShortQuery; id: string }[] = [];
  for (const q of queries) {
    // The answer as the archive names it (an arXiv id with a version, an alias).
    const paper = store.get(q.id);
    if (paper) asked.push({ query: q, id: paper.id });
    else missing.push(q.id);
  }
  const rankOf = (ranker: Ranker, text: string, id: string) => ranker(text).indexOf(id) + 1;
  const ranks = asked.map(({ query, id }) => ({
    query,
    paperboy: rankOf(engines.paperboy, query.query, id),
    baseline: rankOf(engines["minisearch-stopwords-porter"], query.query, id),
  }));
  const groups = new Map<string, number[]>();
  const add = (group: string, i: number) => {
    const list = groups.get(group) ?? [];
    list.push(i);
    groups.set(group, list);
  };
  ranks.forEach(({ query }, i) => {
    add("all", i);
    add(`set:${query.set}`, i);
    add(`kind:${query.kind}`, i);
    add(`set:${query.set} kind:${query.kind}`, i);
  });
  const scored = (pick: (r: (typeof ranks)[number]) => number) => {
    const out: Record<string, ShortQueryScores> = {};
    for (const [group, members] of groups) {
      out[group] = {
        queries: members.length,
        ...scoresFromRanks(members.map((i) => pick(ranks[i] as never))),
      };
    }
    return out;
  };
  return {
    papers: store.count(),
    engines: {
      paperboy: scored((r) => r.paperboy),
      "minisearch-stopwords-porter": scored((r) => r.baseline),
    },
    missing,
    ranks,
  };
}
