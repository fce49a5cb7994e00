/**
 * Round 8's faults of reading a question (docs/ask.md): what the rules decide before the answer
 * model ranks anything. Small papers written here; the sets' figures are in ask.test.ts.
 */
import { describe, expect, it } from "vitest";
import { type AnswerInput, answerQuestion, prepareAnswer } from "../../src/ask/answer.js";
import { cue, namesData, quantities } from "../../src/ask/cues.js";
import { intentWeights } from "../../src/ask/intent.js";
import type { Passage } from "../../src/ask/passages.js";
import { pickEvidence, type Scored } from "../../src/ask/pick.js";
import { readQuestion } from "../../src/ask/question.js";
import { askPaper, rankingOf } from "../support/ask-paper.js";

const paper = askPaper;

const detector = paper(
  "Sparse DETR detectors keep every query. We efficiently abandon the background queries after the encoder. " +
    "Our model reaches 50.4AP (+2.2) on COCO at approximately 1.0 GFLOPs per image, 3.87x faster than the baseline. " +
    "We study fine-tuning as cold-start initialization (IN) and as continued training (CT).",
);
const caseStudies = paper(
  "We present case studies of researchers working with a language model. " +
    "The problems come from theoretical computer science, as well as other areas such as economics and physics. " +
    "The model helped to solve open problems and to refute conjectures.",
);

/** The answer the rules give before ranking, or null when the question reaches the answer model. */
/** The focus words a question is read with, lower-cased. */
const focusOf = (question: string) => readQuestion(question).focus.map((w) => w.lower);
/** The abstract's words a question's everyday `word` also ranks with. */
const alt = (question: string, word: string) =>
  readQuestion(question)
    .alternates.get(word)
    ?.map((w) => w.lower);

const decided = (p: AnswerInput, question: string) => {
  const prepared = prepareAnswer(p, question, []);
  return "answer" in prepared ? prepared.answer.text : null;
};

describe("reading the question (round 8)", () => {
  it("finds a metric glued to its number and a unit under its SI prefix", () => {
    expect(decided(detector, "AP on COCO?")).toBeNull();
    expect(decided(detector, "FLOPs?")).toBeNull();
    expect(answerQuestion(detector, "FLOPs?").text).not.toMatch(/does not mention/);
    // A metric the paper never reports is still missing.
    expect(decided(detector, "mIoU on ADE20K?")).toMatch(/does not mention mIoU/);
  });

  it("answers an acronym's long form from the sentence that introduces it", () => {
    const a = answerQuestion(detector, "what does IN stand for in this paper");
    expect(a.stated).toBe(true);
    expect(a.evidence).toEqual([expect.stringContaining("cold-start initialization (IN)")]);
    expect(answerQuestion(detector, "CT is short for what?").evidence[0]).toMatch(
      /continued training \(CT\)/,
    );
    // The word "in" is no acronym, and an acronym the paper never introduces is not made up.
    expect(answerQuestion(detector, "what does XYZ stand for?").stated).toBe(false);
  });

  it("still declines a counted or named thing the paper never mentions", () => {
    expect(decided(detector, "how many GPUs did they train on?")).toMatch(/does not mention GPUs/);
    expect(decided(caseStudies, "which datasets do they evaluate on?")).not.toBeNull();
    // A word of the kind of answer is not its subject: "what are the three parts" needs no "parts".
    expect(decided(caseStudies, "what are the three parts?")).toBeNull();
  });

  it("does not read solving open problems as asking for limitations", () => {
    const q = readQuestion("did it actually solve open problems or just help with routine stuff");
    expect(intentWeights(q).has("limitations")).toBe(false);
    expect(intentWeights(readQuestion("what open problems remain?")).has("limitations")).toBe(true);
    expect(answerQuestion(caseStudies, "did it actually solve open problems").text).not.toMatch(
      /limitations/,
    );
  });

  it("answers an English question that holds German stopwords", () => {
    const a = answerQuestion(caseStudies, "so it doesn't really solve open problems?");
    expect(a.text).not.toMatch(/only answer questions in English/);
  });
});

// Round 9 (docs/ask.md): faults held out 8 exposed, on small papers written here.
const sized = paper(
  "We train reasoning models with formal verification. Extensive evaluation on six benchmarks spanning mathematical, logical, and general reasoning demonstrates that our 7B and 14B models outperform state-of-the-art baselines by 10.4%. " +
    "Notably, our E-3DSNN (1.87M) obtained 91.7% top-1 accuracy.",
);
const captions = paper(
  "Audiovisual captioning lacks fine-grained supervision. We introduce ASID-1M, an open-source collection of one million structured, fine-grained audiovisual instruction annotations. " +
    "Code: https://github.com/example/asid",
);
const routing = paper(
  "Attention is costly on long sequences. For a query, irrelevant key-value pairs are first filtered out at a coarse region level. " +
    "We provide a simple implementation involving only GPU-friendly dense matrix multiplications.",
);

describe("reading the question (round 9)", () => {
  it("reads a terse size question as asking for a size, and a 7B or 1.87M as one", () => {
    for (const question of [
      "model sizes?",
      "backbone size?",
      "param count?",
      "params?",
      "what's the param count",
    ]) {
      const q = readQuestion(question);
      expect(q.measure, question).toBe("size");
      expect(intentWeights(q).has("quantity"), question).toBe(true);
      expect(q.focus, question).toEqual([]);
      expect(decided(sized, question), question).toBeNull();
    }
    // "model size" inside another question is not a size question.
    expect(readQuestion("Does model size predict how well the LLMs do?").measure).toBeNull();
    expect(readQuestion("does it add parameters").measure).toBeNull();
  });

  it("counts a number written in words, next to what it counts", () => {
    const found = quantities(
      "an open-source collection of one million structured annotations, a dozen tasks",
    );
    expect(found.map((x) => x.text)).toEqual(["one million structured annotations", "a dozen tasks"]);
    // "one" alone is not a count.
    expect(quantities("one of the best models")).toEqual([]);
    expect(decided(captions, "how many annotations in ASID-1M?")).toBeNull();
    expect(decided(captions, "how many hours of video are in ASID-1M?")).toMatch(/does not mention hours/);
  });

  it("does not ask for a frame word ('happens', 'novelty claim') to be in the paper", () => {
    expect(decided(routing, "What happens to irrelevant key-value pairs?")).toBeNull();
    const q = readQuestion("What is their novelty claim, exactly?");
    expect(q.focus).toEqual([]);
    expect(intentWeights(q).has("proposal")).toBe(true);
  });

  it("answers with links only when code, data or weights are asked for", () => {
    const links = (question: string) => /github\.com/.test(answerQuestion(captions, question).text);
    expect(links("where do i grab the dataset?")).toBe(true);
    expect(links("is the dataset open?")).toBe(true);
    expect(links("is it open source?")).toBe(true);
    expect(intentWeights(readQuestion("Is the implementation GPU friendly?")).has("code")).toBe(false);
    expect(
      intentWeights(readQuestion("what gpus did they use to run the open-source models?")).has("code"),
    ).toBe(false);
    expect(decided(captions, "what gpus did they use to run the open-source models?")).toMatch(
      /does not mention gpus/,
    );
    expect(intentWeights(readQuestion("it is the best of the open-source models?")).has("code")).toBe(false);
  });

  it("takes a count of benchmarks as naming evaluation data", () => {
    expect(
      namesData("Extensive evaluation on six benchmarks spanning mathematical and logical reasoning"),
    ).toBe(true);
    expect(namesData("a diverse collection of long-sequence tasks")).toBe(true);
    expect(namesData("We propose a new benchmark.")).toBe(false);
  });
});

// Round 10 (docs/ask.md): faults held out 9 exposed, on small papers and questions written here.
const scheduler = paper(
  "Static schedules waste energy. We tune task placement for heterogeneous multi-core architectures with a learned planner. " +
    "The planner decides at run time how deep the search goes. A multi-layer perceptron scores each placement. " +
    "Our planner beats training-free and hand-tuned baselines and general VLLMs on four workloads.",
);

