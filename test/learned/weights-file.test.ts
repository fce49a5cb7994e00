import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";
import {
  checkFeatureNames,
  formatWeightsFile,
  loadWeightsFile,
  weightsByName,
} from "../../src/learned/weights-file.js";
import { FEATURES } from "../../src/search/features.js";
import { RERANK_WEIGHTS, shippedRerankModel } from "../../src/search/rerank.js";
import rerankJson from "../../src/search/rerank-weights.json" with { type: "json" };
import { shippedModel, TLDR_WEIGHTS } from "../../src/summary/model.js";
import tldrJson from "../../src/summary/tldr-weights.json" with { type: "json" };

const expected = { file: "x-weights.json", model: "m", version: 2, script: "scripts/fit-m.ts" };
const valid = {
  model: "m",
  version: 2,
  fitted: { at: "2026-12-06", script: "scripts/fit-m.ts", data: "d", method: "m" },
  features: ["a", "b"],
  weights: [0.5, -1],
};

describe("learned weights files", () => {
  it("both shipped files follow the convention and are written exactly as the fit scripts write them", () => {
    for (const [json, exp] of [
      [rerankJson, RERANK_WEIGHTS],
      [tldrJson, TLDR_WEIGHTS],
    ] as const) {
      const file = loadWeightsFile(json, exp);
      expect(file.fitted.script).toBe(exp.script);
      expect(formatWeightsFile(file)).toBe(formatWeightsFile(json as never));
    }
    expect(shippedRerankModel().weights).toHaveLength(FEATURES.length);
    expect(Object.keys(shippedModel().weights).length).toBeGreaterThan(100);
  });

  it("fills a row by name, whatever the file's order", () => {
    const file = loadWeightsFile({ ...valid, features: ["b", "a"], weights: [-1, 0.5] }, expected);
    expect(weightsByName(file).get("a")).toBe(0.5);
    expect(() => checkFeatureNames(file, ["a", "b"], expected)).not.toThrow();
  });

  it("refuses a file of another model or version, a short row, a duplicate name, a missing feature", () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as { code: string }).code, (e as Error).message];
      }
      return null;
    };
    const cases: [unknown, string][] = [
      [{ ...valid, model: "other" }, "holds other v2, the code expects m v2"],
      [{ ...valid, version: 1 }, "expects m v2"],
      [{ ...valid, weights: [1] }, "weights: has 1 weights for 2 features"],
      [{ ...valid, features: ["a", "a"] }, "names a feature twice"],
      [{ ...valid, weights: { x: [1, 2], y: [1] } }, "weights.y: has 1 weights"],
      [{ ...valid, fitted: { ...valid.fitted, at: "yesterday" } }, "fitted.at"],
    ];
    for (const [json, text] of cases) {
      const [code, message] = codeOf(() => loadWeightsFile(json, expected)) ?? [];
      expect(code).toBe(ErrorCode.WeightsInvalid);
      expect(message).toContain(text);
      expect(message).toContain("npx tsx scripts/fit-m.ts --write");
    }
    const file = loadWeightsFile(valid, expected);
    const [code, message] = codeOf(() => checkFeatureNames(file, ["a", "c"], expected)) ?? [];
    expect(code).toBe(ErrorCode.WeightsInvalid);
    expect(message).toContain("missing: c; unknown: b");
  });
});
