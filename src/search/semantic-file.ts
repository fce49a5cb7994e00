/**
 * The semantic space's file beside the search index: one JSON header line (format, analysis
 * version, shape, SHA-256 of the body), then the terms (UTF-8, one per line), the rows (float32),
 * and each paper's vector by primary key (a state byte per pk, then float32 rows). A space is a
 * model, not a copy of the archive: it stays valid as papers are added (their new words simply
 * are not in it). The vectors are of the papers as they were at `revision`: a paper changed
 * since gets a new vector when read. A file that does not check out is reported, never
 * half-loaded; the caller refits.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { ANALYSIS_VERSION } from "./persist.js";
import { SemanticSpace } from "./semantic.js";

const FORMAT = "paperboy-semantic-space";

interface SemanticHeader {
  format: typeof FORMAT;
  analysis: number;
  dims: number;
  terms: number;
  /** Bytes of the terms block; the rows follow it. */
  termBytes: number;
  fittedOn: number;
  /** Papers' vectors: the pk range they cover (0: none), and the archive revision they reflect. */
  vectorPapers: number;
  revision: number;
  checksum: string;
}

/** Papers' vectors by pk: per pk a state (1 a vector, 2 none, 0 unknown) and `dims` floats. */
export interface SavedVectors {
  state: Uint8Array;
  vectors: Float32Array;
  revision: number;
}

export type SemanticLoad =
  | { ok: true; space: SemanticSpace; vectors: SavedVectors | null }
  | { ok: false; reason: string };

const align4 = (n: number) => (n + 3) & ~3;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function encodeSemantic(space: SemanticSpace, vectors: SavedVectors | null = null): Buffer {
  const terms = Buffer.from(space.terms.join("\n"), "utf8");
  const rows = Buffer.from(space.rows.buffer, space.rows.byteOffset, space.rows.byteLength);
  const n = vectors ? vectors.state.length : 0;
  if (vectors && vectors.vectors.length !== n * space.dims) throw new Error("vectors do not match the space");
  // The vector floats start 4-byte aligned within the body, so they load as a view.
  const state = Buffer.alloc(align4(n));
  if (vectors) state.set(vectors.state);
  const floats = vectors
    ? Buffer.from(vectors.vectors.buffer, vectors.vectors.byteOffset, vectors.vectors.byteLength)
    : Buffer.alloc(0);
  const body = Buffer.concat([terms, rows, state, floats]);
  const header: SemanticHeader = {
    format: FORMAT,
    analysis: ANALYSIS_VERSION,
    dims: space.dims,
    terms: space.terms.length,
    termBytes: terms.length,
    fittedOn: space.fittedOn,
    vectorPapers: n,
    revision: vectors?.revision ?? 0,
    checksum: sha256(body),
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

export function decodeSemantic(file: Buffer): SemanticLoad {
  const nl = file.indexOf(10);
  if (nl < 0 || nl > 4096) return { ok: false, reason: "no header line" };
  let h: Partial<SemanticHeader>;
  try {
    h = JSON.parse(file.subarray(0, nl).toString("utf8")) as Partial<SemanticHeader>;
  } catch {
    return { ok: false, reason: "header is not JSON" };
  }
  if (h.format !== FORMAT) return { ok: false, reason: "not a paperboy semantic space" };
  if (h.analysis !== ANALYSIS_VERSION)
    return { ok: false, reason: `made by analysis version ${h.analysis}, this is ${ANALYSIS_VERSION}` };
  const { dims, terms, termBytes, fittedOn, vectorPapers, revision, checksum } = h;
  if (
    ![dims, terms, termBytes, fittedOn, vectorPapers, revision].every(
      (x) => Number.isInteger(x) && (x as number) >= 0,
    )
  )
    return { ok: false, reason: "header fields are missing" };
  const body = file.subarray(nl + 1);
  if (sha256(body) !== checksum) return { ok: false, reason: "checksum mismatch (truncated or corrupt)" };
  const d = dims as number;
  const n = vectorPapers as number;
  const rowBytes = (terms as number) * d * 4;
  const stateAt = (termBytes as number) + rowBytes;
  const floatsAt = stateAt + align4(n);
  if (body.length !== floatsAt + n * d * 4) return { ok: false, reason: "body size mismatch" };
  const words = (terms as number) === 0 ? [] : body.subarray(0, termBytes).toString("utf8").split("\n");
  // Copied out so the floats are aligned for a Float32Array whatever the header's length.
  const rows = new Float32Array(rowBytes / 4);
  Buffer.from(rows.buffer).set(body.subarray(termBytes as number, stateAt));
  const vectors = new Float32Array(n * d);
  Buffer.from(vectors.buffer).set(body.subarray(floatsAt));
  const state = Uint8Array.from(body.subarray(stateAt, stateAt + n));
  try {
    return {
      ok: true,
      space: new SemanticSpace(words, d, rows, fittedOn as number),
      vectors: n > 0 ? { state, vectors, revision: revision as number } : null,
    };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/**
 * A space's fingerprint: the checksum in the header of its encoding without papers' vectors (the
 * SHA-256 of its terms and projections), so two replicas holding the same space agree on it.
 */
export type SemanticFingerprint = string;

export function semanticFingerprint(encoded: Buffer): SemanticFingerprint {
  const nl = encoded.indexOf(10);
  const header = JSON.parse(encoded.subarray(0, nl).toString("utf8")) as Partial<SemanticHeader>;
  if (typeof header.checksum !== "string" || header.vectorPapers !== 0)
    throw new Error("a fingerprint is of a space encoded without vectors");
  return header.checksum;
}

export function loadSemanticFile(path: string): SemanticLoad {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  }
  return decodeSemantic(file);
}

/** Written atomically (temp file, then rename), as the index is. */
export function saveSemanticFile(
  path: string,
  space: SemanticSpace,
  vectors: SavedVectors | null = null,
): void {
  // The thread id keeps a worker's temp file apart from its process's.
  const tmp = `${path}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, encodeSemantic(space, vectors));
  renameSync(tmp, path);
}