describe("reading the question (round 10)", () => {
  const intents = (question: string) => [...intentWeights(readQuestion(question)).keys()];

  it("reads a single failure case as limitations, and 'catch' only as the noun", () => {
    expect(intents("is there a known failure case for the decoder?")).toContain("limitations");
    expect(intents("so any catch?")).toContain("limitations");
    expect(intents("what's the catch with this setup")).toContain("limitations");
    expect(intents("can the checker catch wrong proofs early?")).not.toContain("limitations");
    expect(decided(scheduler, "how does the planner catch bad placements?")).toBeNull();
  });

  it("reads processors as hardware, answered only by the sentence that names the architecture", () => {
    expect(intents("what sort of processors is it built for?")).toContain("hardware");
    expect(decided(scheduler, "what sort of processor is it built for?")).toBeNull();
    // Only the sentence that names the architecture may answer it (the model weighs it against declining).
    const prepared = prepareAnswer(scheduler, "what sort of processor is it built for?", []);
    if (!("ranking" in prepared)) throw new Error("decided before ranking");
    const eligible = prepared.ranking.passages.filter((_, i) => prepared.ranking.eligible[i]);
    expect(eligible.map((p) => p.shown)).toEqual([expect.stringMatching(/multi-core architectures/)]);
  });

  it("reads 'which X matter' as a method question, 'why does X matter' as a problem", () => {
    expect(intents("how do they pick which heads matter most?")).not.toContain("problem");
    expect(intents("why does calibration even matter here?")).toContain("problem");
  });

  it("reads 'what does X Y mean' as a definition, and 'what is X for' as not one", () => {
    const meaning = intents("what does sparse routing mean here?");
    expect(meaning).toContain("definition");
    expect(meaning).not.toContain("method");
    expect(intents("what is the router for?")).not.toContain("definition");
    expect(intents("so what is it for?")).toContain("proposal");
    expect(readQuestion("so what do they get in the end?").focus.map((w) => w.lower)).not.toContain("end");
  });

  it("does not read a 'how many' inside 'decide how many' as a count", () => {
    const q = readQuestion("how does the controller choose how many workers to start?");
    expect(q.measure).toBeNull();
    expect(intentWeights(q).has("quantity")).toBe(false);
    expect(decided(scheduler, "how does the planner decide how many placements to try?")).toBeNull();
    expect(readQuestion("how many workloads do they test?").measure).toBe("count");
  });

  it("reads a ratio or rate asked for as a number question", () => {
    expect(intents("what's the pruning ratio?")).toContain("quantity");
    const unnumbered = paper(
      "We tune task placement with a learned planner. It saves energy on every workload.",
    );
    expect(decided(unnumbered, "what is the energy saving rate?")).toMatch(/no number/);
    expect(intents("what is the ratio of the two losses used for?")).not.toContain("quantity");
  });

  it("reads 'which X <verb>s the Y' with X as the thing asked for", () => {
    expect(readQuestion("which LLM writes the captions?").entity?.lower).toBe("llm");
    expect(readQuestion("which base model scores the answers?").entity?.lower).toBe("model");
    expect(readQuestion("which VLM do they start from?").entity?.lower).toBe("vlm");
  });

  it("leaves the reader's own context and what they set aside out of the focus", () => {
    const own = readQuestion("I work on speech codecs; does it handle music?").focus.map((w) => w.lower);
    expect(own).toEqual(["handle", "music"].filter((w) => own.includes(w)));
    expect(own).not.toContain("codecs");
    const aside = readQuestion("besides the latency, what else gets better?").focus.map((w) => w.lower);
    expect(aside).not.toContain("latency");
    // A word of the context the question asks about again stays.
    const again = readQuestion("My lab tunes sparsity by hand. Does their sparsity schedule help?").focus;
    expect(again.map((w) => w.lower)).toContain("sparsity");
    expect(again.map((w) => w.lower)).not.toContain("lab");
  });

  it("finds an acronym spelled out with a hyphened word, and VLMs as VLLMs", () => {
    expect(decided(scheduler, "what does the MLP score?")).toBeNull();
    expect(decided(scheduler, "does it beat VLMs?")).toBeNull();
    expect(decided(scheduler, "does it beat GNNs?")).toMatch(/does not mention GNNs/);
  });

  it("ranks with the abstract's word for an everyday one", () => {
    const alternates = readQuestion("is one encoder enough in practice?").alternates;
    expect(alternates.get("enough")?.map((w) => w.lower)).toContain("sufficient");
    expect(alternates.get("practice")?.map((w) => w.lower)).toContain("real-world");
    expect(
      readQuestion("do they beat VLMs?")
        .alternates.get("vlms")
        ?.map((w) => w.lower),
    ).toContain("multimodal");
  });

  it("does not ask for evaluation data when data is what it is compared with", () => {
    expect(intents("how does it differ from earlier retrieval benchmarks?")).not.toContain("datasets");
    expect(intents("which benchmarks do they evaluate on?")).toContain("datasets");
  });

  it("takes baselines told by their kind as naming them", () => {
    const a = answerQuestion(scheduler, "which baselines does the planner beat?");
    expect(a.stated).toBe(true);
    expect(a.text).toMatch(/training-free and hand-tuned baselines/);
    const plain = paper(
      "We schedule tasks with a planner. It outperforms strong baselines on four workloads.",
    );
    expect(answerQuestion(plain, "which baselines does the planner beat?").stated).toBe(false);
  });

  it("finds a 2D or 3D question answered by a paper that generalizes to n dimensions", () => {
    const general = paper(
      "We learn the spacing of kernel taps in 2D. We then extend the method to the n-dimensional case.",
    );
    expect(decided(general, "can it handle 4D inputs?")).toBeNull();
    const flat = paper("We learn the spacing of kernel taps in 2D images. It improves accuracy.");
    expect(decided(flat, "can it handle 4D inputs?")).toMatch(/does not mention 4D/);
  });

  it("takes a stated performance drop as a limitation", () => {
    expect(cue("limitations", "We also observe a performance drop at very low bit widths.")).toBeGreaterThan(
      0,
    );
    expect(cue("limitations", "It improves performance on all tasks.")).toBe(0);
  });

  it("answers 'what GPU' from the named GPU even when a speed is asked too", () => {
    const gpu = paper(
      "We prune tokens in vision transformers. The method keeps accuracy within one point. On an NVIDIA A100 it runs 2x faster than the dense model.",
    );
    const a = answerQuestion(gpu, "what GPU is the 2x speedup measured on?");
    expect(a.stated).toBe(true);
    expect(a.text).toMatch(/A100/);
  });

  it("takes 'X can be seen as …' as defining X", () => {
    expect(
      cue("definition", "A sparse code can be seen as a mixture with few active parts."),
    ).toBeGreaterThan(0);
    expect(intents("which prior theory is this work grounded in?")).not.toContain("method");
  });
});

describe("reading the question (round 11)", () => {
  const intents = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  const compressor = paper(
    "Large speech models are too costly to serve on phones. We introduce a pruning scheme termed TapCut, which drops whole attention heads. " +
      "TapCut shrinks the encoder by 41% with under one point of word error rate lost. " +
      "Experiments across four benchmarks show it generalizes to unseen accents.",
  );

  it("reads 'how much <comparative>' as the change asked for, not a thing to find", () => {
    const q = readQuestion("so how much lighter does the encoder become?");
    expect(q.measure).toBe("change");
    expect(q.focus.map((w) => w.lower)).not.toContain("lighter");
    expect(decided(compressor, "how much smaller does the encoder get?")).toBeNull();
    // With the comparative gone, what is left must still be in the paper.
    expect(decided(compressor, "how much larger a batch size can the decoder take?")).toMatch(
      /does not mention/,
    );
  });

  it("drops filler words ('roughly', 'in the first place', 'whole', 'rather')", () => {
    expect(focusOf("how big is the speedup, roughly?")).toEqual([]);
    expect(focusOf("why prune heads in the first place?")).not.toContain("place");
    expect(focusOf("what is the whole pipeline rather than the loss?")).not.toContain("whole");
  });

  it("reads a latency asked for with 'what is' as a number question", () => {
    expect(readQuestion("what's the decoding latency per utterance?").measure).toBe("time");
    expect(decided(compressor, "what is the pruning latency per head?")).toMatch(/no number/);
    expect(readQuestion("what is latency hiding?").measure).toBeNull();
  });

  it("reads 'which sizes' as a size question and 'which X scored best' with X as the entity", () => {
    expect(readQuestion("which sizes of encoder do they prune?").measure).toBe("size");
    expect(intents("which sizes of checkpoint they release?")).toContain("quantity");
    expect(readQuestion("which model ranked best on accents?").entity?.lower).toBe("model");
  });

  it("does not take a sentence that only counts the benchmarks for 'which N benchmarks'", () => {
    const counted = paper(
      "Speech models are costly to serve. We introduce a pruning scheme termed TapCut. " +
        "Experiments across four benchmarks show that TapCut keeps the accuracy of Whisper while halving its cost.",
    );
    // Without a count, the counted sentence (it names Whisper) is still the answer …
    expect(answerQuestion(counted, "which benchmarks do they use?").stated).toBe(true);
    // … but a reader who already knows there are four wants their names.
    expect(answerQuestion(counted, "which four benchmarks exactly?").text).toMatch(
      /does not name the benchmarks/,
    );
    expect(answerQuestion(counted, "which 4 benchmarks do they use?").stated).toBe(false);
    expect(readQuestion("which 4 benchmarks exactly?").entity?.lower).toBe("benchmarks");
  });

  it("takes the paper's own introduced name as its own when limitations are asked", () => {
    // TapCut is not in the title but the abstract introduces it: its drawbacks are this paper's.
    expect(decided(compressor, "any downsides of TapCut, like lower recall?")).toMatch(
      /does not state any limitations/,
    );
  });

  it("finds a compound of acronyms when each is in the paper", () => {
    const recipe = paper(
      "We train agents with supervised fine-tuning (SFT) followed by reinforcement learning (RL). It beats the usual recipe.",
    );
    expect(decided(recipe, "does it beat SFT-then-RL pipelines?")).toBeNull();
    expect(decided(recipe, "does it beat DPO-then-PPO pipelines?")).toMatch(/does not mention/);
    expect(
      readQuestion("LR how much higher?")
        .alternates.get("lr")
        ?.map((w) => w.lower),
    ).toContain("learning");
  });

  it("reads gaps filled, terse 'X how', 'it works also for' and 'from where' by their kind", () => {
    expect(intents("which gap are they filling?")).toContain("problem");
    expect(intents("head dropping how")).toContain("method");
    expect(intents("It works also for music or only for speech?")).toContain("results");
    expect(intents("the recordings, from where they come?")).toContain("datasets");
    expect(intents("is it streaming or offline like the older speech benchmarks?")).not.toContain("datasets");
  });

  it("ranks with the abstract's word for everyday ones (widen, middle, built on, memory)", () => {
    const question = "why widen it in the middle, and what is it built on?";
    expect(alt(question, "widen")).toContain("width");
    expect(alt(question, "middle")).toContain("mid-stage");
    expect(alt(question, "built")).toContain("based");
    expect(alt("can it recall from memory?", "memory")).toContain("parametric");
  });
});

