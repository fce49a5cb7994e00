/**
 * Round 16: unanswerable questions that were answered (docs/ask.md, "Round 16: declining what the
 * paper does not state"). Each paper here is written for the test, not taken from a question set.
 */
import { describe, expect, it } from "vitest";
import { type AnswerInput, answerQuestion, prepareAnswer } from "../../src/ask/answer.js";

const paper = (title: string, abstract: string): AnswerInput => ({ title, abstract, links: [], code: [] });

describe("one of a kind of hardware, asked for by name", () => {
  const kindOnly = paper(
    "Tiled Attention Kernels for Long Documents",
    "We present a tiled attention kernel for documents of a million tokens. Our GPU-friendly " +
      "implementation runs 3.1x faster than the usual kernel. It also fits on small devices used at " +
      "the edge. We evaluate it on three long-document summarization benchmarks.",
  );
  const named = paper(
    "Tiled Attention Kernels for Long Documents",
    "We present a tiled attention kernel for documents of a million tokens. On one H100 our " +
      "implementation runs 3.1x faster than the usual kernel. We evaluate it on three long-document " +
      "summarization benchmarks.",
  );

  it("declines which GPU or which device when the paper only names the kind", () => {
    for (const q of ["which GPU did they time it on?", "on which edge devices did they try it?"]) {
      const prepared = prepareAnswer(kindOnly, q, []);
      expect("answer" in prepared && prepared.rule, q).toBe("no hardware");
      expect(answerQuestion(kindOnly, q).stated, q).toBe(false);
    }
  });

  it("answers with the device when the paper names one", () => {
    const a = answerQuestion(named, "which GPU did they time it on?");
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/H100/);
  });

  it("takes a device named beside a word for hardware, though not in the list of devices", () => {
    const unlisted = paper(
      "Tiled Attention Kernels for Long Documents",
      "We present a tiled attention kernel for documents of a million tokens. On eight Gaudi2 " +
        "accelerators our implementation runs 3.1x faster than the usual kernel.",
    );
    const prepared = prepareAnswer(unlisted, "which accelerator did they time it on?", []);
    expect("answer" in prepared ? prepared.rule : "ranked").not.toBe("no hardware");
  });

  it("leaves 'what hardware' and 'what kind of device' to the kind the paper gives", () => {
    for (const q of ["what hardware is it made for?", "what kind of devices can run it?"]) {
      const prepared = prepareAnswer(kindOnly, q, []);
      expect("answer" in prepared ? prepared.rule : "ranked", q).not.toBe("no hardware");
    }
  });
});

describe("a 'which X' answered only by a term or by the count the reader gave", () => {
  it("does not take an acronym the abstract defines for a plain term as a name", () => {
    const p = paper(
      "Pruned Subnetworks as Reprogrammers",
      "We study whether winning subnetworks, or lottery tickets (LT), can be reprogrammed for new " +
        "tasks. We show that LT are not universal reprogrammers: for some target datasets they lag " +
        "behind dense networks. The gap grows with sparsity.",
    );
    const a = answerQuestion(p, "which target datasets do they try?");
    expect(a.stated).toBe(false);
    expect(a.text).toMatch(/does not name/);
  });

  it("declines 'which of the N models' when the paper only gives the count", () => {
    const p = paper(
      "Street-Level Geolocation by Vision-Language Models",
      "We evaluate twelve popular vision-language models on locating street photos. Our study of " +
        "twelve models shows that all of them place most photos within a city. Errors grow for rural " +
        "scenes.",
    );
    for (const q of ["which of the twelve models was most accurate?", "names of the twelve models?"]) {
      const a = answerQuestion(p, q);
      expect(a.stated, q).toBe(false);
      expect(a.text, q).toMatch(/does not name the models/);
    }
  });

  it("still answers when the sentence names them", () => {
    const p = paper(
      "Street-Level Geolocation by Vision-Language Models",
      "We evaluate two vision-language models on locating street photos. Of the two models, Qwen2-VL " +
        "is more accurate than LLaVA-1.5 on every city. Errors grow for rural scenes.",
    );
    const a = answerQuestion(p, "which of the two models was most accurate?");
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/Qwen2-VL/);
  });
});

describe("a measure asked for by name that no sentence gives", () => {
  const p = paper(
    "Channel Pruning for Small Detectors",
    "We prune the channels of small object detectors after training. On two detection benchmarks " +
      "the pruned detectors keep 98% of their accuracy and run 2.1x faster on a phone. The method " +
      "needs no retraining.",
  );

  it("declines 'what pruning ratio' when no number stands beside a ratio", () => {
    const q = "what pruning ratio do they use?";
    const prepared = prepareAnswer(p, q, []);
    expect("answer" in prepared && prepared.rule).toBe("no measure");
    expect(answerQuestion(p, q).text).toBe("The abstract gives no number for that.");
  });

  it("answers a share with a percentage, and a ratio the paper gives", () => {
    const share = prepareAnswer(p, "what share of the accuracy do they keep?", []);
    expect("answer" in share ? share.rule : "ranked").not.toBe("no measure");
    const given = paper(
      "Channel Pruning for Small Detectors",
      "We prune the channels of small object detectors after training. At a pruning ratio of 0.6 the " +
        "detectors keep their accuracy. The method needs no retraining.",
    );
    const a = answerQuestion(given, "what pruning ratio do they use?");
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/0\.6/);
  });

  it("takes a measure stated in its unit or as a multiple of the word it qualifies", () => {
    const p2 = paper(
      "Compact Policies for Legged Robots",
      "We distill a large locomotion policy into a small one. The student reaches 12x compression " +
        "with no loss in success. On the robot it runs at 50 Hz and keeps 90% sparsity in its weights.",
    );
    for (const q of [
      "what compression ratio do they reach?",
      "what control frequency does the policy run at?",
      "what sparsity level do they keep?",
    ]) {
      const prepared = prepareAnswer(p2, q, []);
      expect("answer" in prepared ? prepared.rule : "ranked", q).not.toBe("no measure");
    }
  });
});
