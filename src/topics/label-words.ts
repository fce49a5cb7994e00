/**
 * What makes a phrase a good topic name, as word lists. General research vocabulary, not tied to
 * any day: a person names a topic by a field, method or task ("sparse attention", "N:M pruning",
 * "GUI agents"), not by a quantity ("sequence length", "accuracy loss") or by words every paper
 * uses ("neural networks", "machine learning", "language models").
 *
 * Lists hold words as written; `phraseKey` turns them into the stemmed keys phrases use.
 */
import { phraseKey } from "./phrases.js";

function keys(list: string): Set<string> {
  const out = new Set<string>();
  for (const entry of list.split(",")) {
    const key = phraseKey(entry.trim());
    if (key) out.add(key);
  }
  return out;
}

/** Phrases too broad to name one topic of a day of ML papers. */
export const GENERIC_PHRASES = keys(
  `neural network, neural networks, deep neural networks, deep learning, machine learning, language model,
  language models, large language models, large language model, LLM, LLMs, artificial intelligence, AI,
  model, models, data, dataset, datasets, training data, real world, real-world applications, open source,
  state, art, trade-off, trade-offs, downstream tasks, deep models, learning models, AI systems,
  computer vision, natural language processing, NLP, benchmark, benchmarks, network, networks, system,
  systems, training, learning, inference, algorithm, algorithms, technique, techniques, strategy, strategies,
  paradigm, pipeline, module, modules, architecture, architectures, solution, solutions, design, tool,
  tools, information, knowledge, world knowledge, deep networks, human, humans, people, users, researchers,
  foundation models, generative models, transformer, transformers, LLM-based, mechanism, mechanisms`,
);

/** Heads that measure something rather than name it: "sequence length", "accuracy loss". */
export const MEASURE_HEADS = keys(
  `length, lengths, loss, losses, accuracy, accuracies, size, sizes, cost, costs, overhead, overheads, rate,
  rates, ratio, ratios, time, times, degradation, error, errors, score, scores, gap, gaps, amount, quality,
  drop, gain, gains, budget, budgets, consumption, usage, footprint, count, counts, speed, speedup, speedups,
  throughput, latency, efficiency, point, points, part, parts, step, steps, way, ways, aspect, aspects,
  degree, factor, factors, value, values, issue, issues, limitation, limitations, property, properties,
  behavior, behaviors, behaviour, insight, insights, pattern, patterns, trend, trends, case, cases, example,
  examples, effect, effects, impact, need, needs, requirement, requirements, component, components, exist,
  exists, remain, remains, emerge, emerges, suggest, suggests, lack, fail, fails, gap, demand, demands, user,
  users, operation, operations`,
);

/** First words that judge rather than name: "accurate LLM", "substantial gaps". */
export const VAGUE_MODIFIERS = keys(
  `accurate, effective, efficient, robust, scalable, unified, general, simple, strong, powerful, diverse,
  complex, substantial, significant, superior, competitive, comprehensive, holistic, practical, promising,
  remarkable, impressive, excellent, good, poor, high-quality, low-quality, fast, lightweight, flexible,
  generic, specific, standard, traditional, conventional, typical, common, popular, real, wild, textual,
  final, initial, whole, entire, overall, original, true, main, major, minor, additional, further, open,
  modern, current, advanced, emerging, growing, increasing, limited, certain, particular, multiple, single,
  same, similar, related, relevant, underlying, corresponding, respective, potential, possible, direct,
  during, towards, toward, beyond, across, among, within, upon, whether, why, how, what, when, which, where,
  rethinking, revisiting, understanding, towards, enhance, enhancing, improve, improving, automated, automatic`,
);

/**
 * Heads that name a research area, method or task. A phrase ending in one reads as a topic:
 * "sparse attention", "N:M pruning", "GUI agents", "video generation".
 */
const TOPIC_HEAD_LIST = `attention, pruning, sparsity, quantization, distillation, compression, retrieval, agent, agents, diffusion,
  generation, segmentation, detection, recognition, classification, reasoning, alignment, benchmark,
  evaluation, translation, summarization, search, planning, navigation, control, robotics, manipulation,
  synthesis, editing, tracking, estimation, reconstruction, rendering, captioning, grounding, image understanding,
  video understanding, language understanding,
  forecasting, recommendation, learning, training, fine-tuning, finetuning, pretraining, pre-training,
  post-training, tuning, adaptation, transformers, transformer, convolution, convolutions, coding, decoding,
  encoding, embedding, embeddings, representation, representations, interpretability, explainability,
  safety, security, privacy, unlearning, memorization, hallucination, hallucinations, optimization,
  scaling, inference, serving, sampling, matching, flow, flows, graphs, kernels, routing, experts,
  tokenization, verification, judges, judging, feedback, rewards, reward, preference, preferences,
  instruction, instructions, prompting, prompts, tool use, tools, memory, world models, simulation, speech, audio, video, vision, multimodality, robots, policies, policy, games,
  mathematics, math, code, proofs, theorem proving, chemistry, biology, medicine, healthcare, science,
  discovery, architecture search, sparse training, continual learning, federated learning`;
export const TOPIC_HEADS = keys(TOPIC_HEAD_LIST);

/** Heads that name a thing only through their modifier: "compressed data", "agent system". */
export const WEAK_HEADS = keys(
  "data, model, models, system, systems, network, networks, token, tokens, module",
);
/** The same, as written (lower case): single-word labels must be one of these words exactly. */
export const TOPIC_WORDS = new Set(TOPIC_HEAD_LIST.split(",").map((w) => w.trim().toLowerCase()));