describe("a question about another paper of the day (round 11)", () => {
  const tapCut = paper(
    "Speech models are costly to serve. We introduce a pruning scheme termed TapCut, which drops attention heads. " +
      "TapCut keeps word error rate within one point while halving the cost of classical convolutional front ends.",
  );

  it("declines when two technical terms of the question are nowhere in the paper", () => {
    expect(decided(tapCut, "how does the diffusion sampler denoise each attention head?")).toMatch(
      /does not mention/,
    );
  });

  it("declines three missing words when one of them is technical", () => {
    expect(decided(tapCut, "do they rank and order heads by entropy?")).toMatch(/does not mention/);
  });

  it("still reaches the model when the missing words are everyday ones or written otherwise", () => {
    expect(decided(tapCut, "how do they choose which heads to drop first?")).toBeNull();
    // Missing words that are all everyday ones: left to the model.
    expect(decided(tapCut, "does the error rate stay low on rare words?")).toBeNull();
  });
});

describe("which datasets, of a paper that names its evaluation data (round 11)", () => {
  const detector = paper(
    "Detectors waste compute on background regions. We propose GateDet, which skips empty tiles. " +
      "On COCO and LVIS, GateDet keeps accuracy within 0.3 AP while running 2x faster. " +
      "The gate is trained jointly with the detector.",
  );
  const ranked = (question: string) => rankingOf(detector, question);

  it("answers from a sentence that names the data, however the model scores declining", () => {
    for (const q of ["which datasets do they use?", "what benchmarks?", "and on which dataset?"]) {
      const r = ranked(q);
      expect(r.stated, q).toBe(true);
      // Only the sentence naming COCO and LVIS may answer.
      const eligible = r.passages.filter((_, i) => r.eligible[i]).map((p) => p.shown);
      expect(eligible, q).toEqual([expect.stringContaining("On COCO and LVIS")]);
    }
    expect(answerQuestion(detector, "and on which dataset?").text).toMatch(/COCO and LVIS/);
  });

  it("leaves other data questions to the model: training data, or data of some kind", () => {
    expect(ranked("what data is the gate trained on?").stated).toBe(false);
    expect(ranked("which dataset of background tiles do they use?").stated).toBe(false);
  });
});

describe("reading the question (round 12)", () => {
  const intents = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  const planner = paper(
    "Warehouse robots replan slowly when many robots share one aisle. We introduce LaneMind, a planner that coordinates multiple robots at once. " +
      "LaneMind cuts replanning time by 35% and serves three warehouses. The controller assigns lanes before each shift.",
  );

  it("counts the thing a 'how many X' asks for, even a thing usually answered by names", () => {
    const q = readQuestion("how many robots are in one aisle at most?");
    expect(q.asked.map((w) => w.lower)).toEqual(["robots"]);
    // "multiple robots … three warehouses": the three counts warehouses, not robots.
    expect(decided(planner, "how many robots are in one aisle at most?")).toMatch(
      /does not say how many robots/,
    );
    expect(decided(planner, "how many warehouses?")).toBeNull();
  });

  it("reads the thing before a possessive as the head of 'which X's Y'", () => {
    expect(readQuestion("which vendors' robots were used?").asked.map((w) => w.lower)).toEqual(["vendors"]);
    expect(decided(planner, "which vendors' robots were used?")).toMatch(/does not mention vendors/);
  });

  it("reads wall-clock time, money and 'how often' as number questions", () => {
    expect(readQuestion("wall-clock overhead of the planner?").measure).toBe("time");
    expect(readQuestion("how much does a shift cost in dollars?").measure).toBe("money");
    expect(readQuestion("how much does LaneMind cut the cost?").measure).toBe("change");
    expect(readQuestion("how often does the planner deadlock?").measure).toBe("change");
    // A percentage is no price.
    expect(decided(planner, "how much does one replanning cost in dollars?")).toMatch(/no number/);
    expect(quantities("It costs $0.42 per run.")[0]?.money).toBe(true);
  });

  it("reads 'does X help', 'does it still work', 'what does X buy you' as results", () => {
    expect(intents("does lane assignment really help")).toContain("results");
    expect(intents("does it still work when half the robots fail?")).toContain("results");
    expect(intents("so what does the shift planner buy us")).toContain("results");
    // "The trick that makes it work on X" asks for the method, not whether it works.
    expect(intents("what's the idea that makes it work on narrow aisles?")).not.toContain("results");
  });

  it("reads where the data comes from, why it is needed and 'why not just X' by their kind", () => {
    expect(intents("where do the layout samples come from?")).toEqual(["datasets"]);
    expect(intents("where does the speedup come from?")).not.toContain("datasets");
    expect(intents("why would anyone need yet another planner")).toContain("problem");
    expect(intents("why are current planners not good enough?")).toContain("problem");
    expect(intents("why not simply add more aisles?")).toEqual(["reason", "comparison"]);
    expect(intents("can I use it instead of a rule-based scheduler?")).toContain("comparison");
  });

  it("reads 'what does the tool do' as what it is, and 'what does the controller do' as how", () => {
    expect(intents("what does the toolkit do")).toEqual(["proposal"]);
    expect(intents("what does the controller do")).toContain("method");
  });

  it("takes an analogy's words as the reader's own, not words the paper must use", () => {
    const q = readQuestion("so it's basically like air traffic control for the AI?");
    expect([...q.figurative]).toEqual(expect.arrayContaining(["air", "traffic", "control", "ai"]));
    expect(intentWeights(q).has("proposal")).toBe(true);
    // The analogy's "score" asks for no result.
    expect(intents("is this like a referee who checks every score?")).toEqual(["proposal", "method"]);
    expect(decided(planner, "is this like air traffic control for the AI?")).toBeNull();
    expect(decided(planner, "is this like a chess engine moving pawns?")).toBeNull();
    // A real name in the analogy still has to be in the paper.
    expect(decided(planner, "is it like MAPF-LNS but faster?")).toMatch(/does not mention MAPF-LNS/);
  });

  it("spells out 'envs' and 'ops', and reads 'who is it for' as asking for its users", () => {
    expect(focusOf("which envs and ops do they support")).toEqual(["environments", "operations", "support"]);
    expect(focusOf("who is this toolkit for?")).toEqual(["intended", "users"]);
  });

  it("ranks with the abstract's word for the newcomer's everyday ones", () => {
    expect(alt("so it guesses the label?", "guesses")).toContain("predict");
    expect(alt("can people cheat it with hints?", "cheat")).toContain("leak");
    expect(alt("does blurring the photo stop it?", "photo")).toContain("image");
    expect(alt("is there any danger for the bots?", "danger")).toContain("risk");
    expect(alt("what does sparsity buy you", "buy")).toContain("advantage");
    // A word the paper writes in another form is not missing from it.
    const proof = paper("We prove theoretically that the scheduler preserves the ordering of jobs.");
    expect(decided(proof, "in theory, does it keep the jobs ranked?")).toBeNull();
  });
});

describe("the newcomer's and the product manager's wording (round 12, held out 12, 14, 15)", () => {
  const intents = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  const planner = paper(
    "Warehouse robots replan slowly when many robots share one aisle. We introduce LaneMind, a planner that coordinates robots at once. " +
      "LaneMind cuts replanning time by 35% across three warehouses.",
  );

  it("never asks for 'AI' by name", () => {
    expect(decided(planner, "so the AI coordinates the robots by itself?")).toBeNull();
    expect(readQuestion("so the AI coordinates the robots?").names.map((w) => w.lower)).toContain("ai");
  });

  it("drops 'in plain words' and reads 'the trick' and 'the headline' as kinds of answer", () => {
    expect(focusOf("what's the trick here, in plain English?")).toEqual([]);
    expect(intents("what's the trick here, in plain English?")).toEqual(["method"]);
    expect(intents("ok but what's the headline?")).toContain("proposal");
  });

  it("reads 'why would anyone care' as asking for the problem", () => {
    expect(intents("why should anybody care about aisles?")).toContain("problem");
    expect(focusOf("why should anybody care about aisles?")).toEqual(["aisles"]);
  });

  it("takes the words after 'is like' or ', like' as an analogy", () => {
    expect([...readQuestion("so a lane is like a reserved seat on a train?").figurative]).toContain("seat");
    expect([...readQuestion("what's replanning, like a satnav rerouting?").figurative]).toContain("satnav");
  });
});

const decidedOrEligible = (p: AnswerInput, question: string) => {
  const prepared = prepareAnswer(p, question, []);
  return "answer" in prepared
    ? prepared.answer.text
    : prepared.ranking.passages.filter((_, i) => prepared.ranking.eligible[i]).map((x) => x.shown);
};

describe("which languages, and a number about the paper's subject (round 12)", () => {
  const translator = paper(
    "Code translation models are brittle. We present PortBench, covering Rust, Kotlin and Go. " +
      "Human raters judged 900 translations.",
  );

  it("answers 'which languages' from a sentence naming languages, and declines when none is named", () => {
    expect(decidedOrEligible(translator, "which languages?")).toEqual([
      expect.stringContaining("Rust, Kotlin and Go"),
    ]);
    const prose = paper("We study translation between programming languages. Models are brittle.");
    expect(decided(prose, "which programming languages are covered?")).toMatch(/does not name the languages/);
    // A count of languages is a number question, not this rule.
    expect(decided(prose, "how many languages?")).not.toMatch(/does not name the languages/);
  });

  it("takes a number without the title's word as about the paper's subject", () => {
    const codec: AnswerInput = {
      ...paper(
        "We study learned codecs for satellite imagery. Our method improves rate-distortion by up to 2.1 dB over JPEG2000.",
      ),
      title: "Learned Compression for Satellite Imagery",
    };
    expect(decidedOrEligible(codec, "how much better compression?")).toEqual([
      expect.stringContaining("up to 2.1 dB"),
    ]);
  });
});

