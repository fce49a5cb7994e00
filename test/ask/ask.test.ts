import { afterAll, describe, expect, it } from "vitest";
import {
  type AnswerInput,
  answerInThread,
  answerQuestion,
  MAX_QUESTION_CHARS,
} from "../../src/ask/answer.js";
import { quantities } from "../../src/ask/cues.js";
import { INTENTS, intentWeights, mainIntent } from "../../src/ask/intent.js";
import { languageOf } from "../../src/ask/language.js";
import { MAX_READ_CHARS, MAX_SENTENCES_READ, readPaper } from "../../src/ask/passages.js";
import { readQuestion } from "../../src/ask/question.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { displayText } from "../../src/summary/latex.js";
import { runCli, tempDb } from "../support/cli.js";
import { DIGESTS, readFixture } from "../support/fixtures.js";
import {
  isHit,
  loadQuestions,
  paperOf,
  type Question,
  questionArchive,
  score,
  table,
} from "./question-set.js";

const engine = questionArchive();
afterAll(() => engine.close());

const TUNING = loadQuestions("questions.json");
const HELD_OUT = loadQuestions("questions-holdout.json");
const HELD_OUT_2 = loadQuestions("questions-holdout2.json");
const HELD_OUT_3 = loadQuestions("questions-holdout3.json");
const HELD_OUT_4 = loadQuestions("questions-holdout4.json");
const HELD_OUT_5 = loadQuestions("questions-holdout5.json");
const HELD_OUT_6 = loadQuestions("questions-holdout6.json");
const HELD_OUT_7 = loadQuestions("questions-holdout7.json");
const HELD_OUT_8 = loadQuestions("questions-holdout8.json");
const HELD_OUT_9 = loadQuestions("questions-holdout9.json");
const HELD_OUT_10 = loadQuestions("questions-holdout10.json");
const HELD_OUT_11 = loadQuestions("questions-holdout11.json");
const HELD_OUT_12 = loadQuestions("questions-holdout12.json");
const HELD_OUT_13 = loadQuestions("questions-holdout13.json");
const HELD_OUT_14 = loadQuestions("questions-holdout14.json");
const HELD_OUT_15 = loadQuestions("questions-holdout15.json");
const HELD_OUT_16 = loadQuestions("questions-holdout16.json");
const HELD_OUT_17 = loadQuestions("questions-holdout17.json");
const HELD_OUT_18 = loadQuestions("questions-holdout18.json");
const HELD_OUT_19 = loadQuestions("questions-holdout19.json");
const HELD_OUT_20 = loadQuestions("questions-holdout20.json");
const HELD_OUT_21 = loadQuestions("questions-holdout21.json");
const HELD_OUT_22 = loadQuestions("questions-holdout22.json");
const HELD_OUT_23 = loadQuestions("questions-holdout23.json");

function input(id: string): AnswerInput {
  const p = engine.paper(id);
  return {
    title: p.title,
    abstract: p.abstract,
    links: p.links,
    code: p.code,
    sourceSummary: p.sourceSummary,
  };
}

/** Display-clean text of a paper, squashed the way evidence is compared. */
const squashed = (s: string) => displayText(s).replace(/\s+/g, " ");

function answerOf(q: Question) {
  const paper = paperOf(engine, q);
  const { answer } = engine.ask(paper.id, q.question);
  // Never invents: every evidence sentence is the paper's own text (abstract or source summary).
  const own = squashed(`${paper.abstract} ${paper.sourceSummary ?? ""}`);
  for (const s of answer.evidence) expect(own, `${q.question} → ${s}`).toContain(squashed(s));
  expect(answer.evidence.length).toBeLessThanOrEqual(3);
  if (!answer.stated) expect(answer.evidence).toEqual([]);
  return { text: answer.text, evidence: answer.evidence, stated: answer.stated };
}

