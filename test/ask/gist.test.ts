import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/ask/answer.js";
import { GIST_LEAD, offersGist, withGist } from "../../src/ask/gist.js";
import { questionArchive } from "./question-set.js";

const decline = (intent: Answer["intent"]): Answer => ({
  text: "The abstract does not mention gadgets.",
  evidence: [],
  intent,
  stated: false,
  source: null,
  confidence: null,
  tentative: false,
});

describe("the gist after a declined question about the paper's idea", () => {
  it("follows a decline of an idea question or one of no recognized kind, and nothing else", () => {
    expect(offersGist(decline("proposal"))).toBe(true);
    expect(offersGist(decline("other"))).toBe(true);
    expect(offersGist(decline("method"))).toBe(true);
    for (const intent of ["hardware", "quantity", "datasets", "code", "comparison"] as const)
      expect(offersGist(decline(intent))).toBe(false);
    expect(offersGist({ ...decline("proposal"), refused: true })).toBe(false);
    const stated: Answer = { ...decline("proposal"), stated: true, source: "abstract" };
    expect(withGist(stated, "We propose X.")).toBe(stated);
  });

  it("is labelled, keeps the answer a decline with no evidence, and is skipped when empty", () => {
    const a = withGist(decline("other"), "  We propose X, a scanner.  ");
    expect(a.text).toBe(`The abstract does not mention gadgets. ${GIST_LEAD} We propose X, a scanner.`);
    expect(a.stated).toBe(false);
    expect(a.evidence).toEqual([]);
    expect(withGist(decline("other"), " ").text).toBe("The abstract does not mention gadgets.");
  });

  const engine = questionArchive();
  const ocr = "2601.21957"; // PaddleOCR-VL-1.5 (2026-02-03)
  const tldr = engine.summary(engine.paper(ocr)).tldr;

  it("the engine adds the paper's TL;DR to a vague question it declines", () => {
    const { answer } = engine.ask(ocr, "so the AI secretly tweaks its gadgets?");
    expect(answer.stated).toBe(false);
    expect(tldr.length).toBeGreaterThan(20);
    expect(answer.text.endsWith(`${GIST_LEAD} ${tldr}`)).toBe(true);
    // Hedges, the field's own name and verbs are never named as missing ("does not mention AI
    // secretly tweaks …"): only the thing asked about.
    expect(answer.text.startsWith("The abstract does not mention gadgets.")).toBe(true);
  });

  it("the engine leaves a specific decline and a refusal plain", () => {
    const gpus = engine.ask(ocr, "how many GPUs did they train on?").answer;
    expect(gpus.stated).toBe(false);
    expect(gpus.text).not.toContain(GIST_LEAD);
    const foreign = engine.ask(ocr, "Quels sont les jeux de données utilisés dans cet article ?").answer;
    expect(foreign.refused).toBe(true);
    expect(foreign.text).not.toContain(GIST_LEAD);
  });
});
