/**
 * The search part of `eval`: every paper of the data and corpus files is indexed with its title
 * and abstract, as the product indexes them (SciTLDR has no authors), each data paper's first
 * gold summary is a query, and that paper is its one right answer. paperboy's row runs the
 * product's own analysis, query planning, scorer and re-ranker; baseline rows run MiniSearch's
 * own `search()` over the same titles and abstracts.
 */
import MiniSearch from "minisearch";
import { PaperIndex } from "../search/paper-index.js";
import { planQuery } from "../search/query-plan.js";
import { indexCandidates, indexVectors, rankQuery } from "../search/rank.js";
import { RANKING, type RankingConfig } from "../search/ranking.js";
import type { SemanticSpace } from "../search/semantic.js";
import { runSemanticJob, spaceOf } from "../search/semantic-job.js";
import { analyze } from "../text/analysis.js";
import type { EvalPaper } from "./data.js";

export interface SearchScores {
  mrr10: number;
  recall1: number;
  recall10: number;
}

export interface SearchEvalResult {
  /** Papers in the searched corpus. */
  papers: number;
  /** Queries asked (papers of the data files). */
  queries: number;
  paperboy: SearchScores;
  baselines: Record<string, SearchScores>;
}

/** One indexed paper of the eval corpus. */
export interface EvalDoc {
  title: string;
  abstract: string;
}

interface Corpus {
  docs: EvalDoc[];
  /** Each paper id's 0-based corpus position. */
  position: Map<string, number>;
  /** Per query: its text and the 0-based corpus position of its one right answer. */
  queries: { text: string; answer: number }[];
}

function corpusOf(data: readonly EvalPaper[], extra: readonly EvalPaper[]): Corpus {
  const position = new Map<string, number>();
  const docs: EvalDoc[] = [];
  for (const p of [...data, ...extra]) {
    if (position.has(p.paperId)) continue;
    position.set(p.paperId, docs.length);
    docs.push({ title: p.title, abstract: p.source.join(" ") });
  }
  const queries = data.map((p) => ({
    text: p.target[0] as string,
    answer: position.get(p.paperId) as number,
  }));
  return { docs, position, queries };
}

/** MRR@10, recall@1 and recall@10 from the 1-based rank of each right answer (0: not in the top 10). */
export function scoresFromRanks(ranks: readonly number[]): SearchScores {
  const n = ranks.length || 1;
  let rr = 0;
  let r1 = 0;
  let r10 = 0;
  for (const r of ranks) {
    if (r >= 1 && r <= 10) {
      rr += 1 / r;
      r10++;
      if (r === 1) r1++;
    }
  }
  const round = (x: number) => Math.round((x / n) * 10_000) / 10_000;
  return { mrr10: round(rr), recall1: round(r1), recall10: round(r10) };
}

/** The product's index over the papers; pk = corpus position + 1. */
export function buildEvalIndex(docs: readonly EvalDoc[]): PaperIndex {
  const index = PaperIndex.empty();
  docs.forEach(({ title, abstract }, i) => {
    index.upsert({ pk: i + 1, title, abstract, authors: "", date: "", hasCode: false });
  });
  // The product searches a compacted index (what its file holds); so does the eval.
  index.compact();
  return index;
}

/** The semantic space the product would fit on this index (the same job: sample, options, terms). */
export function fitEvalSemantic(index: PaperIndex): SemanticSpace | null {
  const out = runSemanticJob({ ...index.analyzed.snapshot(), revision: 0, path: null, returnVectors: false });
  return out && spaceOf(out);
}

export function paperboyRanks(
  index: PaperIndex,
  queries: Corpus["queries"],
  ranking: RankingConfig = RANKING,
  semantic: SemanticSpace | null = null,
): number[] {
  const candidates = indexCandidates(index, semantic);
  const vectors = indexVectors(index, semantic);
  return queries.map((q) => {
    const plan = planQuery(index, q.text, ranking);
    const { hits } = rankQuery(index, plan, ranking, 10, {}, candidates, semantic, vectors);
    const at = hits.findIndex((h) => index.pkOf(h.sid) === q.answer + 1);
    return at + 1;
  });
}

function miniSearchRanks(docs: readonly EvalDoc[], queries: Corpus["queries"], analyzed: boolean): number[] {
  const mini = new MiniSearch<{ pk: number; title: string; abstract: string }>({
    idField: "pk",
    fields: ["title", "abstract"],
    ...(analyzed ? { tokenize: (t: string) => analyze(t), processTerm: (t: string) => t } : {}),
  });
  mini.addAll(docs.map(({ title, abstract }, i) => ({ pk: i + 1, title, abstract })));
  return queries.map((q) => {
    const results = mini.search(q.text).slice(0, 10);
    return results.findIndex((r) => r.id === q.answer + 1) + 1;
  });
}

export function evaluateSearch(
  data: readonly EvalPaper[],
  extra: readonly EvalPaper[] = [],
  options: { ranking?: RankingConfig; baselines?: boolean } = {},
): SearchEvalResult {
  const corpus = corpusOf(data, extra);
  const index = buildEvalIndex(corpus.docs);
  const result: SearchEvalResult = {
    papers: corpus.docs.length,
    queries: corpus.queries.length,
    paperboy: scoresFromRanks(paperboyRanks(index, corpus.queries, options.ranking, fitEvalSemantic(index))),
    baselines: {},
  };
  if (options.baselines !== false) {
    result.baselines["minisearch-defaults"] = scoresFromRanks(
      miniSearchRanks(corpus.docs, corpus.queries, false),
    );
    result.baselines["minisearch-stopwords-porter"] = scoresFromRanks(
      miniSearchRanks(corpus.docs, corpus.queries, true),
    );
  }
  return result;
}

export { corpusOf };