describe("ask: the question sets", () => {
  it("are large and honest: ≥150 questions, ≥20% unanswerable (some about another paper), ≥25% casual", () => {
    const all = [
      ...TUNING,
      ...HELD_OUT,
      ...HELD_OUT_2,
      ...HELD_OUT_3,
      ...HELD_OUT_4,
      ...HELD_OUT_5,
      ...HELD_OUT_6,
      ...HELD_OUT_7,
    ];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((q) => q.expect === null).length / all.length).toBeGreaterThanOrEqual(0.2);
    expect(all.filter((q) => q.why === "other-paper").length).toBeGreaterThanOrEqual(20);
    expect(all.filter((q) => q.casual).length / all.length).toBeGreaterThanOrEqual(0.25);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(80);
    expect(HELD_OUT_3.length).toBeGreaterThanOrEqual(120);
    // Held out 3 is on papers no other set asks about.
    const asked = new Set([...TUNING, ...HELD_OUT, ...HELD_OUT_2].map((q) => q.id ?? q.title));
    expect(HELD_OUT_3.filter((q) => asked.has(q.id ?? q.title))).toEqual([]);
    // Held out 4 too: ≥120 questions on papers no earlier set asks about.
    expect(HELD_OUT_4.length).toBeGreaterThanOrEqual(120);
    for (const q of HELD_OUT_3) asked.add(q.id ?? q.title);
    expect(HELD_OUT_4.filter((q) => asked.has(q.id ?? q.title))).toEqual([]);
    // Held out 5 too, with its own proportions: ≥20% unanswerable, some about another paper, ≥25% casual.
    expect(HELD_OUT_5.length).toBeGreaterThanOrEqual(120);
    for (const q of HELD_OUT_4) asked.add(q.id ?? q.title);
    expect(HELD_OUT_5.filter((q) => asked.has(q.id ?? q.title))).toEqual([]);
    expect(HELD_OUT_5.filter((q) => q.expect === null).length / HELD_OUT_5.length).toBeGreaterThanOrEqual(
      0.2,
    );
    expect(HELD_OUT_5.filter((q) => q.why === "other-paper").length).toBeGreaterThanOrEqual(5);
    expect(HELD_OUT_5.filter((q) => q.casual).length / HELD_OUT_5.length).toBeGreaterThanOrEqual(0.25);
  });

  /**
   * A fresh held-out set: ≥140 questions on 20 papers, ≥25% unanswerable with ≥6 about another
   * paper, ≥30% casual; no paper asked more than `maxAskedBefore` times by the earlier sets, none
   * from the `disjointFrom` sets, no question repeated on the same paper, every intent asked.
   */
  const expectFresh = (
    set: Question[],
    earlier: Question[],
    o: { maxAskedBefore: number; disjointFrom: Question[]; neverAskedAtLeast?: number },
  ) => {
    const key = (q: Question) => q.id ?? q.title;
    const papers = new Set(set.map(key));
    expect(set.length).toBeGreaterThanOrEqual(140);
    expect(papers.size).toBe(20);
    expect(set.filter((q) => q.expect === null).length / set.length).toBeGreaterThanOrEqual(0.25);
    expect(set.filter((q) => q.why === "other-paper").length).toBeGreaterThanOrEqual(6);
    expect(set.filter((q) => q.casual).length / set.length).toBeGreaterThanOrEqual(0.3);
    const askedBefore = new Map<string | undefined, number>();
    for (const q of earlier) askedBefore.set(key(q), (askedBefore.get(key(q)) ?? 0) + 1);
    if (o.neverAskedAtLeast !== undefined)
      expect([...papers].filter((p) => !askedBefore.has(p)).length).toBeGreaterThanOrEqual(
        o.neverAskedAtLeast,
      );
    expect([...papers].filter((p) => (askedBefore.get(p) ?? 0) > o.maxAskedBefore)).toEqual([]);
    expect(o.disjointFrom.filter((q) => papers.has(key(q)))).toEqual([]);
    const said = new Set(earlier.map((q) => `${key(q)} ${q.question.toLowerCase()}`));
    expect(set.filter((q) => said.has(`${key(q)} ${q.question.toLowerCase()}`))).toEqual([]);
    // Every intent docs/ask.md names is asked at least once, and every question is of a known kind.
    const intents = new Set(set.map((q) => q.intent));
    for (const intent of INTENTS.filter((i) => i !== "other")) expect(intents, intent).toContain(intent);
    for (const q of set) expect(INTENTS, q.question).toContain(q.intent);
  };
  const BEFORE_6 = [...TUNING, ...HELD_OUT, ...HELD_OUT_2, ...HELD_OUT_3, ...HELD_OUT_4, ...HELD_OUT_5];
  /**
   * The proportions held out 10 and later were written to: 170 to 190 questions, ≥28% unanswerable
   * with ≥20 about another paper, ≥40% casual, exactly the given kinds of user, and at least the
   * given share of some kinds (the sets written to fit on lean on the wording the model is weakest on).
   */
  const expectProportions = (set: Question[], styles: string[], lean: Record<string, number> = {}) => {
    expect(set.length).toBeGreaterThanOrEqual(170);
    expect(set.length).toBeLessThanOrEqual(190);
    expect(set.filter((q) => q.expect === null).length / set.length).toBeGreaterThanOrEqual(0.28);
    expect(set.filter((q) => q.why === "other-paper").length).toBeGreaterThanOrEqual(20);
    expect(set.filter((q) => q.casual).length / set.length).toBeGreaterThanOrEqual(0.4);
    expect(new Set(set.map((q) => q.style))).toEqual(new Set(styles));
    for (const [style, share] of Object.entries(lean))
      expect(set.filter((q) => q.style === style).length / set.length, style).toBeGreaterThanOrEqual(share);
  };
  const STYLES_11 = ["student", "engineer", "reviewer", "terse", "non-native", "phd", "pm", "newcomer"];
  const LEANING = { newcomer: 0.3, pm: 0.15 };

  // Held out 6 (written before round 6): only 11 papers were left that no set asked about; the
  // other 9 are the least asked (one or two earlier questions each), none from held out 5. Scored
  // final in round 6 (docs/ask.md), it is fitted on since round 7: its floor is in the fitted
  // sets' table below.
  it("held-out set 6 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_6, BEFORE_6, { maxAskedBefore: 2, disjointFrom: HELD_OUT_5, neverAskedAtLeast: 11 });
  });

  // Held out 7 (written before round 7): no paper was left that no set asked about, so its 20 are
  // the least asked (two or three earlier questions each), none from held out 5 or 6. Scored
  // blind and final in round 7 (docs/ask.md), it is fitted on since round 8: its floor is in the
  // fitted sets' table below.
  it("held-out set 7 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_7, [...BEFORE_6, ...HELD_OUT_6], {
      maxAskedBefore: 3,
      disjointFrom: [...HELD_OUT_5, ...HELD_OUT_6],
    });
  });

  // Held out 8 (written before round 8): every paper had at least three earlier questions, so its
  // 20 are among the least asked (three each), none from held out 5, 6 or 7. Scored blind and final
  // in round 8 (docs/ask.md), it is fitted on since round 9: its floor is in the fitted sets' table.
  it("held-out set 8 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_8, [...BEFORE_6, ...HELD_OUT_6, ...HELD_OUT_7], {
      maxAskedBefore: 3,
      disjointFrom: [...HELD_OUT_5, ...HELD_OUT_6, ...HELD_OUT_7],
    });
  });

  // Held out 9 (written before round 9): its 20 are the least asked (all 15 papers with three
  // earlier questions, and 5 with four chosen to spread the days), none from held out 5 to 8. Scored
  // blind and final in round 9 (docs/ask.md), it is fitted on since round 10: its floor is in the
  // fitted sets' table.
  it("held-out set 9 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_9, [...BEFORE_6, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8], {
      maxAskedBefore: 4,
      disjointFrom: [...HELD_OUT_5, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8],
    });
  });

  // Held out 10 (written before round 10): every paper outside held out 5 to 9 had at least four
  // earlier questions, so its 20 are among the least asked (four each), spread over the days, none
  // from held out 5 to 9. Scored blind and final in round 10 (docs/ask.md), it is fitted on since
  // round 11: its floor is in the fitted sets' table.
  it("held-out set 10 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_10, [...BEFORE_6, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9], {
      maxAskedBefore: 4,
      disjointFrom: [...HELD_OUT_5, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9],
    });
    // Its own, higher proportions (expectProportions), and every user kind of held out 9 plus pm.
    expectProportions(HELD_OUT_10, ["student", "engineer", "reviewer", "terse", "non-native", "phd", "pm"]);
  });

  // Held out 11 (written before round 11): outside held out 5 to 10 the least asked papers (four
  // earlier questions) are all on 02-02, 02-03 and 02-04, so its 20 are 12 of those and 8 with five
  // (the fewest on the other three days), none from held out 5 to 10. Scored blind and final in
  // round 11 (docs/ask.md), it is fitted on since round 12; its floor is in the fitted sets' table.
  it("held-out set 11 is fresh and has the proportions it was written to", () => {
    expectFresh(
      HELD_OUT_11,
      [...BEFORE_6, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9, ...HELD_OUT_10],
      {
        maxAskedBefore: 5,
        disjointFrom: [
          ...HELD_OUT_5,
          ...HELD_OUT_6,
          ...HELD_OUT_7,
          ...HELD_OUT_8,
          ...HELD_OUT_9,
          ...HELD_OUT_10,
        ],
      },
    );
    // Held out 10's proportions, and every user kind of held out 10 plus newcomer.
    expectProportions(HELD_OUT_11, STYLES_11);
  });

  // Held out 12, 14 and 15 (written in round 12, to fit on from the start; held out 13 is the set
  // kept aside). Held out 12: outside held out 5 to 11 the least asked papers (four or five earlier
  // questions), every second one of that list (held out 13 has the others). Held out 14 and 15:
  // outside held out 5 to 13 the next least asked (five or six), every second one each; held out 13
  // is left out of their earlier sets, as their writers never read it (the lead chose papers outside
  // it). All three lean on the wording the model is weakest on: a third newcomer, a sixth pm, and
  // journalist (new in 12; a sixth in 14 and 15).
  const AFTER_11 = [...BEFORE_6, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9, ...HELD_OUT_10];
  const FROM_5 = [...HELD_OUT_5, ...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9, ...HELD_OUT_10];
  it.each([
    [12, HELD_OUT_12, [...AFTER_11, ...HELD_OUT_11], 5, [...FROM_5, ...HELD_OUT_11], LEANING],
    [
      14,
      HELD_OUT_14,
      [...AFTER_11, ...HELD_OUT_11, ...HELD_OUT_12],
      6,
      [...FROM_5, ...HELD_OUT_11, ...HELD_OUT_12],
      { ...LEANING, journalist: 0.15 },
    ],
    [
      15,
      HELD_OUT_15,
      [...AFTER_11, ...HELD_OUT_11, ...HELD_OUT_12],
      6,
      [...FROM_5, ...HELD_OUT_11, ...HELD_OUT_12],
      { ...LEANING, journalist: 0.15 },
    ],
  ] as const)(
    "held-out set %i (to fit on) is fresh and has the proportions it was written to",
    (_, set, earlier, maxAskedBefore, disjointFrom, lean) => {
      expectFresh(set, [...earlier], { maxAskedBefore, disjointFrom: [...disjointFrom] });
      expectProportions(set, [...STYLES_11, "journalist"], lean);
    },
  );

  // Held out 13 (written before round 12, the set round 12 keeps aside): outside held out 5 to 11
  // the least asked papers have four or five earlier questions; the lead took every second one of
  // their sorted list (held out 12, written at the same time to fit on, has the others), so it is
  // checked against every set before it but held out 12, and disjoint from held out 12. Scored blind
  // and final in round 12 (docs/ask.md), it is fitted on since round 13: its floor is in the fitted
  // sets' table.
  it("held-out set 13 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_13, [...AFTER_11, ...HELD_OUT_11], {
      maxAskedBefore: 5,
      disjointFrom: [...FROM_5, ...HELD_OUT_11, ...HELD_OUT_12],
    });
    // Held out 11's proportions and its kinds of user plus the new one.
    expectProportions(HELD_OUT_13, [...STYLES_11, "host"]);
  });

  // Held out 16 (written before round 13, the set round 13 keeps aside): outside held out 5 to 15
  // the least asked papers (19 with six earlier questions, one with seven), so it is checked against
  // every set before it and disjoint from held out 5 to 15. No new kind of user: the ten of held out
  // 12 and 13, about a tenth each, to measure a new writer's wording for users already known. Scored
  // blind and final in round 13 (docs/ask.md), it is fitted on since round 14; its row in the fitted
  // sets' floor table is added by round 14's tuner (it needs scoring with the round-14 model).
  const FROM_11 = [...HELD_OUT_11, ...HELD_OUT_12, ...HELD_OUT_13, ...HELD_OUT_14, ...HELD_OUT_15];
  const STYLES_16 = [...STYLES_11, "journalist", "host"];
  /** About a tenth each: no kind of user under 8% or over 12% of the set. */
  const expectEvenStyles = (set: Question[], styles: string[]) => {
    for (const style of styles) {
      const share = set.filter((q) => q.style === style).length / set.length;
      expect(share, style).toBeGreaterThanOrEqual(0.08);
      expect(share, style).toBeLessThanOrEqual(0.12);
    }
  };
  it("held-out set 16 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_16, [...AFTER_11, ...FROM_11], {
      maxAskedBefore: 7,
      disjointFrom: [...FROM_5, ...FROM_11],
    });
    expectProportions(HELD_OUT_16, STYLES_16);
    expectEvenStyles(HELD_OUT_16, STYLES_16);
  });

  // Held out 17 (written before round 14, the set round 14 keeps aside): outside held out 5 to 16
  // the least asked papers (12 with seven earlier questions, 8 with six), so it is checked against
  // every set before it and disjoint from held out 5 to 16. No new kind of user: the ten of held out
  // 16, about a tenth each, written by a new writer. No score floor: it is scored by
  // test/ask/report.ts --holdout17 (docs/ask.md), blind and at the end of round 14.
  it("held-out set 17 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_17, [...AFTER_11, ...FROM_11, ...HELD_OUT_16], {
      maxAskedBefore: 7,
      disjointFrom: [...FROM_5, ...FROM_11, ...HELD_OUT_16],
    });
    expectProportions(HELD_OUT_17, STYLES_16);
    expectEvenStyles(HELD_OUT_17, STYLES_16);
  });

  // Held out 18 (written in round 14 to fit on, like round 12's held out 14 and 15: scored blind
  // once with the round-13 model, then fitted on): outside held out 5 to 17 the least asked papers
  // (seven or eight earlier questions each), so it is checked against every set before it and
  // disjoint from held out 5 to 17. No new kind of user: the ten of held out 16, about a tenth each,
  // written by a new writer. Its floor row was added after the round-14 refit.
  it("held-out set 18 is fresh and has the proportions it was written to", () => {
    expectFresh(HELD_OUT_18, [...AFTER_11, ...FROM_11, ...HELD_OUT_16, ...HELD_OUT_17], {
      maxAskedBefore: 8,
      disjointFrom: [...FROM_5, ...FROM_11, ...HELD_OUT_16, ...HELD_OUT_17],
    });
    expectProportions(HELD_OUT_18, STYLES_16);
    expectEvenStyles(HELD_OUT_18, STYLES_16);
  });

  // Held out 19 (written before round 15, the set round 15 keeps aside): the least asked papers, none
  // asked by held out 6 to 18 (14 asked only by held out 5, six or seven times, and 6 only by held out
  // 2 or 4, eight times), so it is checked against every set before it and disjoint from held out 6
  // to 18 (not 5, which asked 14 of its papers). No new kind of user: the ten of held out 16, about a
  // tenth each, written by a new writer. No score floor: it is scored by test/ask/report.ts
  // --holdout19 (docs/ask.md), blind and at the end of round 15.
  it("held-out set 19 is fresh and has the proportions it was written to", () => {
    const from6 = [...HELD_OUT_6, ...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9, ...HELD_OUT_10, ...FROM_11];
    expectFresh(HELD_OUT_19, [...AFTER_11, ...FROM_11, ...HELD_OUT_16, ...HELD_OUT_17, ...HELD_OUT_18], {
      maxAskedBefore: 8,
      disjointFrom: [...from6, ...HELD_OUT_16, ...HELD_OUT_17, ...HELD_OUT_18],
    });
    expectProportions(HELD_OUT_19, STYLES_16);
    expectEvenStyles(HELD_OUT_19, STYLES_16);
  });

  // Held out 20 (written in round 15 to fit on, like round 14's held out 18: scored blind once with
  // the round-14 model, then fitted on): outside held out 7 to 19 the least asked papers (eight to
  // ten earlier questions each, asked only by the tuning set and held out 4, 5 or 6), so it is
  // checked against every set before it and disjoint from held out 7 to 19. No new kind of user: the
  // ten of held out 16, about a tenth each, written by a new writer. Its floor row is added by the
  // lead after the round-15 refit.
  it("held-out set 20 is fresh and has the proportions it was written to", () => {
    const from7 = [...HELD_OUT_7, ...HELD_OUT_8, ...HELD_OUT_9, ...HELD_OUT_10, ...FROM_11];
    const from16 = [...HELD_OUT_16, ...HELD_OUT_17, ...HELD_OUT_18, ...HELD_OUT_19];
    expectFresh(HELD_OUT_20, [...AFTER_11, ...FROM_11, ...from16], {
      maxAskedBefore: 10,
      disjointFrom: [...from7, ...from16],
    });
    expectProportions(HELD_OUT_20, STYLES_16);
    expectEvenStyles(HELD_OUT_20, STYLES_16);
  });

  // Held out 21 (written before round 16, the set round 16 keeps aside): the least asked papers (ten
  // or eleven earlier questions each, asked only by the tuning set or held out 1 and one of held out
  // 6, 7 or 9), so it is checked against every set before it and disjoint from held out 10 to 20. No
  // new kind of user: the ten of held out 16, about a tenth each, written by a new writer. No score
  // floor: it is scored by test/ask/report.ts --holdout21 (docs/ask.md), blind and at the end of
  // round 16.
  it("held-out set 21 is fresh and has the proportions it was written to", () => {
    const from10 = [...HELD_OUT_10, ...FROM_11, ...HELD_OUT_16, ...HELD_OUT_17, ...HELD_OUT_18];
    expectFresh(
      HELD_OUT_21,
      [
        ...AFTER_11,
        ...FROM_11,
        ...HELD_OUT_16,
        ...HELD_OUT_17,
        ...HELD_OUT_18,
        ...HELD_OUT_19,
        ...HELD_OUT_20,
      ],
      {
        maxAskedBefore: 11,
        disjointFrom: [...from10, ...HELD_OUT_19, ...HELD_OUT_20],
      },
    );
    expectProportions(HELD_OUT_21, STYLES_16);
    expectEvenStyles(HELD_OUT_21, STYLES_16);
  });

  // Held out 22 (written in round 16 to fit on, like round 15's held out 20: scored blind once with
  // the round-15 model, then fitted on): among the least asked papers (11 to 14 earlier questions
  // each, asked only by the tuning set, held out 1 and 3 and one of held out 7, 8 or 9), so it is
  // checked against every set before it and disjoint from held out 10 to 21. No new kind of user: the
  // ten of held out 16, about a tenth each, written by a new writer. Its floor row is added by the
  // lead after the round-16 refit.
  it("held-out set 22 is fresh and has the proportions it was written to", () => {
    const from10 = [...HELD_OUT_10, ...FROM_11, ...HELD_OUT_16, ...HELD_OUT_17, ...HELD_OUT_18];
    const from19 = [...HELD_OUT_19, ...HELD_OUT_20, ...HELD_OUT_21];
    expectFresh(
      HELD_OUT_22,
      [...AFTER_11, ...FROM_11, ...HELD_OUT_16, ...HELD_OUT_17, ...HELD_OUT_18, ...from19],
      {
        maxAskedBefore: 14,
        disjointFrom: [...from10, ...from19],
      },
    );
    expectProportions(HELD_OUT_22, STYLES_16);
    expectEvenStyles(HELD_OUT_22, STYLES_16);
  });

  // Held out 23 (written before round 17, the set round 17 keeps aside): the least asked papers (11
  // to 13 earlier questions each, asked only by the tuning set or held out 1 and one of held out 7,
  // 8 or 9), so it is checked against every set before it and disjoint from held out 10 to 22. No
  // new kind of user: the ten of held out 16, about a tenth each, written by a new writer. No score
  // floor: it is scored by test/ask/report.ts --holdout23 (docs/ask.md), blind and at the end of
  // round 17.
  it("held-out set 23 is fresh and has the proportions it was written to", () => {
    const from16 = [
      ...HELD_OUT_16,
      ...HELD_OUT_17,
      ...HELD_OUT_18,
      ...HELD_OUT_19,
      ...HELD_OUT_20,
      ...HELD_OUT_21,
    ];
    expectFresh(HELD_OUT_23, [...AFTER_11, ...FROM_11, ...from16, ...HELD_OUT_22], {
      maxAskedBefore: 13,
      disjointFrom: [...HELD_OUT_10, ...FROM_11, ...from16, ...HELD_OUT_22],
    });
    expectProportions(HELD_OUT_23, STYLES_16);
    expectEvenStyles(HELD_OUT_23, STYLES_16);
  });

  // Floors at the measured level (docs/ask.md, round 16). The model is fitted on the tuning set,
  // held-out sets 1-20 and 22 (4,296 questions; sets 1-11, 13, 16, 17 and 19 were each scored blind
  // first and final once, 12, 14, 15, 18, 20 and 22 were written to fit on; held out 21 was kept
  // aside in round 16): fitted, 90.1% / 91.9% on the tuning set's 504 answerable and 124 unanswerable, then
  // 85.4% / 95.5%, 78.4% / 97.3%, 82.6% / 91.2%, 76.6% / 91.9%, 79.0% / 83.3%, 77.4% / 90.4%,
  // 79.5% / 95.4%, 89.1% / 90.5%, 85.4% / 96.7%, 88.1% / 94.5%, 87.7% / 96.2%, 70.5% / 78.6%,
  // 78.6% / 86.4%, 51.1% / 78.2%, 57.4% / 78.2%, 74.2% / 84.9%, 76.3% / 96.2%, 77.3% / 77.8%,
  // 66.1% / 86.4%, 72.3% / 83.6% and 69.6% / 76.9% on the others (77.6% / 87.8% by cross-validation
  // grouped by paper over all 4,296, 77.8% / 87.6% leaving one writer's set out). The rows for held
  // out 19 and 22 are new. Against round 15's floors, refitted with them and round 16's readings,
  // rules and features, five went down by one to four questions: held out 1 answerable 0.86 ->
  // 0.85 (70 of 82), held out 4 0.79 -> 0.76 (85 of 111), held out 5 0.8 -> 0.79 (79 of 100), held
  // out 7 0.8 -> 0.79 (89 of 112), held out 12 declined 0.8 -> 0.78 (44 of 56).
  // The floors follow the fitted figures, down as well as up.
  it.each([
    ["tuning set", () => TUNING, 0.9, 0.91],
    ["held-out set 1 (now fitted on)", () => HELD_OUT, 0.85, 0.95],
    ["held-out set 2 (now fitted on)", () => HELD_OUT_2, 0.78, 0.97],
    ["held-out set 3 (now fitted on)", () => HELD_OUT_3, 0.82, 0.91],
    ["held-out set 4 (now fitted on)", () => HELD_OUT_4, 0.76, 0.91],
    ["held-out set 5 (now fitted on)", () => HELD_OUT_5, 0.79, 0.83],
    ["held-out set 6 (now fitted on)", () => HELD_OUT_6, 0.77, 0.9],
    ["held-out set 7 (now fitted on)", () => HELD_OUT_7, 0.79, 0.95],
    ["held-out set 8 (now fitted on)", () => HELD_OUT_8, 0.89, 0.9],
    ["held-out set 9 (now fitted on)", () => HELD_OUT_9, 0.85, 0.96],
    ["held-out set 10 (now fitted on)", () => HELD_OUT_10, 0.88, 0.94],
    ["held-out set 11 (now fitted on)", () => HELD_OUT_11, 0.87, 0.96],
    ["held-out set 12 (fitted on)", () => HELD_OUT_12, 0.7, 0.78],
    ["held-out set 13 (now fitted on)", () => HELD_OUT_13, 0.78, 0.86],
    ["held-out set 14 (fitted on)", () => HELD_OUT_14, 0.51, 0.78],
    ["held-out set 15 (fitted on)", () => HELD_OUT_15, 0.57, 0.78],
    ["held-out set 16 (now fitted on)", () => HELD_OUT_16, 0.74, 0.84],
    ["held-out set 17 (now fitted on)", () => HELD_OUT_17, 0.76, 0.96],
    ["held-out set 18 (fitted on)", () => HELD_OUT_18, 0.77, 0.77],
    ["held-out set 19 (now fitted on)", () => HELD_OUT_19, 0.66, 0.86],
    ["held-out set 20 (fitted on)", () => HELD_OUT_20, 0.72, 0.83],
    ["held-out set 22 (fitted on)", () => HELD_OUT_22, 0.69, 0.76],
  ] as const)(
    "%s: answered with the right sentence and declined at the fitted level",
    (_name, set, answerable, declined) => {
      const report = score(set(), answerOf);
      const rate = (s: { n: number; hits: number }) => s.hits / s.n;
      expect(rate(report.answerable), table(report)).toBeGreaterThanOrEqual(answerable);
      expect(rate(report.unanswerable), table(report)).toBeGreaterThanOrEqual(declined);
      // One sentence when it clearly wins: answers are not padded to three to catch the expected one.
      expect(report.meanEvidence).toBeLessThan(1.3);
    },
  );

  it("a hit needs the expected sentence; a decline needs no evidence", () => {
    const q: Question = { id: "x", question: "q", intent: "results", casual: false, expect: ["a b", "c d"] };
    expect(isHit(q, { text: "C  D.", evidence: ["C D."], stated: true })).toBe(true);
    expect(isHit(q, { text: "e", evidence: ["e"], stated: true })).toBe(false);
    expect(
      isHit({ ...q, expect: null }, { text: "The abstract does not say.", evidence: [], stated: false }),
    ).toBe(true);
  });
});

