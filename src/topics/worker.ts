/**
 * The worker thread of a roundup (in-worker.ts): groups the papers it is given into topics, and
 * summarizes the first papers of each topic (those a roundup shows with a TL;DR), so neither
 * costs the main thread. It runs with a memory limit; the main thread keeps answering meanwhile.
 */
import { parentPort, workerData } from "node:worker_threads";
import { summarize } from "../summary/summarize.js";
import { SUMMARIZED_PER_TOPIC, type TopicsResult } from "./in-worker.js";
import { groupTopics, type TopicInput } from "./topics.js";

const inputs = workerData as TopicInput[];
const topics = groupTopics(inputs);
const byPk = new Map(inputs.map((p) => [p.pk, p]));
const summaries: TopicsResult["summaries"] = [];
for (const t of topics) {
  for (const pk of t.pks.slice(0, SUMMARIZED_PER_TOPIC)) {
    const p = byPk.get(pk);
    if (p) summaries.push([pk, summarize(p.title, p.abstract)]);
  }
}
parentPort?.postMessage({ topics, summaries } satisfies TopicsResult);
