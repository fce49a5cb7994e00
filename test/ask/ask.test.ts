import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/ask/answer.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, expectedDay, readFixture } from "../support/fixtures.js";

interface Question {
  id: string;
  question: string;
  expect: string | null;
}

const SET = JSON.parse(readFileSync(new URL("./questions.json", import.meta.url), "utf8")) as {
  questions: Question[];
};
const DAY = expectedDay("2026-02-03").papers;

function paper(id: string) {
  const p = DAY.find((x) => x.id === id);
  if (!p) throw new Error(`fixture has no paper ${id}`);
  return { title: p.title, abstract: p.abstract, links: [], code: [] };
}

describe("ask: answers from the paper's own text", () => {
  it(`answers at least 80% of the ${SET.questions.length} questions with the expected sentence, and never invents`, () => {
    expect(SET.questions.length).toBeGreaterThanOrEqual(30);
    let hits = 0;
    for (const q of SET.questions) {
      const p = paper(q.id);
      const a = answerQuestion(p, q.question);
      for (const s of a.evidence) expect(p.abstract).toContain(s);
      expect(a.evidence.length).toBeLessThanOrEqual(3);
      if (a.evidence.length === 0) expect(a.text).toMatch(/^The abstract does not say /);
      const expected = q.expect;
      if (expected === null ? a.evidence.length === 0 : a.evidence.some((s) => s.includes(expected))) hits++;
    }
    expect(hits / SET.questions.length).toBeGreaterThanOrEqual(0.8);
  });

  it("recognizes the common intents", () => {
    const p = paper("2602.01077");
    const intents = [
      ["What do they propose?", "proposal"],
      ["What problem does it address?", "problem"],
      ["How does it work?", "method"],
      ["How much faster is it?", "results"],
      ["Which datasets are used?", "datasets"],
      ["Where is the code?", "code"],
      ["What are the limitations?", "limitations"],
    ];
    for (const [q, intent] of intents) expect(answerQuestion(p, q as string).intent, q).toBe(intent);
  });

  it("answers a code question with the paper's code links", () => {
    const a = answerQuestion(
      {
        ...paper("2602.01077"),
        code: ["https://github.com/xie-lab-ml/piecewise-sparse-attention"],
        links: [],
      },
      "where can I get the code?",
    );
    expect(a.text).toBe("Code: https://github.com/xie-lab-ml/piecewise-sparse-attention");
  });

  it("bad input: no abstract, one sentence, 200 KB, LaTeX, another language, 10 KB question", () => {
    const none = answerQuestion({ title: "T", abstract: "", links: [], code: [] }, "what are the results?");
    expect(none.evidence).toEqual([]);
    expect(none.text).toMatch(/no abstract/);
    const one = answerQuestion(
      { title: "T", abstract: "We propose a new sparse attention kernel.", links: [], code: [] },
      "What do they propose?",
    );
    expect(one.evidence).toEqual(["We propose a new sparse attention kernel."]);
    const big = readFixture("digests/hostile/oversized.txt");
    const huge = answerQuestion(
      { title: "Big", abstract: big, links: [], code: [] },
      "What are the results?",
    );
    for (const s of huge.evidence) expect(big).toContain(s);
    const latex =
      "We reach 2.09\\times speedup with $\\ell_1$ regularization, i.e. \\ie a $\\mathcal{O}(n \\log n)$ cost.";
    const l = answerQuestion({ title: "L", abstract: latex, links: [], code: [] }, "How much faster is it?");
    expect(l.evidence).toEqual([latex]);
    expect(l.text).toContain("×");
    const foreign = answerQuestion(paper("2602.01077"), "这篇论文提出了什么？");
    expect(foreign.evidence).toEqual([]);
    expect(foreign.text).toMatch(/English/);
    const spanish = answerQuestion(paper("2602.01077"), "¿Qué proponen los autores en este artículo?");
    expect(spanish.text).toMatch(/English/);
    expect(() => answerQuestion(paper("2602.01077"), "why ".repeat(2600))).toThrow(/at most 1000/);
  });

  it("ask on the command line: JSON per the contract; a 10 KB question is a one-line user error", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", `${DIGESTS}2026-02-03.hf-api.json`]);
    const r = await runCli(["--db", db, "ask", "2602.01077", "how", "much", "faster", "is", "it?", "--json"]);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(Object.keys(j).sort()).toEqual(["answer", "evidence", "id", "question"]);
    expect(j.question).toBe("how much faster is it?");
    expect(j.evidence.join(" ")).toContain("1.91 times and 2.57 times speedups");
    const long = await runCli(["--db", db, "ask", "2602.01077", "x".repeat(10_240)]);
    expect(long.code).toBe(1);
    expect(long.stderr.trim().split("\n")).toHaveLength(1);
    expect(long.stderr).toMatch(/10240 characters/);
  });
});