describe("the host's setting and the reader's restatement of the idea (round 13, held out 13)", () => {
  const intents = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  const planner = paper(
    "Warehouse robots replan slowly when many robots share one aisle. We introduce LaneMind, a planner that coordinates robots at once. " +
      "LaneMind cuts replanning time by 35% across three warehouses.",
  );

  it("drops the reading group, the session and the discussion from what the question is about", () => {
    expect(focusOf("a quick intro of this work for my journal club?")).toEqual([]);
    expect(intents("a quick intro of this work for my journal club?")).toContain("proposal");
    expect(focusOf("debate point: is replanning really the bottleneck?")).toEqual([
      "replanning",
      "bottleneck",
    ]);
    expect(focusOf("which result should I open the meeting with?")).toEqual([]);
    expect(decided(planner, "how would you pitch LaneMind to our reading group?")).toBeNull();
    expect(intents("how would you pitch LaneMind to our reading group?")).toContain("proposal");
    expect(decided(planner, "what should the club take away?")).toBeNull();
    expect(intents("what should the club take away?")).toContain("proposal");
    expect(intents("what should the club take away?")).toContain("results");
    expect(intents("what's the headline?")).toEqual(["proposal"]);
    // "the group" of a paper about groups is still its subject.
    expect(focusOf("how large is each robot group?")).toContain("group");
  });

  it("reads an open question the paper starts from as the problem, not its limitations", () => {
    expect(intents("which central question does the study begin with?")).toContain("problem");
    expect(intents("what open questions does this work raise?")).not.toContain("limitations");
    expect(intents("what open problems remain?")).toContain("limitations");
  });

  it("reads a yes/no restatement of the idea as asking for the main idea", () => {
    expect(intents("so the planner only moves robots that block an aisle?")).toEqual(["proposal", "method"]);
    expect(intents("is the point that lanes are booked ahead of time?")).toEqual(["proposal", "method"]);
    expect(intents("so basically they hand out lanes before the shift?")).toEqual(["proposal", "method"]);
    // A restatement that asks a kind of answer of its own keeps it.
    expect(intents("so it outperforms the greedy planner?")).not.toContain("proposal");
    expect(intents("so it runs on a laptop?")).toEqual(["hardware"]);
    // Copying a human habit is an analogy: its words need not be in the paper.
    const q = readQuestion("is this mimicking how air traffic controllers sequence planes?");
    expect([...q.figurative]).toEqual(expect.arrayContaining(["controllers", "planes"]));
    expect(decided(planner, "is this mimicking how air traffic controllers sequence planes?")).toBeNull();
  });

  it("reads a factor, a trend of a count and 'fall short' by their kind", () => {
    const factor = readQuestion("how many times faster does replanning get?");
    expect(factor.measure).toBe("speed");
    expect(factor.asked).toEqual([]);
    expect(readQuestion("how many times did they rerun it?").measure).toBe("count");
    expect(readQuestion("what happens to the number of replans over a shift?").measure).toBeNull();
    expect(intents("what happens to the number of replans over a shift?")).not.toContain("quantity");
    expect(intents("in which aisles does it fall shortest?")).toContain("limitations");
    expect(decided(planner, "where does LaneMind fall shortest?") ?? "").not.toMatch(/does not mention fall/);
  });

  it("reads availability of everything as a code question, and demo data as data", () => {
    expect(intents("is everything public, weights too?")).toContain("code");
    expect(intents("how was the demo data filtered?")).not.toContain("code");
    expect(intents("is there a demo?")).toEqual(["code"]);
    // "current" in "how current planners work" is no "how reliable".
    expect(intents("what is wrong with how current planners work?")).not.toContain("results");
    // A plural of the kind of answer is no subject: "which mechanisms" needs no "mechanisms".
    expect(focusOf("what safety mechanisms does it add?")).toEqual(["safety", "add"]);
  });

  it("reads what holds a field back, what others get wrong and why it is worth doing as the problem", () => {
    expect(intents("what is holding back warehouse planners?")).toContain("problem");
    expect(focusOf("what is holding back warehouse planners?")).toEqual(["warehouse", "planners"]);
    expect(intents("what do older planners get wrong about narrow aisles?")).toContain("problem");
    expect(intents("why is faster replanning so important for warehouses?")).toContain("problem");
    expect(intents("why bother with lanes at all?")).toContain("problem");
    expect(intents("so has no one tried booking lanes before?")).toContain("problem");
    // "What goes wrong" still asks for the limitations.
    expect(intents("what goes wrong in crowded aisles?")).toEqual(["limitations"]);
  });

  it("reads what decides whether, what a part is for, and what they built by their kind", () => {
    expect(intents("what decides whether a robot waits?")).toContain("reason");
    expect(intents("what is the lane booking step for?")).toContain("reason");
    expect(intents("what is it for?")).toEqual(["proposal"]);
    expect(intents("so did they really build anything, or is it a survey?")).toContain("proposal");
    expect(intents("what did they build?")).toEqual(["proposal"]);
    expect(intents("so it is booking lanes ahead of each shift?")).toEqual(["proposal", "method"]);
    expect(intents("so a robot waits until the aisle clears?")).toEqual(["proposal", "method"]);
    expect(intents("so instead of replanning, a robot waits its turn?")).toEqual(
      expect.arrayContaining(["comparison", "proposal", "method"]),
    );
  });
  it("reads 'under the hood', a restatement naming GitHub, and whether it cuts something by their kind", () => {
    expect(intents("what does the planner run on under the hood?")).toEqual(["method"]);
    expect(intents("what does the planner run on?")).toContain("hardware");
    expect(intents("so it copies how people route trucks on github?")).toEqual(["proposal", "method"]);
    expect(intents("so it is on github?")).toContain("code");
    expect(intents("so it's open source?")).toEqual(["code"]);
    expect(intents("does it also cut the idle time?")).toContain("results");
    expect(intents("is it quicker than replanning from scratch?")).toContain("results");
  });

  it("ranks with the abstract's word for 'outside', 'quicker', 'thinking', 'false alarms', 'hurt'", () => {
    expect(alt("does it work outside chess?", "outside")).toContain("general-domain");
    expect(alt("is it quicker?", "quicker")).toContain("speedup");
    expect(alt("does it need less thinking?", "thinking")).toContain("reasoning");
    expect(alt("does it raise fewer alarms?", "alarms")).toContain("positives");
    expect(alt("does pruning hurt recall?", "hurt")).toContain("preserving");
    expect(focusOf("does it work outside chess?")).toEqual(["chess"]);
  });
  it("reads a gap in benchmarks as a problem, and the difference from earlier work as what is new", () => {
    expect(intents("what gap in current routing benchmarks does it fill?")).toEqual(["problem"]);
    expect(intents("which benchmarks do they use?")).toEqual(["datasets"]);
    expect(intents("what's the main difference from earlier planners?")).toEqual(
      expect.arrayContaining(["comparison", "proposal"]),
    );
    expect(intents("what's the difference between a lane and an aisle?")).not.toContain("proposal");
  });
  it("reads what limits a field, what is wasteful about it, and the old way as the problem", () => {
    expect(intents("what limits the throughput of today's planners?")).toEqual(["problem"]);
    expect(intents("what limits does the planner have?")).toContain("limitations");
    expect(intents("why would anyone in a warehouse care?")).toContain("problem");
    expect(intents("what is inefficient about how planners share aisles?")).toContain("problem");
    expect(intents("so robots collide a lot with the usual approach?")).toContain("problem");
  });
});

describe("why questions: the cause after the statement (round 13, why)", () => {
  const planner = paper(
    "Fleet planners coordinate warehouse robots along shared lanes. " +
      "However, existing fleet planners stall when many robots enter one crossing. " +
      "We attribute this to a single global lock that every robot must take. " +
      "We introduce LaneMind, which gives each crossing its own lock, and cut stalls by 60%.",
  );

  it("gives the cause that follows the statement a why question is about", () => {
    const a = answerQuestion(planner, "why do existing fleet planners stall at crossings?");
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/We attribute this to a single global lock/);
  });

  it("gives it after a lead-in ('we argue that this … stems from'), and not to a question asking no cause", () => {
    const argued = paper(
      "Fleet planners coordinate warehouse robots along shared lanes. " +
        "However, existing fleet planners stall when many robots enter one crossing. " +
        "In this paper, we argue that this stalling stems from a single global lock. " +
        "We introduce LaneMind, which gives each crossing its own lock, and cut stalls by 60%.",
    );
    const a = answerQuestion(argued, "how come existing fleet planners stall at crossings?");
    expect(a.evidence.join(" ")).toMatch(/stems from a single global lock/);
    const b = answerQuestion(planner, "do existing fleet planners stall at crossings?");
    expect(b.evidence.join(" ")).not.toMatch(/We attribute this/);
  });
});