describe("ask: reading the question", () => {
  it("recognizes intents softly, from plain and casual wording", () => {
    const cases: [string, string][] = [
      ["What do they propose?", "proposal"],
      ["what's new here?", "proposal"],
      ["What problem does it address?", "problem"],
      ["How does it work?", "method"],
      ["How much faster is it?", "quantity"],
      ["so does it beat GRPO or not?", "comparison"],
      ["Which datasets are used?", "datasets"],
      ["what hardware do they run on?", "hardware"],
      ["where's the code?", "code"],
      ["what's the catch?", "limitations"],
      ["why does it work?", "reason"],
      ["what is HRSA?", "definition"],
    ];
    for (const [text, intent] of cases) {
      const q = readQuestion(text);
      expect(mainIntent(intentWeights(q), q), text).toBe(intent);
    }
    // Soft: one question, several intents weighted.
    expect([...intentWeights(readQuestion("so does it beat X on accuracy?")).keys()]).toEqual(
      expect.arrayContaining(["comparison", "results"]),
    );
  });

  it("spells out shorthand and drops chat markup and mentions", () => {
    const q = readQuestion("<@U123> <!channel> what's the SOTA w/o the **repo**? @here");
    expect(q.text).toBe("what is the state of the art without the repository?");
    expect(q.words.map((w) => w.lower)).not.toContain("u123");
  });

  it("a number counts only with a unit or a comparison, never inside a name", () => {
    const names = new Set(["k2.5"]);
    expect(quantities("Qwen3-8B beats MobileNet v2 on Snapdragon 835 and Kimi K2.5 in 2024.", names)).toEqual(
      [],
    );
    const found = quantities(
      "It is 3.1× faster, +2.3 mIoU, 90% accurate with 8 GPUs; x5--x10 speedups; 807,693 tasks.",
    );
    expect(found.map((q) => q.text)).toEqual(
      expect.arrayContaining(["3.1×", "2.3 mIoU", "90%", "8 GPUs", "x5", "807,693"]),
    );
  });

  it("tells which language a non-English question is in", () => {
    expect(languageOf("这篇论文提出了什么？")).toBe("Chinese");
    expect(languageOf("¿Qué proponen los autores en este artículo?")).toBe("Spanish");
    expect(languageOf("Welche Datensätze werden in der Arbeit verwendet?")).toBe("German");
    expect(languageOf("what do they propose?")).toBeNull();
  });
});

