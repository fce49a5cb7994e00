/**
 * How good "related papers" are, against topic gold days (a reader's grouping of one day's
 * papers by what each is mainly about; see the topics eval data): a paper's related papers should
 * share its topic. Only papers of the gold day can be judged, so each paper's related list (over
 * the whole archive) is condensed to the papers of its day, a standard treatment of unjudged
 * results (Sakai 2007), and scored by average precision against the other papers of its topic
 * (MAP), precision at 3, and whether the first judged paper shares the topic. Papers of the
 * gold's "Other" group are no queries (they share no topic) but stay in the lists as wrong answers.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../errors.js";

const Gold = z.object({
  day: z.string(),
  topics: z.array(z.object({ label: z.string(), papers: z.array(z.string()).min(1) })).min(1),
});

export interface TopicGold {
  day: string;
  /** Paper id → its topic's index; "Other" papers map to -1. */
  topicOf: Map<string, number>;
}

export function readTopicGold(path: string): TopicGold {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new PaperboyError(
      ErrorCode.InvalidArgument,
      `cannot read topic gold: ${(err as Error).message}; expected {"day", "topics": [{"label", "papers": [id, ...]}]}`,
      { file: path },
    );
  }
  const r = Gold.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new PaperboyError(
      ErrorCode.InvalidArgument,
      `${issue?.path.join(".") || "file"} ${issue?.message ?? "is invalid"}; expected {"day", "topics": [{"label", "papers": [id, ...]}]}`,
      { file: path },
    );
  }
  const topicOf = new Map<string, number>();
  r.data.topics.forEach((t, i) => {
    const other = /^other$/i.test(t.label.trim());
    for (const id of t.papers) topicOf.set(id, other ? -1 : i);
  });
  return { day: r.data.day, topicOf };
}

export interface RelatedScores {
  /** Papers asked (those of a gold topic other than "Other"). */
  queries: number;
  /** Mean average precision of the condensed lists. */
  map: number;
  /** Share of the first 3 judged papers that share the topic. */
  precision3: number;
  /** Share of papers whose first judged related paper shares their topic. */
  first: number;
}

/**
 * Scores related lists. `relatedIds(id)` gives a paper's related papers over the whole archive,
 * best first (as many as the archive allows); ids of other days are passed over.
 */
export function scoreRelated(
  golds: readonly TopicGold[],
  relatedIds: (id: string) => string[],
): RelatedScores {
  let queries = 0;
  let apSum = 0;
  let p3Sum = 0;
  let firstSum = 0;
  for (const gold of golds) {
    for (const [id, topic] of gold.topicOf) {
      if (topic < 0) continue;
      let relevant = 0;
      for (const [other, t] of gold.topicOf) if (other !== id && t === topic) relevant++;
      if (relevant === 0) continue;
      queries++;
      const judged = relatedIds(id).filter((r) => r !== id && gold.topicOf.has(r));
      let hits = 0;
      let ap = 0;
      judged.forEach((r, i) => {
        if (gold.topicOf.get(r) !== topic) return;
        hits++;
        ap += hits / (i + 1);
      });
      apSum += ap / relevant;
      p3Sum += judged.slice(0, 3).filter((r) => gold.topicOf.get(r) === topic).length / 3;
      firstSum += judged[0] !== undefined && gold.topicOf.get(judged[0]) === topic ? 1 : 0;
    }
  }
  const n = queries || 1;
  const round = (x: number) => Math.round((x / n) * 10_000) / 10_000;
  return { queries, map: round(apSum), precision3: round(p3Sum), first: round(firstSum) };
}
