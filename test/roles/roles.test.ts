import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadWeightsFile } from "../../src/learned/weights-file.js";
import { marginals, viterbi } from "../../src/roles/chain.js";
import { abstractFeatures, roleTokens } from "../../src/roles/features.js";
import { ROLE_WEIGHTS, ROLES, roleModelOf } from "../../src/roles/model.js";
import { roleProbability, sentenceRoles, shippedRoleModel } from "../../src/roles/roles.js";
import weightsJson from "../../src/roles/roles-weights.json" with { type: "json" };
import { FIXTURES } from "../support/fixtures.js";

describe("sentence roles: the shipped model", () => {
  it("is a valid weights file: five role rows, its fit recorded with the test figure", () => {
    const file = loadWeightsFile(weightsJson, ROLE_WEIGHTS);
    expect(Object.keys(file.weights as Record<string, number[]>).sort()).toEqual([...ROLES].sort());
    expect(file.fitted.script).toBe("scripts/fit-roles.ts");
    expect(file.fitted.figures["test accuracy"]).toBeGreaterThanOrEqual(78);
    expect(file.features.filter((f) => f.startsWith("prev="))).toHaveLength(ROLES.length);
    expect(JSON.stringify(weightsJson).length).toBeLessThan(200_000);
  });

  it("scores the CSAbstruct dev sample as fitted (40 abstracts)", () => {
    const rows = readFileSync(`${FIXTURES}eval/csabstruct-dev-sample.jsonl`, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { sentences: string[]; labels: string[] });
    let right = 0;
    let all = 0;
    for (const row of rows) {
      sentenceRoles(row.sentences).forEach((r, i) => {
        all++;
        if (r.role === row.labels[i]) right++;
      });
    }
    expect(all).toBeGreaterThan(200);
    // Dev as a whole: 68.5%; a majority-class guess would score about 34%.
    expect(right / all).toBeGreaterThan(0.6);
  });

  it("reads an abstract's discourse: background, then the proposal, then results", () => {
    const roles = sentenceRoles([
      "Large language models are increasingly used for code generation, but they remain costly to serve.",
      "In this paper, we propose SparseServe, a system that prunes attention heads at inference time.",
      "SparseServe ranks heads by their gradient saliency and removes the least useful ones.",
      "Experiments on HumanEval show that SparseServe reduces latency by 40% with no loss in accuracy.",
    ]);
    expect(roles.map((r) => r.role)).toEqual(["background", "objective", "method", "result"]);
    for (const r of roles) expect([...r.p].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(roleProbability(roles[3]!, "result")).toBeGreaterThan(0.5);
  });

  it("handles an empty abstract, one sentence and a long one", () => {
    expect(sentenceRoles([])).toEqual([]);
    expect(sentenceRoles(["We propose a method."])).toHaveLength(1);
    const long = Array.from({ length: 400 }, (_, i) => `Sentence ${i} reports a 3% gain on the benchmark.`);
    expect(sentenceRoles(long)).toHaveLength(400);
  });

  it("refuses a file of another shape, naming the file and the refit", () => {
    const file = loadWeightsFile(weightsJson, ROLE_WEIGHTS);
    expect(() => roleModelOf({ ...file, weights: file.features.map(() => 0) })).toThrow(
      /one weight row.*fit-roles/,
    );
    const stranger = { ...file, features: [...file.features.slice(0, -1), "zz:unknown"] };
    expect(() => roleModelOf(stranger)).toThrow(/does not compute \(zz:unknown\)/);
    expect(shippedRoleModel().transition).toHaveLength(ROLES.length);
  });
});

describe("sentence roles: features and chain arithmetic", () => {
  it("folds numbers and stems words; features name position and neighbours", () => {
    expect(roleTokens("We improved accuracy by 12.5% on 3 datasets")).toEqual([
      "we",
      "improv",
      "accuraci",
      "by",
      "<pct>",
      "on",
      "<num>",
      "dataset",
    ]);
    const [first, second] = abstractFeatures(["We study X.", "Results show gains."]);
    expect(first).toEqual(expect.arrayContaining(["bias", "at:0", "pf:<start>", "nf:result", "fp:first"]));
    expect(second).toEqual(expect.arrayContaining(["end:0", "pf:we", "nf:<end>", "fp:after"]));
  });

  it("forward-backward agrees with enumerating every role sequence; Viterbi finds the best one", () => {
    // A fixed pseudo-random 3-sentence, 3-class chain.
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647) * 4 - 2;
    };
    const emit = Array.from({ length: 3 }, () => Float64Array.from({ length: 3 }, rand));
    const trans = Array.from({ length: 3 }, () => Float64Array.from({ length: 3 }, rand));
    const paths: { path: number[]; s: number }[] = [];
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++)
        for (let c = 0; c < 3; c++) {
          const s = emit[0]![a]! + emit[1]![b]! + emit[2]![c]! + trans[a]![b]! + trans[b]![c]!;
          paths.push({ path: [a, b, c], s });
        }
    const z = Math.log(paths.reduce((t, p) => t + Math.exp(p.s), 0));
    const m = marginals(emit, trans, true);
    expect(m.logZ).toBeCloseTo(z, 9);
    const p1b1 = paths.filter((p) => p.path[1] === 1).reduce((t, p) => t + Math.exp(p.s - z), 0);
    expect(m.node[1]![1]).toBeCloseTo(p1b1, 9);
    const pair02 = paths
      .filter((p) => p.path[0] === 0 && p.path[1] === 2)
      .reduce((t, p) => t + Math.exp(p.s - z), 0);
    expect(m.pair[0]![0 * 3 + 2]).toBeCloseTo(pair02, 9);
    const best = paths.reduce((a, b) => (b.s > a.s ? b : a));
    expect(viterbi(emit, trans)).toEqual(best.path);
  });
});
