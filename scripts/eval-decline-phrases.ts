/**
 * Lists every declined answer over the question sets that may be fitted on (QUESTION_FILES minus
 * SET_ASIDE), with its question, to judge how a decline names what is missing (docs/ask.md,
 * "Round 14: how a decline names what is missing"). Whether to decline is not this script's
 * business: only the wording of the declines is read.
 *
 *   npx tsx scripts/eval-decline-phrases.ts [--half dev|test|all] [--labels FILE]
 *
 * The questions are split by a fixed rule, a hash of the question text, into a dev half (read and
 * tuned on) and a test half (only labelled). With --labels the test half's labels are counted.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  loadQuestions,
  paperOf,
  QUESTION_FILES,
  type QuestionFile,
  questionArchive,
  SET_ASIDE,
} from "../test/ask/question-set.js";

const { values } = parseArgs({
  options: {
    half: { type: "string", default: "dev" },
    labels: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

/** FNV-1a of the question text: the same half on every run, blind to what the answer says. */
export function halfOf(question: string): "dev" | "test" {
  let h = 0x811c9dc5;
  for (const c of question) {
    h ^= c.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? "dev" : "test";
}

interface Decline {
  file: QuestionFile;
  question: string;
  text: string;
  half: "dev" | "test";
}

function declines(): Decline[] {
  const engine = questionArchive();
  const out: Decline[] = [];
  const seen = new Set<string>();
  for (const file of QUESTION_FILES) {
    if (file === SET_ASIDE) continue;
    for (const q of loadQuestions(file)) {
      const paper = paperOf(engine, q);
      const key = `${paper.id} ${q.question}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { answer } = engine.ask(paper.id, q.question);
      if (answer.stated || answer.refused) continue;
      out.push({ file, question: q.question, text: answer.text, half: halfOf(q.question) });
    }
  }
  engine.close();
  return out;
}

const rows = declines().filter((d) => values.half === "all" || d.half === values.half);
if (values.labels) {
  type Label = { question: string; file: string; label: string; first?: string; after?: string };
  const labels = (JSON.parse(readFileSync(values.labels, "utf8")) as { labels: Label[] }).labels;
  const byKey = new Map(labels.map((l) => [`${l.file} ${l.question}`, l]));
  // Labels before the change, after its first version and after the last, over this half's declines.
  for (const when of ["label", "first", "after"] as const) {
    const counts = new Map<string, number>();
    for (const d of rows) {
      const label = byKey.get(`${d.file} ${d.question}`)?.[when] ?? "unlabelled";
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    console.log(
      `${values.half} half, ${when === "label" ? "before" : when}: ${rows.length} declines`,
      Object.fromEntries(counts),
    );
  }
} else if (values.json) {
  console.log(JSON.stringify(rows, null, 1));
} else {
  for (const d of rows) console.log(`${d.file}\t${d.question}\t→ ${d.text}`);
  console.log(`${rows.length} declines (${values.half})`);
}