describe("ask: honest answers", () => {
  const sparse = () => {
    const p = paperOf(engine, {
      title: "Fast Sparse ConvNets",
      question: "",
      intent: "",
      casual: false,
      expect: null,
    });
    return {
      title: p.title,
      abstract: p.abstract,
      links: p.links,
      code: p.code,
      sourceSummary: p.sourceSummary,
    };
  };

  it("names what the paper never mentions, in the reader's words", () => {
    const p = sparse();
    // The digits of "MobileNet v2" and "Snapdragon 835" are no GPU count.
    expect(answerQuestion(p, "how many GPUs do they use?").text).toBe("The abstract does not mention GPUs.");
    expect(answerQuestion(p, "does it beat GPT-4?").text).toBe("The abstract does not mention GPT-4.");
    const hours = answerQuestion(p, "how many hours of training?");
    expect(hours.stated).toBe(false);
    expect(hours.text).toMatch(/^The abstract does not mention hours/);
  });

  it("does not decline over question-frame words, casual proposal wording or a written-out acronym", () => {
    const p = {
      title: "Anchored Grounding for GUI Agents",
      abstract:
        "GUI agents lose grounding when screen domains shift. We introduce a new reinforcement fine-tuning framework that anchors predictions to stable regions. It can be applied either during vanilla training or during a refinement phase. Experiments show stable grounding across domains.",
      links: [],
      code: [],
    };
    // "possible" and "fine-tune" were read as the subject; "whats" and "in one line" as words to find.
    for (const q of [
      "it is possible to use it only when fine-tune a trained model?",
      "whats new here",
      "what's the contribution in one line",
      "RL or SFT?",
    ])
      expect(answerQuestion(p, q).text, q).not.toMatch(/does not mention/);
    expect(answerQuestion(p, "whats new here").evidence.join(" ")).toMatch(
      /We introduce a new reinforcement/,
    );
    // A name the paper never writes, in any form, is still missing.
    expect(answerQuestion(p, "does it beat GPT-4 or Claude?").text).toBe(
      "The abstract does not mention GPT-4 or Claude.",
    );
  });

  it("answers the issue's examples from the sentence that holds the answer", () => {
    const p = sparse();
    expect(answerQuestion(p, "what hardware do they run on?").text).toMatch(
      /Snapdragon 835|ARM and WebAssembly/,
    );
    expect(answerQuestion(p, "what's new here?").evidence.join(" ")).toMatch(
      /sparse counterparts|sparse kernels/,
    );
    const frontier = paperOf(engine, {
      title: "The Sparse Frontier: Sparse Attention Trade-offs in Transformer LLMs",
      question: "",
      intent: "",
      casual: false,
      expect: null,
    });
    const main = engine.ask(frontier.id, "what is the main finding?").answer;
    expect(main.text).toMatch(
      /larger and highly sparse models are preferable|sparse attention is a key tool/,
    );
    expect(engine.ask(frontier.id, "how large are the models they train?").answer.stated).toBe(false);
  });

  it("a list announced by one sentence is answered with the sentences that give it", () => {
    const a = answerQuestion(input("2601.21558"), "What are the two components of ASTRA?");
    expect(a.evidence.length).toBeGreaterThan(1);
    expect(a.text).toMatch(/First, a pipeline/);
    expect(a.text).toMatch(/Second, an environment/);
  });

  it("answers from Hugging Face's summary, labelled, only when the abstract cannot", () => {
    const paper: AnswerInput = {
      title: "T",
      abstract: "We study routing. Results are reported in the appendix.",
      links: [],
      code: [],
      sourceSummary: "The method cuts routing latency by 40% on commodity hardware.",
    };
    const a = answerQuestion(paper, "how much does it cut latency?");
    expect(a.source).toBe("source_summary");
    expect(a.text).toBe(
      "Hugging Face's summary says: The method cuts routing latency by 40% on commodity hardware.",
    );
    expect(a.evidence).toEqual(["The method cuts routing latency by 40% on commodity hardware."]);
    const fromAbstract = answerQuestion(
      { ...paper, abstract: "We cut routing latency by 35% with a new cache." },
      "how much does it cut latency?",
    );
    expect(fromAbstract.source).toBe("abstract");
  });

  it("cleans answer text and evidence for display (LaTeX, 25.8\\times)", () => {
    const latex =
      "We propose a sparse kernel. It reaches a 25.8\\times speedup with $\\ell_1$ regularization and a $\\mathcal{O}(n \\log n)$ cost.";
    const a = answerQuestion({ title: "L", abstract: latex, links: [], code: [] }, "How much faster is it?");
    expect(a.text).toContain("25.8×");
    expect(a.evidence[0]).toContain("25.8×");
    expect(a.evidence.join(" ")).not.toMatch(/\\|\$/);
  });

  it("gives code links, a bare github.com address included", () => {
    const flow = engine.paper("2602.01897");
    expect(flow.code).toContain(
      "https://github.com/EavnJeong/Internal-Flow-Signatures-for-Self-Checking-and-Refinement-in-LLMs",
    );
    const a = engine.ask(flow.id, "where's the code?").answer;
    expect(a.intent).toBe("code");
    expect(a.text).toContain(
      "https://github.com/EavnJeong/Internal-Flow-Signatures-for-Self-Checking-and-Refinement-in-LLMs",
    );
  });
});

