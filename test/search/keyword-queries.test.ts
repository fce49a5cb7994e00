/** Short keyword queries, as typed in chat, over the sample digests: the paper meant ranks near the top. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Paperboy } from "../../src/paperboy.js";
import { DIGESTS, SAMPLE_DAYS } from "../support/fixtures.js";

const QUERIES: [string, string][] = [
  ["academic illustration agents", "2601.23265"],
  ["NVFP4 pre-training", "2601.22813"],
  ["layout-aware visual memory", "2601.21468"],
  ["spherical autoencoder", "2601.22904"],
  ["character image animation", "2601.21716"],
  ["landmark pooling embeddings", "2601.21525"],
  ["energy-aware scheduling", "2601.23134"],
  ["repository representation encoder", "2602.02084"],
  ["comics multimodal reasoning", "2602.02453"],
  ["selective knowledge distillation", "2602.01395"],
  ["why steering works", "2602.02343"],
  ["speech language model serving", "2602.00269"],
  ["3D line mapping", "2602.01296"],
  ["reservoir computing", "2601.22296"],
  ["multilingual safeguard Southeast Asia", "2602.01618"],
  ["strategy auctions agents", "2602.02751"],
  ["position-independent caching", "2602.01519"],
  ["Indonesian question answering", "2602.03709"],
  // Abbreviations the digests define: chat users type the short form.
  ["selective KD", "2602.01395"],
  ["MLLM comics", "2602.02453"],
];

/** Short forms the sample digests define (in two papers or more), and their long forms. */
const ABBREVIATIONS: [string, string][] = [
  ["RLHF", "reinforcement learning from human feedback"],
  ["KD", "knowledge distillation"],
  ["CoT", "chain of thought"],
];

describe("keyword queries over the sample digests", () => {
  let engine: Paperboy;
  beforeAll(() => {
    engine = Paperboy.open({ dbPath: ":memory:" });
    engine.ingest(SAMPLE_DAYS.map((d) => `${DIGESTS}${d}.hf-api.json`));
  });
  afterAll(() => engine.close());

  it.each(QUERIES)("%s → %s first", (query, id) => {
    const result = engine.search({ text: query, limit: 3 });
    expect(result.results.map((r) => r.id)[0]).toBe(id);
  });

  it.each(ABBREVIATIONS)("%s finds what %s finds", (short, long) => {
    const ids = (q: string) => engine.search({ text: q, limit: 5 }).results.map((r) => r.id);
    const [a, b] = [ids(short), ids(long)];
    expect(a).toHaveLength(5);
    // The first three of either are among the first five of the other.
    for (const id of a.slice(0, 3)) expect(b).toContain(id);
    for (const id of b.slice(0, 3)) expect(a).toContain(id);
  });
});
