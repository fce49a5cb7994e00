/**
 * Questions about a paper (`ask`): speed and quality.
 * - Speed: milliseconds per answer on the fixture abstracts of 250 words and more (each asked a
 *   dozen kinds of question), on a 200 KB abstract, and for a 10 KB question (refused) and a
 *   2,000-character one (answered). Budgets: < 10 ms p95 an answer; < 50 ms for the extremes.
 *   Every call is timed as the first question on its paper (the papers read are forgotten before
 *   it); a further question in a thread, on a paper already read, is timed apart.
 * - Quality: the per-intent tables of the tuning question set and of the two held-out ones
 *   (totals only: a held-out set's misses are never printed).
 * Run alone with `npx tsx bench/ask.ts`, or from `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type AnswerInput, answerQuestion } from "../src/ask/answer.js";
import { forgetReadPapers } from "../src/ask/passages.js";
import {
  loadQuestions,
  paperOf,
  QUESTION_FILES,
  questionArchive,
  SET_ASIDE,
  score,
  table,
} from "../test/ask/question-set.js";
import { FIXTURE_DAYS, fixtureDay } from "./lib/understanding-corpus.js";

const ANSWER_BUDGET_MS = 10;
const EXTREME_BUDGET_MS = 50;
const ROUNDS = 5;

const QUESTIONS = [
  "what do they propose?",
  "what problem does it address?",
  "how does it work?",
  "what are the results?",
  "how much faster is it?",
  "which datasets do they use?",
  "how many GPUs do they use?",
  "what are the limitations?",
  "so does it beat GPT-4 or not?",
  "why does it work?",
  "where's the code?",
  "what's new here?",
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Wall-clock and CPU milliseconds of each call, each list sorted. */
function timeCalls(
  calls: readonly (() => unknown)[],
  rounds: number,
  cold = true,
): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const call of calls) {
      if (cold) forgetReadPapers();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      try {
        call();
      } catch {
        // a refused question is timed like an answered one
      }
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

function figures(times: readonly number[]): string {
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return `mean ${mean.toFixed(3)}  p50 ${percentile(times, 50).toFixed(3)}  p95 ${percentile(times, 95).toFixed(3)}  max ${(times[times.length - 1] as number).toFixed(3)} ms`;
}

// Wall-clock time on a shared machine includes time the process was not running; CPU time does
// not. The verdict uses CPU p95.
function report(label: string, t: { wall: number[]; cpu: number[] }, budget: number): void {
  const verdict = percentile(t.cpu, 95) < budget ? "within" : "OVER";
  console.log(`ask: ${label} (n=${t.wall.length}; ${verdict} the ${budget} ms budget)`);
  console.log(`  wall ${figures(t.wall)}`);
  console.log(`  cpu  ${figures(t.cpu)}`);
}

function input(p: { title: string; abstract: string }): AnswerInput {
  return { title: p.title, abstract: p.abstract, links: [], code: [], sourceSummary: null };
}

export async function runAskBench(): Promise<void> {
  const papers = FIXTURE_DAYS.flatMap((d) => fixtureDay(d));
  const long = papers.filter((p) => p.abstract.split(/\s+/).length >= 250).map(input);
  const words = long.map((p) => p.abstract.split(/\s+/).length);
  const calls = long.flatMap((p) => QUESTIONS.map((q) => () => answerQuestion(p, q)));
  timeCalls(calls, 1); // warm-up: compiles the code paths and loads the role model
  report(
    `an answer on ${long.length} abstracts of ${Math.min(...words)}–${Math.max(...words)} words × ${QUESTIONS.length} questions`,
    timeCalls(calls, ROUNDS),
    ANSWER_BUDGET_MS,
  );

  report(
    "a further question on a paper already read (a thread), same abstracts and questions",
    timeCalls(calls, ROUNDS, false),
    ANSWER_BUDGET_MS,
  );

  const big = readFileSync(
    fileURLToPath(new URL("../test/fixtures/digests/hostile/oversized.txt", import.meta.url)),
    "utf8",
  );
  const huge = input({ title: "Oversized", abstract: big });
  report(
    `a question on a ${(big.length / 1024).toFixed(0)} KB abstract`,
    timeCalls(
      QUESTIONS.slice(0, 4).map((q) => () => answerQuestion(huge, q)),
      5,
    ),
    EXTREME_BUDGET_MS,
  );
  report(
    `a further question on the ${(big.length / 1024).toFixed(0)} KB abstract, already read`,
    timeCalls(
      QUESTIONS.slice(0, 4).map((q) => () => answerQuestion(huge, q)),
      5,
      false,
    ),
    EXTREME_BUDGET_MS,
  );
  const paper = long[0] as AnswerInput;
  const tenKb = "how much faster is it on which hardware and which datasets? ".repeat(180).slice(0, 10_240);
  report(
    "a 10 KB question (refused: over the 2,000-character limit)",
    timeCalls([() => answerQuestion(paper, tenKb)], 50),
    EXTREME_BUDGET_MS,
  );
  report(
    "a 2,000-character question (answered)",
    timeCalls([() => answerQuestion(paper, tenKb.slice(0, 2000))], 50),
    EXTREME_BUDGET_MS,
  );

  const engine = questionArchive();
  try {
    // Every set already fitted on; the set kept aside is scored only blind and final (report.ts).
    for (const file of QUESTION_FILES.filter((f) => f !== SET_ASIDE)) {
      const name = file === "questions.json" ? "tuning set" : file.replace(/^questions-|\.json$/g, "");
      const questions = loadQuestions(file);
      const report = score(questions, (q) => {
        const { answer } = engine.ask(paperOf(engine, q).id, q.question);
        return { text: answer.text, evidence: answer.evidence, stated: answer.stated };
      });
      console.log(
        `\nask quality, ${name} (${questions.length} questions on the shared digests):\n${table(report)}`,
      );
    }
  } finally {
    engine.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runAskBench();