describe("what is wrong with X: the problem sentence beside the best one (round 13, problem)", () => {
  const greenhouse = paper(
    "Greenhouse drip controllers water every bed on a fixed timer set by the grower. " +
      "While simple, this scheme is inefficient: damp beds are flooded and sunny ones starve. " +
      "We present SoilSense, a controller that reads soil moisture probes before each cycle. " +
      "In trials on twelve greenhouses SoilSense used 31% less water with equal yield.",
  );

  it("adds the fault that turns on what the best sentence describes", () => {
    const a = answerQuestion(greenhouse, "the problem with fixed-timer drip controllers?");
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/this scheme is inefficient/);
  });

  it("adds the problem before a sentence that takes it up ('to close this gap, …')", () => {
    const pivot = paper(
      "Greenhouse growers increasingly automate irrigation. " +
        "Fixed drip timers ignore soil moisture, so damp beds get flooded and sunny beds dry out. " +
        "To close this gap, we present SoilSense, which reads moisture probes before each drip cycle. " +
        "SoilSense used 31% less water on twelve greenhouses.",
    );
    const a = answerQuestion(pivot, "what gap is SoilSense closing?");
    expect(a.evidence.join(" ")).toMatch(/Fixed drip timers ignore soil moisture/);
  });

  it("leaves an answer alone when the question asks for no problem", () => {
    const a = answerQuestion(greenhouse, "how do greenhouse drip controllers decide when to water?");
    expect(a.evidence.join(" ")).not.toMatch(/this scheme is inefficient/);
  });
});

describe("the reader's own context after the question (round 14, held out 18)", () => {
  const beekeeping = paper(
    "Hive scales log weight every minute, but beekeepers read them once a week. " +
      "We present HiveWatch, which flags swarming from the weight curve alone, on the hive's own gateway. " +
      "HiveWatch caught 17 of 19 swarms across 40 hives with two false alarms.",
  );

  it("reads the question before a clause about the reader's own work, not that clause", () => {
    expect(focusOf("does it run on the hive's gateway? my lab uses thermal cameras instead")).toEqual([
      "hive",
      "gateway",
    ]);
    expect(
      focusOf("how many swarms did it catch? that's what i track with my acoustic sensors"),
    ).not.toContain("acoustic");
    expect(focusOf("how many swarms? comparing against my own microphone setup")).not.toContain("microphone");
  });

  it("answers instead of declining for the reader's words the abstract never uses", () => {
    const a = answerQuestion(
      beekeeping,
      "does it flag swarming from weight alone? my setup listens per hive with microphones",
    );
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/flags swarming from the weight curve/);
    const b = answerQuestion(beekeeping, "how many swarms did it catch? my rig logs humidity");
    expect(b.evidence.join(" ")).toMatch(/caught 17 of 19 swarms/);
  });

  it("keeps a clause after the question that is a question of its own, and a lone first-person question", () => {
    expect(focusOf("does it work at night? what about in winter")).toContain("winter");
    expect(focusOf("my hives are in a cold climate; would it still work?")).not.toContain("hives");
    expect(focusOf("can I run it on my gateway?")).toContain("gateway");
  });
});

describe("reading the question (round 14, held out 16's misses)", () => {
  const intents = (question: string) => [...intentWeights(readQuestion(question)).keys()].sort();

  it("reads 'out there' as a place, not a release, and 'the trained X weights' as a release", () => {
    expect(intents("is it faster than the other bridge-inspection drones out there?")).not.toContain("code");
    expect(intents("where do I download the pretrained beehive weights?")).toContain("code");
    expect(intents("can I grab their finetuned checkpoints?")).toContain("code");
  });

  it("reads a guess after 'what does X mean' and 'what does X look like' as a definition", () => {
    expect(intents("what does 'swarm drift' mean, the bees wander off?")).toEqual(["definition"]);
    expect(intents("what does mode collapse look like in bird-song synthesis?")).toEqual(["definition"]);
    // What the method or the paper looks like is still no term to define.
    expect(intents("what does the pipeline look like?")).not.toContain("definition");
  });

  it("reads a fault found in something, a fix that works, and where it breaks", () => {
    expect(intents("what's so bad about how bee counters were tested?")).toEqual(["problem"]);
    expect(intents("what's the trouble with acoustic counters?")).toContain("problem");
    expect(intents("what breaks if you skip the warm-up?")).toContain("problem");
    expect(intents("does it really get rid of the echo artifacts?")).toContain("results");
    expect(intents("fine at 8 kHz, but where would it fall apart?")).toContain("limitations");
  });

  it("reads what it can do that others could not, a switch worth making and where data was taken from", () => {
    expect(intents("what can this do that older hive scales could not?")).toEqual(
      expect.arrayContaining(["comparison", "proposal"]),
    );
    expect(intents("is it worth switching our drones over to it?")).toEqual(
      expect.arrayContaining(["comparison", "results"]),
    );
    expect(intents("where did they get the birdsong recordings from?")).toContain("datasets");
    expect(intents("where did they get the birdsong recordings from?")).not.toContain("reason");
  });

  it("reads 'the gap between X' as an amount and 'which aspects / kinds of changes' as answered by the paper's own words", () => {
    expect(readQuestion("gap between the two hive models after calibration?").measure).toBe("change");
    expect(focusOf("which aspects of the song does the detector score?")).not.toContain("aspects");
    expect(focusOf("what kinds of changes did the newer hive scales make?")).not.toContain("changes");
  });

  it("drops the host's occasion, filler and a premise set aside from what the question is about", () => {
    expect(focusOf("the one point they want us to leave the meeting with?")).toEqual([]);
    expect(focusOf("key claim to unpack: why do the drones drift?")).not.toContain("unpack");
    expect(focusOf("why do today's hive monitors miss swarms anyway?")).toEqual([
      "hive",
      "monitors",
      "miss",
      "swarms",
    ]);
    expect(focusOf("if not fixed thresholds, how is a swarm flagged?")).not.toContain("thresholds");
  });

  it("takes what the paper's way replaces as the reader's words, but not the other side of 'A or B'", () => {
    const fig = (question: string) => [...readQuestion(question).figurative];
    expect(fig("so instead of counting bees by hand, a camera counts them?")).toEqual(
      expect.arrayContaining(["counting", "hand"]),
    );
    expect(fig("why label chirps with a detector rather than with volunteer listeners?")).toEqual(
      expect.arrayContaining(["volunteer", "listeners"]),
    );
    // "Is it built on PPO or GRPO?" may name another paper's things: both stay to be looked for.
    expect(fig("is the detector tuned with a focal loss or with a chirp contrastive loss?")).toEqual([]);
  });
});

describe("why a choice was made: the purpose after it (round 14, why)", () => {
  const songs = paper(
    "Bird-song detectors label each field clip with a continuous pitch track. " +
      "Such tracks are noisy in wind and rain. " +
      "We propose Coarse Pitch Binning, a module that quantizes pitch into three levels. " +
      "This strategy keeps every clip usable while shielding the detector from noisy pitch estimates. " +
      "Our detector finds 12% more songs on the DawnChorus recordings.",
  );

  it("adds the sentence saying what the choice is for", () => {
    const a = answerQuestion(songs, "why is pitch quantized into three levels?");
    expect(a.stated).toBe(true);
    expect(a.evidence.join(" ")).toMatch(/quantizes pitch into three levels/);
    expect(a.evidence.join(" ")).toMatch(/shielding the detector from noisy pitch estimates/);
  });

  it("leaves a question that asks no why alone", () => {
    const a = answerQuestion(songs, "into how many levels is pitch quantized?");
    expect(a.evidence.join(" ")).not.toMatch(/shielding the detector/);
  });
});

describe("why it matters: the importance before the turn (round 14, why)", () => {
  const bridges = paper(
    "Inspecting highway bridges by hand costs states millions of dollars a year and closes lanes for days. " +
      "Despite the spread of cheap inspection drones, a basic question remains open: can their photos replace a crew? " +
      "We present CrackCount, which finds and measures cracks in drone photos. " +
      "On 40 bridges CrackCount matched the crews' crack maps within 5%.",
  );

  it("adds the sentence the turn is about when the question asks why anyone should care", () => {
    const a = answerQuestion(bridges, "why would anyone care, are drone photos not good enough already?");
    expect(a.evidence.join(" ")).toMatch(/costs states millions of dollars/);
  });

  it("reads an everyday word with the abstract's own ('stopped improving': saturated)", () => {
    expect(alt("does it still help once the models stopped improving?", "stopped")).toContain("saturated");
    expect(alt("how much accuracy do we lose?", "lose")).toContain("degrade");
  });
});

describe("a kind of model is no release, and what we have now exists (round 14)", () => {
  it("does not take 'open-source models' for a code release", () => {
    expect(cue("code", "Both open-source and proprietary VLMs miss most bird calls.")).toBe(0);
    expect(cue("code", "Open-source LLMs lag far behind on this benchmark.")).toBe(0);
    expect(cue("code", "Our detector is open-source at https://example.org/chirp.")).toBe(1);
    expect(cue("code", "We open-source the detector and its training data.")).toBe(1);
  });

  it("reads 'the X we have now' as the existing X", () => {
    expect(readQuestion("is it better than the hive scales we have now?").text).toMatch(
      /hive scales existing/,
    );
    expect(focusOf("is it better than the hive scales we have now?")).toEqual(["hive", "scales"]);
  });
});

