/**
 * A refit of the semantic space as one self-contained job: from a snapshot of the analyzed
 * papers (plain arrays, so it can be posted to a worker thread), fit the space on an even sample,
 * embed every paper, and write the space and the vectors to their file. The same function runs
 * inline (a one-shot command) or in semantic-worker.ts (a long-running `serve`, which keeps
 * answering meanwhile).
 */
import { SEMANTIC_SAMPLE, SemanticSpace, samplePositions } from "./semantic.js";
import { saveSemanticFile } from "./semantic-file.js";

/** Between two sentences in an analyzed paper's term ids (analyzed-papers.ts). */
const SENTENCE = 0xffffffff;

/** What a refit reads: the analyzed papers' columns (analyzed-papers.ts `snapshot`). */
export interface SemanticJobInput {
  /** The terms, in id order, joined by "\n". */
  termText: string;
  /** Per pk: 1 when the paper is indexed. */
  present: Uint8Array;
  termStart: Uint32Array;
  termLength: Uint32Array;
  termPool: Uint32Array;
  /** The archive revision the snapshot reflects (papers changed after it get new vectors). */
  revision: number;
  /** Where to save the space and vectors; null: not saved. */
  path: string | null;
  /**
   * Whether the vectors come back with the space. A worker leaves them in the file: handing 40 MB
   * (at 100k papers) to the main thread makes it collect garbage at once, a stall of its own,
   * while embedding a candidate when a query first reads it costs a few microseconds.
   */
  returnVectors: boolean;
}

export interface SemanticJobOutput {
  /**
   * The space's terms joined by "\n": one string crosses from a worker as one copy, where an
   * array of 20,000 strings is 20,000 objects to rebuild on the thread that receives it.
   */
  termText: string;
  dims: number;
  rows: Float32Array;
  fittedOn: number;
  /** Per pk: 1 a vector, 2 none (no known term), 0 not a paper; null when not returned. */
  state: Uint8Array | null;
  vectors: Float32Array | null;
  revision: number;
  /** Why the file could not be written, if it could not. */
  saveError: string | null;
  ms: number;
}

function countsOf(
  input: SemanticJobInput,
  terms: readonly string[],
  pk: number,
  counts: Map<string, number>,
): Map<string, number> {
  counts.clear();
  const from = input.termStart[pk] as number;
  const end = from + (input.termLength[pk] as number);
  for (let i = from; i < end; i++) {
    const id = input.termPool[i] as number;
    if (id === SENTENCE) continue;
    const t = terms[id] as string;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** The space a job's output describes. */
export function spaceOf(out: SemanticJobOutput): SemanticSpace {
  return new SemanticSpace(
    out.termText === "" ? [] : out.termText.split("\n"),
    out.dims,
    out.rows,
    out.fittedOn,
  );
}

export function runSemanticJob(input: SemanticJobInput): SemanticJobOutput | null {
  const started = performance.now();
  const terms = input.termText === "" ? [] : input.termText.split("\n");
  const live: number[] = [];
  for (let pk = 0; pk < input.present.length; pk++) if (input.present[pk] === 1) live.push(pk);
  const sample = samplePositions(live.length, SEMANTIC_SAMPLE).map((i) => {
    const pk = live[i] as number;
    const out: string[] = [];
    const from = input.termStart[pk] as number;
    const end = from + (input.termLength[pk] as number);
    for (let j = from; j < end; j++) {
      const id = input.termPool[j] as number;
      if (id !== SENTENCE) out.push(terms[id] as string);
    }
    return out;
  });
  const space = SemanticSpace.fit(sample, {}, live.length);
  if (!space) return null;
  const n = input.present.length;
  const state = new Uint8Array(n);
  const vectors = new Float32Array(n * space.dims);
  const counts = new Map<string, number>();
  for (const pk of live) {
    const v = space.embedCounts(countsOf(input, terms, pk, counts));
    state[pk] = v ? 1 : 2;
    if (v) vectors.set(v, pk * space.dims);
  }
  let saveError: string | null = null;
  if (input.path !== null) {
    try {
      saveSemanticFile(input.path, space, { state, vectors, revision: input.revision });
    } catch (err) {
      saveError = (err as Error).message;
    }
  }
  return {
    termText: space.terms.join("\n"),
    dims: space.dims,
    rows: space.rows,
    fittedOn: space.fittedOn,
    state: input.returnVectors ? state : null,
    vectors: input.returnVectors ? vectors : null,
    revision: input.revision,
    saveError,
    ms: Math.round(performance.now() - started),
  };
}