describe("ask: follow-ups in a thread", () => {
  it("'and on which dataset?', 'what about limitations?', 'why?' lean on the earlier questions", () => {
    const dcls = paperOf(engine, {
      title: "Dilated convolution with learnable spacings",
      question: "",
      intent: "",
      casual: false,
      expect: null,
    });
    const p = input(dcls.id);
    const dataset = answerInThread(p, "and on which dataset?", ["how much does accuracy improve?"]);
    expect(dataset.intent).toBe("datasets");
    expect(dataset.text).toMatch(/ImageNet1k/);
    const limits = answerInThread(p, "what about limitations?", ["which datasets do they use?"]);
    expect(limits.intent).toBe("limitations");
    expect(limits.text).toMatch(/expense of the throughput/);
    const sft = input("2602.01058");
    const why = answerInThread(sft, "why?", ["do stronger SFT checkpoints underperform after RL?"]);
    expect(why.text).toMatch(/We attribute this to a mismatch/);
  });
});

describe("ask: bad input", () => {
  const p = () => input("2602.01077");

  it("an empty question, or one made only of mentions and markup, gets the usage", () => {
    for (const q of ["", "   ", "<@U123> <!here> **  **", "@everyone"]) {
      let error: unknown;
      try {
        answerQuestion(p(), q);
      } catch (err) {
        error = err;
      }
      expect(error, q).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/e\.g\. "what do they propose\?"/);
      expect((error as Error).message).not.toMatch(/<@|@everyone|\*\*/);
    }
  });

  it("never echoes mentions or markup, even when naming what is missing", () => {
    const a = answerQuestion(
      p(),
      "<@U999> how many *GPUs* did <!channel> they use? `rm -rf` <script>x</script>",
    );
    expect(a.text).toBe("The abstract does not mention GPUs.");
    const b = answerQuestion(p(), "does it beat <@U1> **GPT-4** [x](http://evil.example)?");
    expect(b.text).not.toMatch(/<|>|\*|\[|\]|evil|@/);
  });

  it("a question in another language gets a short English answer that says so", () => {
    const zh = answerQuestion(p(), "这篇论文提出了什么？");
    expect(zh.stated).toBe(false);
    expect(zh.text).toMatch(/^I can only answer questions in English, and this looks like Chinese\./);
    expect(answerQuestion(p(), "¿Qué proponen los autores en este artículo?").text).toMatch(/Spanish/);
  });

  it("a question over the limit is refused with its length; a 200 KB abstract is answered from its text", () => {
    expect(() => answerQuestion(p(), "why ".repeat(MAX_QUESTION_CHARS))).toThrow(
      new RegExp(`at most ${MAX_QUESTION_CHARS}`),
    );
    const big = readFixture("digests/hostile/oversized.txt");
    const huge = answerQuestion(
      { title: "Big", abstract: big, links: [], code: [] },
      "What are the results?",
    );
    for (const s of huge.evidence) expect(squashed(big)).toContain(squashed(s));
    const none = answerQuestion({ title: "T", abstract: "", links: [], code: [] }, "what are the results?");
    expect(none.stated).toBe(false);
    expect(none.text).toMatch(/no abstract/);
  });

  it("a pasted 200 KB text is read only up to its first sentences, within its first characters", () => {
    const big = readFixture("digests/hostile/oversized.txt");
    expect(big.length).toBeGreaterThan(10 * MAX_READ_CHARS);
    const { sentences, passages } = readPaper("Big", big, null);
    expect(sentences.length).toBe(MAX_SENTENCES_READ);
    expect(passages.length).toBe(MAX_SENTENCES_READ);
    // A fact stated only after the read part is not found: the answer comes from the opening.
    const late = `${"We study a problem. ".repeat(MAX_SENTENCES_READ)}FooNet reaches 91.3% accuracy on ImageNet.`;
    expect(
      answerQuestion({ title: "T", abstract: late, links: [], code: [] }, "what accuracy?").text,
    ).not.toContain("91.3%");
  });

  it("a paper read once is read again when its text changes (the last papers read are kept)", () => {
    const paper = (abstract: string): AnswerInput => ({ title: "Same title", abstract, links: [], code: [] });
    const before = paper("We propose FooNet. FooNet reaches 81.2% accuracy on ImageNet.");
    const after = paper("We propose FooNet. FooNet reaches 84.5% accuracy on ImageNet.");
    expect(answerQuestion(before, "what accuracy does it reach?").text).toContain("81.2%");
    expect(answerQuestion(after, "what accuracy does it reach?").text).toContain("84.5%");
    // Asked again, the first paper's answer is the same as when it was first read.
    expect(answerQuestion(before, "what accuracy does it reach?").text).toContain("81.2%");
    expect(
      answerQuestion({ ...before, sourceSummary: "FooNet is a network." }, "what is FooNet?").evidence.length,
    ).toBeGreaterThan(0);
  });
});

describe("ask on the command line", () => {
  it("--json per the contract, extended with intent, stated and source; a 10 KB question is a one-line user error", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", `${DIGESTS}2026-02-03.hf-api.json`]);
    const r = await runCli(["--db", db, "ask", "2602.01077", "how", "much", "faster", "is", "it?", "--json"]);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(Object.keys(j).slice(0, 4)).toEqual(["id", "question", "answer", "evidence"]);
    expect(j.question).toBe("how much faster is it?");
    expect(j.evidence.join(" ")).toContain("1.91 times and 2.57 times speedups");
    expect(j).toMatchObject({ intent: "quantity", stated: true, source: "abstract" });
    const none = (await runCli(["--db", db, "ask", "2602.01077", "how many GPUs?", "--json"])).json();
    expect(none).toMatchObject({
      answer: "The abstract does not mention GPUs.",
      evidence: [],
      stated: false,
    });
    const long = await runCli(["--db", db, "ask", "2602.01077", "x".repeat(10_240)]);
    expect(long.code).toBe(1);
    expect(long.stderr.trim().split("\n")).toHaveLength(1);
    expect(long.stderr).toMatch(/10240 characters/);
  });
});