describe("held out 18's reading faults (round 14, second tuner)", () => {
  const intentsOf = (question: string) => [...intentWeights(readQuestion(question)).keys()];

  it("drops the host's label and audience: where the question will be used is no subject", () => {
    expect(focusOf("note for the seminar: do the hive sensors need calibration?")).toEqual([
      "hive",
      "sensors",
      "calibration",
    ]);
    expect(focusOf("for the handout: how many hives were watched?")).not.toContain("handout");
    expect(focusOf("thing worth asking: does the scale drift in winter?")).not.toContain("worth");
    expect(focusOf("how would you explain this to a beekeeper: it listens to the hive?")).not.toContain(
      "beekeeper",
    );
    // A colon inside a question that is not a label stays read.
    expect(focusOf("bridges: how many were inspected?")).toContain("bridges");
  });

  it("answers a generic head ('what inputs', 'which quantities', 'at which place') in the paper's words", () => {
    expect(readQuestion("what inputs does the swarm predictor take?").asked).toEqual([]);
    expect(readQuestion("which quantities does the hive scale log?").asked).toEqual([]);
    expect(readQuestion("which pollen traps are used?").asked.map((w) => w.lower)).toEqual([
      "pollen",
      "traps",
    ]);
  });

  it("reads a recipe, an explainer and 'what does X involve' as the method or the idea", () => {
    expect(intentsOf("what does the brewing recipe involve?")).toContain("method");
    expect(focusOf("what does the brewing recipe involve?")).toEqual(["brewing"]);
    expect(intentsOf("explainer?")).toEqual(["proposal"]);
  });

  it("does not take the reader's own code for a release asked for", () => {
    expect(intentsOf("would this need a rewrite of our hive-monitoring code?")).not.toContain("code");
    expect(intentsOf("is their code public?")).toContain("code");
  });

  it("reads 'what held X back' as the problem, 'being tested' as no data, 'what distinguishes' as what it is", () => {
    expect(intentsOf("what held drone inspection back until recently?")).toContain("problem");
    expect(
      intentsOf("how do they know the sensor is at fault and not the hives being tested?"),
    ).not.toContain("datasets");
    const winter = readQuestion("What distinguishes the winter colonies from the summer ones?");
    expect([...intentWeights(winter).keys()]).toContain("definition");
    expect([...intentWeights(winter).keys()]).not.toContain("datasets");
    expect(winter.asked).toEqual([]);
    expect(intentsOf("swarm fever = ?")).toContain("definition");
  });

  it("spells out 'fn' and a factor written '4.2x', and takes 'at what X' as asking X, not the premise's speed", () => {
    expect(readQuestion("loss fn?").text).toBe("loss function?");
    expect(readQuestion("where does the 4.2x speedup come from?").text).toContain("4.2×");
    expect(readQuestion("Mixtral-8x7B?").text).toBe("mixtral-8x7b?");
    expect(readQuestion("at what hive size did they see the 3x speedup?").measure).toBeNull();
    expect(readQuestion("how much faster is the hive scale?").measure).toBe("speed");
  });

  it("keeps examples after 'which Xs, like …' as things the paper must name, an analogy's words not", () => {
    const fig = (question: string) => [...readQuestion(question).figurative];
    expect(fig("which sensors, like microphones or scales, does it use?")).not.toContain("microphones");
    expect(fig("what's a brood frame, like a shelf for eggs?")).toContain("shelf");
  });

  it("reads 'surprising' with the abstract's 'surprisingly'", () => {
    expect(alt("what is the one surprising result?", "surprising")).toContain("surprisingly");
  });

  it("counts the parts of a spelled compound ('a three-stage monitor')", () => {
    const hives = paper(
      "Beekeepers lose colonies to silent swarming. We present HiveWatch, a three-stage monitor that listens, weighs and alerts. " +
        "It warned of 9 of 10 swarms a day early across 40 hives.",
    );
    expect(decided(hives, "how many stages does the monitor have?")).toBeNull();
    expect(decided(hives, "how many microphones does the monitor have?")).not.toBeNull();
  });
});

describe("held out 18: grabbing their files (round 14, step C)", () => {
  const intentsOf = (question: string) => [...intentWeights(readQuestion(question)).keys()];

  it("reads 'can i grab / download their X' as asking for what is released", () => {
    expect(intentsOf("can i grab their bird-song clips to rerun it?")).toContain("code");
    expect(intentsOf("could we download the recordings somewhere?")).toContain("code");
    expect(intentsOf("does the model grab their attention?")).not.toContain("code");
  });
});

describe("held out 17's reading faults (round 15)", () => {
  const intentsOf = (question: string) => [...intentWeights(readQuestion(question)).keys()];

  it("reads 'what even is X' and 'what is a tide model' as definitions, the first part of a two-part question alone", () => {
    expect(intentsOf("what even is a tide gauge, in plain words?")).toContain("definition");
    expect(intentsOf("what exactly is a storm-surge model?")).toContain("definition");
    expect(intentsOf("what's a tide gauge, and why is it slow to read?")).toEqual(
      expect.arrayContaining(["definition", "reason"]),
    );
    // A kind word of its own still says what is asked: no definition.
    expect(intentsOf("what is the surge model's accuracy?")).not.toContain("definition");
  });

  it("reads terse questions for a release or a number", () => {
    expect(intentsOf("pretrained weights?")).toContain("code");
    expect(intentsOf("salinity level?")).toContain("quantity");
    expect(intentsOf("3 levels?")).not.toContain("quantity");
  });

  it("reads 'did they do anything to', 'did they see that too', 'what does X have to do with Y'", () => {
    expect(intentsOf("did they do anything to keep the gauges from drifting?")).toContain("method");
    expect(intentsOf("lighthouse lamps dimmed in my fog runs - did they see that too?")).toContain("results");
    const link = intentsOf("what does tide data from harbours have to do with flood maps?");
    expect(link).toContain("reason");
    expect(link).not.toContain("method");
  });

  it("reads what a use needs as the problem, novelty, and what the paper is meant for", () => {
    const needs = intentsOf("what does a harbour master need from the tide forecast to plan berths?");
    expect(needs).toContain("problem");
    expect(needs).not.toContain("method");
    expect(intentsOf("is this the first time anyone mapped kelp from orbit?")).toContain("proposal");
    expect(focusOf("is this the first time anyone mapped kelp from orbit?")).not.toContain("time");
    expect(intentsOf("is it meant for pilots of small boats?")).toContain("proposal");
  });

  it("does not read modest hardware as asking which hardware", () => {
    expect(intentsOf("is it meant for buoys on weak hardware?")).not.toContain("hardware");
    expect(intentsOf("which hardware does the buoy carry?")).toContain("hardware");
  });

  it("reads a why of a fault, and what others do, as the problem the paper starts from", () => {
    expect(intentsOf("why are flood forecasts so slow to update?")).toEqual(
      expect.arrayContaining(["problem", "reason"]),
    );
    expect(intentsOf("why don't the existing gauges work under ice?")).toContain("problem");
    expect(intentsOf("the existing kelp mapping methods, what is their problem?")).toContain("problem");
    // In a comparison the others' methods are what it is compared with, not the method asked.
    expect(intentsOf("is it better than the existing kelp mapping methods?")).not.toContain("method");
    expect(intentsOf("which buoy do the other forecasting systems use?")).toContain("problem");
    // A comparison with the others stays one, and gets no problem.
    expect(intentsOf("does it beat the existing forecasting systems?")).not.toContain("problem");
  });

  it("reads limitations admitted, an advantage, 'keeps improving' and costs incurred", () => {
    expect(intentsOf("anything the authors admit the gauge doesn't do well?")).toContain("limitations");
    expect(intentsOf("what's the practical advantage of buoys, then?")).toContain("results");
    expect(intentsOf("does it keep improving with more buoys?")).toContain("results");
    expect(intentsOf("what costs do satellite methods incur?")).toContain("problem");
  });

  it("does not take models 'you can just download' for a release asked for", () => {
    expect(intentsOf("is it better than the weather apps you can just download?")).not.toContain("code");
    expect(intentsOf("can you download the surge model?")).toContain("code");
  });

  it("drops the host's labels and the reader's wish after the question", () => {
    expect(focusOf("claim to debate: do buoys drift in storms?")).toEqual(["buoys", "drift", "storms"]);
    expect(focusOf("for the intro slide: why do tides flood harbours?")).not.toContain("slide");
    expect(focusOf("key idea, for the slides?")).toEqual([]);
    expect(focusOf("does it work in fog? want a critical angle for the group")).toEqual(["fog"]);
  });

  it("spells out the pm's and journalist's words: product idea, upshot, speaker ID", () => {
    expect(readQuestion("so what's the product idea?").text).toContain("main idea");
    expect(intentsOf("so what's the product idea?")).toContain("proposal");
    expect(readQuestion("the upshot for harbour pilots?").text).toContain("main takeaway");
    expect(readQuestion("does it handle speaker ID?").text).toContain("speaker identification");
  });

  it("reads the newcomer's and pm's everyday words with the abstract's own", () => {
    expect(alt("so a chatbot writes the forecast?", "chatbot")).toContain("llm");
    expect(alt("backbone changes needed?", "changes")).toContain("modifications");
    expect(alt("something about how our eyes work?", "eyes")).toContain("vision");
    expect(alt("will it cut our cloud bills?", "bills")).toContain("cost");
    const tides = paper(
      "Harbour masters read tide tables by hand. We let a large language model draft the daily tide report from gauge readings. " +
        "Masters accepted 9 of 10 drafts without edits.",
    );
    // Worded otherwise in the paper, the everyday word does not make the question another paper's.
    expect(decided(tides, "so a chatbot writes up the readings every morning?")).toBeNull();
  });
});

