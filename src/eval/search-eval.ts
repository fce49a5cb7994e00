/**
 * The search part of `eval`: every paper of the data and corpus files is indexed (abstract only:
 * SciTLDR has no titles or authors), each data paper's first gold summary is a query, and that
 * paper is its one right answer. paperboy's row runs the product's own analysis, query planning
 * and scorer; baseline rows run MiniSearch's own `search()`.
 */
import MiniSearch from "minisearch";
import { PaperIndex } from "../search/paper-index.js";
import { planQuery } from "../search/query-plan.js";
import { analyzeTexts, rankQuery } from "../search/rank.js";
import { RANKING, type RankingConfig } from "../search/ranking.js";
import { SEMANTIC_SAMPLE, SemanticSpace, samplePositions } from "../search/semantic.js";
import { analyze } from "../search/tokenizer.js";
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

interface Corpus {
  abstracts: string[];
  /** Per query: its text and the 0-based corpus position of its one right answer. */
  queries: { text: string; answer: number }[];
}

function corpusOf(data: readonly EvalPaper[], extra: readonly EvalPaper[]): Corpus {
  const position = new Map<string, number>();
  const abstracts: string[] = [];
  for (const p of [...data, ...extra]) {
    if (position.has(p.paperId)) continue;
    position.set(p.paperId, abstracts.length);
    abstracts.push(p.source.join(" "));
  }
  const queries = data.map((p) => ({
    text: p.target[0] as string,
    answer: position.get(p.paperId) as number,
  }));
  return { abstracts, queries };
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

/** The product's index over the abstracts; pk = corpus position + 1. */
export function buildEvalIndex(abstracts: readonly string[]): PaperIndex {
  const index = PaperIndex.empty();
  abstracts.forEach((abstract, i) => {
    index.upsert({ pk: i + 1, title: "", abstract, authors: "", date: "", hasCode: false });
  });
  // The product searches a compacted index (what its file holds); so does the eval.
  index.compact();
  return index;
}

/** The semantic space the product would fit on this corpus (the same sample, the same options). */
export function fitEvalSemantic(abstracts: readonly string[]): SemanticSpace | null {
  const sample = samplePositions(abstracts.length, SEMANTIC_SAMPLE).map((i) => analyze(abstracts[i] ?? ""));
  return SemanticSpace.fit(sample, {}, abstracts.length);
}

export function paperboyRanks(
  index: PaperIndex,
  abstracts: readonly string[],
  queries: Corpus["queries"],
  ranking: RankingConfig = RANKING,
  semantic: SemanticSpace | null = null,
): number[] {
  const textsByPk = (pks: readonly number[]) => {
    const out = new Map<number, string>();
    for (const pk of pks) out.set(pk, abstracts[pk - 1] ?? "");
    return out;
  };
  const candidates = analyzeTexts(textsByPk, semantic);
  return queries.map((q) => {
    const plan = planQuery(index, q.text, ranking);
    const { hits } = rankQuery(index, plan, ranking, 10, {}, candidates, semantic);
    const at = hits.findIndex((h) => index.pkOf(h.sid) === q.answer + 1);
    return at + 1;
  });
}

function miniSearchRanks(
  abstracts: readonly string[],
  queries: Corpus["queries"],
  analyzed: boolean,
): number[] {
  const mini = new MiniSearch<{ pk: number; title: string; abstract: string }>({
    idField: "pk",
    fields: ["title", "abstract"],
    ...(analyzed ? { tokenize: (t: string) => analyze(t), processTerm: (t: string) => t } : {}),
  });
  mini.addAll(abstracts.map((abstract, i) => ({ pk: i + 1, title: "", abstract })));
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
  const index = buildEvalIndex(corpus.abstracts);
  const result: SearchEvalResult = {
    papers: corpus.abstracts.length,
    queries: corpus.queries.length,
    paperboy: scoresFromRanks(
      paperboyRanks(
        index,
        corpus.abstracts,
        corpus.queries,
        options.ranking,
        fitEvalSemantic(corpus.abstracts),
      ),
    ),
    baselines: {},
  };
  if (options.baselines !== false) {
    result.baselines["minisearch-defaults"] = scoresFromRanks(
      miniSearchRanks(corpus.abstracts, corpus.queries, false),
    );
    result.baselines["minisearch-stopwords-porter"] = scoresFromRanks(
      miniSearchRanks(corpus.abstracts, corpus.queries, true),
    );
  }
  return result;
}

export { corpusOf };