describe("why it matters, when the turn is the others' fault (round 15, step D)", () => {
  const at = (index: number, shown: string) => ({
    passage: { index, shown } as unknown as Passage,
    score: 0,
    covers: [],
  });
  const sentences = [
    at(0, "Counting seabirds on cliffs is an essential step in tracking the health of the ocean."),
    at(1, "Existing drone counters often struggle to tell gulls from kittiwakes."),
    at(2, "We present CliffCount, which counts each species from one photo."),
  ];

  it("adds the importance before a sentence stating what existing tools fail at", () => {
    const q = readQuestion("why does counting seabirds matter at all?");
    const chosen = pickEvidence(sentences, sentences[1] as Scored, q, 3, 0);
    expect(chosen.map((s) => s.passage.index)).toEqual([0, 1]);
  });

  it("adds nothing to a question that asks no why, nor before a sentence that states no fault", () => {
    expect(
      pickEvidence(
        sentences,
        sentences[1] as Scored,
        readQuestion("what do drone counters get wrong?"),
        3,
        0,
      ),
    ).toHaveLength(1);
    expect(
      pickEvidence(
        sentences,
        sentences[2] as Scored,
        readQuestion("why does counting seabirds matter?"),
        3,
        0,
      ),
    ).toHaveLength(1);
  });
});

describe("held out 17: overhead and counted groups (round 15, step B)", () => {
  const intentsOf = (question: string) => [...intentWeights(readQuestion(question)).keys()];

  it("reads 'does X add overhead' as asking for results", () => {
    expect(intentsOf("does the denoising pass add any latency overhead?")).toContain("results");
    expect(intentsOf("does the denoising pass need a GPU?")).not.toContain("results");
  });

  it("does not take a count of groups for a count of what is grouped", () => {
    const songs = paper(
      "Birders confuse similar songs. We study three groups of closely related warbler songs recorded at dawn. " +
        "Our classifier separates them with 94% accuracy.",
    );
    expect(decided(songs, "how many warbler songs do they study?")).toMatch(/does not say how many/);
    expect(decided(songs, "how many groups of songs do they study?")).toBeNull();
  });
});

describe("held out 20's reading faults (round 15, third tuner)", () => {
  const intentsOf = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  const askedOf = (question: string) => readQuestion(question).asked.map((w) => w.lower);
  const kindOf = (question: string) => readQuestion(question).kindWords.map((w) => w.lower);
  const tides = paper(
    "Tidal turbines foul quickly with barnacles. We present ScrubNet, which predicts fouling from blade vibration. " +
      "It cut unplanned maintenance by 31% across 12 turbines.",
  );

  it("sets aside the reader's own work before a dash", () => {
    const question = "my lab's sonar rig clogs every winter — does ScrubNet predict fouling early?";
    expect(focusOf(question)).not.toContain("sonar");
    expect(focusOf(question)).toContain("fouling");
    expect(decided(tides, question)).toBeNull();
    expect(focusOf("we retrofit ferries - how much maintenance does it save?")).not.toContain("ferries");
  });

  it("keeps the reader's case when the question asks about it ('too') or points back at it", () => {
    expect(focusOf("I run it on wave buoys — do they test on those as well?")).toContain("buoys");
    expect(focusOf("my crew uses hull divers — is that what they beat?")).toContain("divers");
  });

  it("drops more of the host's labels", () => {
    for (const label of ["talking point", "discussion", "one thing to discuss", "worth asking"])
      expect(focusOf(`${label}: what does ScrubNet listen to?`)).toEqual(["scrubnet", "listen"]);
    expect(kindOf("for the club: the one claim worth arguing about?")).toContain("controversial");
    expect(focusOf("for the club: the one claim worth arguing about?")).not.toContain("arguing");
  });

  it("reads 'what is the point of <a step>' as its reason, not the paper's pitch", () => {
    expect(intentsOf("what's the point of listening to the blades?")).toContain("reason");
    expect(intentsOf("what's the point of this paper?")).not.toContain("reason");
  });

  it("reads no head noun in 'what serves as X' or in a cleft 'that's what X'", () => {
    expect(askedOf("what serves as the vibration reference?")).toEqual([]);
    expect(focusOf("what serves as the vibration reference?")).not.toContain("serves");
    expect(askedOf("so blades shake more, and that's what gives it away?")).toEqual([]);
    expect(askedOf("what sensors does it use?")).toEqual(["sensors"]);
  });

  it("reads metrics and criteria as results, not data", () => {
    expect(intentsOf("which metric is used to evaluate the fouling forecast?")).toContain("results");
    expect(intentsOf("which metric is used to evaluate the fouling forecast?")).not.toContain("datasets");
    expect(intentsOf("which turbines did they test on?")).toContain("datasets");
  });

  it("reads '<thing> effect?' as a result and 'who had already shown' as the background", () => {
    expect(intentsOf("vibration features effect?")).toContain("results");
    expect(intentsOf("who had already shown that barnacles slow turbines?")).toEqual(["problem"]);
    expect(intentsOf("what was already known about blade fouling?")).toContain("problem");
  });

  it("reads 'what would we use this for, business-wise' as asking what it is for", () => {
    expect(intentsOf("what could we use this for, business-wise?")).toContain("proposal");
    expect(focusOf("what could we use this for, business-wise?")).toEqual([]);
  });

  it("reads a quoted term with the reader's guess after the comma as a definition", () => {
    expect(intentsOf("what's a 'fouling model', like the turbine getting dirty over time?")).toContain(
      "definition",
    );
    // A second question after ", and" is no guess: it asks both (held out 17's tuner, round 15).
    expect(intentsOf("what's a fouling model, and why does it work here?")).toEqual(
      expect.arrayContaining(["definition", "reason"]),
    );
    expect(
      readQuestion("what does 'fouling' mean, gunk building up like moss on a rock?").figurative,
    ).toContain("moss");
    expect(readQuestion("what's a 'scrub cycle', some kind of wash?").figurative).toContain("wash");
  });

  it("reads 'greener than the alternatives' as a comparison's words", () => {
    expect(focusOf("is it greener than the alternatives?")).toEqual([]);
  });
});

describe("held out 20: the reader's own things and a learner's words (round 15, step B)", () => {
  const intentsOf = (question: string) => [...intentWeights(readQuestion(question)).keys()];

  it("reads the reader's own thing ('our ferry fleet') as their words, not the paper's", () => {
    const figurative = readQuestion("would it keep our ferry fleet running in winter?").figurative;
    expect(figurative).toContain("ferry");
    expect(figurative).toContain("fleet");
    expect(readQuestion("would it keep the ferry fleet running in winter?").figurative).not.toContain(
      "ferry",
    );
  });

  it("reads 'train again from zero' and 'never seen' as the abstract's retraining and unseen", () => {
    expect(focusOf("do older systems have to train again from zero?")).toEqual(
      expect.arrayContaining(["retrain", "scratch"]),
    );
    expect(focusOf("does it spot hull shapes never seen before?")).toContain("unseen");
  });

  it("reads 'what do we give up' as asking the limitations", () => {
    expect(intentsOf("what do we give up by scrubbing less often?")).toContain("limitations");
    expect(intentsOf("what do we gain by scrubbing less often?")).not.toContain("limitations");
  });
});

describe("which rule decided before ranking (round 15, scripts/rule-declines-ask.ts)", () => {
  const ruleOf = (p: AnswerInput, question: string) => {
    const prepared = prepareAnswer(p, question, []);
    return "rule" in prepared ? prepared.rule : null;
  };
  const kiln = paper(
    "We schedule firing cycles for ceramic kilns with a small planner. It cuts fuel use by 12%.",
  );

  it("names the rule: a missing name, a missing subject, or none when the model ranks", () => {
    expect(ruleOf(kiln, "does it beat PyroNet?")).toBe("absent name");
    expect(ruleOf(kiln, "how do they tune the glaze chemistry?")).toBe("absent subject");
    expect(ruleOf(kiln, "how much fuel does it save?")).toBeNull();
  });
});

describe("reading the question (round 16, held out 19)", () => {
  const intentsRead = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  const orchard = paper(
    "We forecast apple yield per orchard row from drone photos. Yield density is defined here as kilograms per metre of row. " +
      "Our forecaster cuts the error of farmers' own estimates by a third.",
  );

  it("sets aside the host's label after the question ('…? nice opener for the lab')", () => {
    expect(readQuestion("how much do they cut the error? solid talking point for the lab").text).toBe(
      "how much do they cut the error?",
    );
    expect(focusOf("how much do they cut the error? good closing point for the session")).not.toContain(
      "closing",
    );
    // Before, "closing point" was a subject the paper had to mention.
    expect(
      decided(orchard, "what does the forecaster predict? good closing point for the session"),
    ).toBeNull();
    // A question of its own after the first is no label and stays.
    expect(readQuestion("how much do they cut the error? which drone do they fly?").text).toContain("drone");
  });

  it("reads 'how is X defined' and 'explain X as the paper uses it' as the paper's meaning of a term", () => {
    expect(intentsRead("How is yield density defined in this work?")).toEqual(["definition"]);
    expect(intentsRead("how do they define forecast error?")).toContain("definition");
    expect(intentsRead("Explain yield density as the authors use it.")).toEqual(["definition"]);
    // "Explain how …" asks how it works, not what a term means.
    expect(intentsRead("explain how the forecaster is trained")).not.toContain("definition");
  });
});

describe("a question made only of how short and for whom (round 16, held out 22)", () => {
  it("reads 'one-liner?' as asking for the gist, not as a question with no words", () => {
    expect(readQuestion("one-liner, in plain words?").words.map((w) => w.lower)).toEqual(["summary"]);
    expect(readQuestion("in a nutshell?").words.map((w) => w.lower)).toEqual(["summary"]);
    // Mentions and markup alone still have no words: the usage answers them.
    expect(readQuestion("<@U0ABC> <#C0DEF>").words).toEqual([]);
    // A question with its own words keeps them.
    expect(readQuestion("one-liner on the drone result?").words.map((w) => w.lower)).toContain("drone");
  });
});

describe("reading faults that recur across writers (round 16, ask19b)", () => {
  const cache = paper(
    "We present Cachet, a prefix cache for language model serving. " +
      "Cachet plugs into existing inference engines without code changes. " +
      "It cuts the time to the first token by 40% on long prompts.",
  );
  const survey = paper(
    "We collect twelve case studies of forecasting teams. The case studies span medicine, law and finance. " +
      "Teams that kept a written log of their forecasts were better calibrated.",
  );

  it("takes the reader's own setting as theirs: its names need not be in the paper", () => {
    // Before, "SGLang" and "TensorRT" were names the paper had to use, and the question was declined.
    expect(decided(cache, "could Cachet slot into SGLang or whatever engine we already use?")).toBeNull();
    expect(
      decided(cache, "what does Cachet add for a server that already runs TensorRT engines?"),
    ).toBeNull();
    // "our" before up to four words of the reader's thing, not three.
    expect(
      readQuestion("does it fit our quantized MoE serving model, or only dense ones?").figurative,
    ).toContain("moe");
    // Asked about for itself, the name is still one the paper must use.
    expect(decided(cache, "does Cachet work with SGLang?")).not.toBeNull();
    expect(decided(cache, "I run SGLang already; is Cachet faster than SGLang?")).not.toBeNull();
  });

  it("reads 'who benefits?', 'who gets the most out of this?' as who it is for, words the paper need not use", () => {
    expect(readQuestion("who gets the most out of this?").text).toContain("the intended users");
    expect(readQuestion("who would actually benefit here?").text).toContain("the intended users");
    // Before, "intended users" had to be in the paper.
    expect(decided(survey, "who is this meant for?")).toBeNull();
    // The reader's own guesses are still words of the subject.
    expect(decided(survey, "who is it for, beekeepers? vintners?")).not.toBeNull();
  });

  it("reads fields, areas, topics and examples after 'which' as the kind of thing named, not a word to find", () => {
    // Before: "The abstract does not mention areas."
    expect(decided(survey, "what areas are the case studies drawn from?")).toBeNull();
    expect(readQuestion("which topics do the case studies cover?").kindWords.map((w) => w.lower)).toContain(
      "topics",
    );
    // Counted, they must still be there.
    expect(readQuestion("how many areas do the case studies span?").asked.map((w) => w.lower)).toEqual([
      "areas",
    ]);
  });

  it("ranks 'bolt it onto', 'plug it into' with the abstract's 'plug-and-play', 'integrate'", () => {
    expect(alt("can we bolt it onto our trainer?", "bolt")).toContain("plug-and-play");
    expect(alt("will it plug into the engine?", "plug")).toContain("integrate");
  });
});

describe("reading the question (round 16, held out 22: causes that recur across writers)", () => {
  const intentsRead = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  const ruleOf = (p: AnswerInput, question: string) => {
    const prepared = prepareAnswer(p, question, []);
    return "rule" in prepared ? prepared.rule : null;
  };
  const loom = paper(
    "We present Loom, a planner for weaving robots. Loom lets the operator adjust the duration of every pass at run time. " +
      "Across six looms it wastes less yarn than a fixed schedule.",
  );

  it("reads a yes/no question about 'how long' or 'how many' as asking whether, not for a number", () => {
    // Before: read as a quantity and declined "The abstract gives no number for that."
    expect(ruleOf(loom, "can the operator adjust how long every pass lasts?")).not.toBe("no number");
    expect(intentsRead("does the planner reduce how many passes a robot makes?")).not.toContain("quantity");
    expect(readQuestion("did the authors study how much the schedule matters?").measure).toBeNull();
    // A verb that only reports the number, "by how much" and "how much faster" still ask for one.
    expect(intentsRead("do they report how long every pass takes?")).toContain("quantity");
    expect(readQuestion("does it help on wool, and by how much?").measure).not.toBeNull();
    expect(intentsRead("does it get how much faster than the fixed schedule?")).toContain("quantity");
  });

  it("reads 'what is still hard', 'where does it still fail' as the paper's limitations, not its problem", () => {
    expect(intentsRead("what's still difficult for these robots?")).toContain("limitations");
    expect(intentsRead("in which settings does Loom still fail?")).toContain("limitations");
    expect(intentsRead("what does the planner still get wrong, any word on it?")).toContain("limitations");
    // Before, read as the problem the paper solves; the abstract names no limitation, so it declines.
    expect(ruleOf(loom, "what does it still get wrong?")).toBe("no cue");
    // Others' failures are the problem or a reason, not this paper's limits.
    expect(intentsRead("why do older planners still fail on silk?")).not.toContain("limitations");
  });
});

describe("reading the question (round 17, held out 21: causes that recur across writers)", () => {
  const ruleOf = (p: AnswerInput, question: string) => {
    const prepared = prepareAnswer(p, question, []);
    return "rule" in prepared ? prepared.rule : null;
  };
  const kiln = paper(
    "We present Ember, a controller for ceramic kilns. Unlike fixed firing schedules, Ember adapts the heating curve to each load. " +
      "On forty firings it cuts fuel use by 12% and cracks fewer pots.",
  );

  it("takes 'the normal X', 'the usual X' as the reader's words for the usual way, not words the paper must use", () => {
    // Before: declined "does not mention usual timers people buy".
    expect(ruleOf(kiln, "is it cheaper than the usual timers people buy?")).toBeNull();
    expect(ruleOf(kiln, "why pick this over a regular thermostat dial?")).toBeNull();
    expect([...readQuestion("is it gentler than the ordinary oven program on pots?").figurative]).toEqual(
      expect.arrayContaining(["ordinary", "oven", "program"]),
    );
    // A name after the adjective must still be in the paper; "in plain words" is no usual way.
    expect(ruleOf(kiln, "is it better than plain PID control?")).toBe("absent name");
    expect([...readQuestion("what's Ember in plain words?").figurative]).not.toContain("words");
  });

  it("does not count 'the AI' the paper never writes as a word of the subject", () => {
    // Before: "AI" and "glazes" absent, declined as a question about something else.
    expect(ruleOf(kiln, "so the AI learns the glazes as it fires?")).toBeNull();
    // The subject rule still declines a question whose other words are all absent.
    expect(ruleOf(kiln, "so the AI paints murals on subway walls?")).toBe("absent subject");
  });
});

describe("reading the kind a rule needs (round 17, rules16's ask)", () => {
  const ruleOf = (p: AnswerInput, question: string) => {
    const prepared = prepareAnswer(p, question, []);
    return "rule" in prepared ? prepared.rule : null;
  };
  const kindsOf = (question: string) => [...intentWeights(readQuestion(question)).keys()];
  // A paper with no number, no limitation and no hardware in it.
  const loom = paper(
    "We present Weft, a planner that lays out jacquard looms from a sketch of the cloth. " +
      "Weft reads the sketch, chooses a threading and writes the card chain for the loom. " +
      "Weavers in small workshops used it to make scarves and curtains.",
  );
  const scored = paper(
    "We present Slate, a small image classifier trained with a new mixing rule. " +
      "Slate reaches 81.4% top-1 accuracy on ImageNet with 5M parameters.",
  );
  const rigged = paper(
    "We present Rook, a solver for packing crates. Rook runs on a single CPU core in under a second per crate.",
  );

  it("reads a top-1 or top-5 asked for as a number, declined when the paper gives none", () => {
    expect(kindsOf("top-5 on the held-out cloths?")).toContain("quantity");
    // Before: read as other and answered with the nearest sentence.
    expect(ruleOf(loom, "what's Weft's top-1 on the scarves?")).toBe("no number");
    // A paper that gives the accuracy is still answered from it.
    expect(ruleOf(scored, "top-1 on imagenet?")).toBeNull();
  });

  it("reads a setting asked for by its measure's name as a number, declined when the paper gives none", () => {
    expect(kindsOf("which resolution are the woven images?")).toContain("quantity");
    expect(kindsOf("what is the dye temperature of the vat?")).toContain("quantity");
    // Before: read as other and answered with the nearest sentence.
    expect(ruleOf(loom, "what batch size does Weft plan in?")).toBe("no number");
    // A kind of schedule is no number.
    expect(kindsOf("what learning rate schedule do they use?")).not.toContain("quantity");
  });

  it("reads compute or a supercomputer asked for in everyday words as hardware", () => {
    expect(kindsOf("compute needed?")).toContain("hardware");
    expect(kindsOf("what compute did the workshops run it on?")).toContain("hardware");
    // Before: read as other and answered with the workshops sentence.
    expect(ruleOf(loom, "does one need a supercomputer to plan a curtain?")).toBe("no cue");
    expect(ruleOf(rigged, "compute used?")).toBeNull();
    // Spending more compute asks about the results, not the machine.
    expect(kindsOf("would more compute make the threading better?")).not.toContain("hardware");
  });

  it("reads where it hurts or fails as its limitations, declined when the paper names none", () => {
    expect(kindsOf("any cases where the planner hurts the weave?")).toContain("limitations");
    // Before: read as other and answered with the workshops sentence.
    expect(ruleOf(loom, "are there situations where it fails to help the weavers?")).toBe("no cue");
    expect(ruleOf(loom, "did it ever fail on a real loom?")).toBe("no cue");
    // Whether it was ever used is no failure.
    expect(kindsOf("did the weavers ever use it for rugs?")).not.toContain("limitations");
  });
});
