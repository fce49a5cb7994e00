/**
 * The semantic space's file beside the search index: one JSON header line (format, analysis
 * version, shape, SHA-256 of the body), then the terms (UTF-8, one per line) and the rows
 * (float32). A space is a model, not a copy of the archive: it stays valid as papers are added
 * (their new words simply are not in it), so unlike the index it carries no archive revision.
 * A file that does not check out is reported, never half-loaded; the caller refits.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
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
  checksum: string;
}

export type SemanticLoad = { ok: true; space: SemanticSpace } | { ok: false; reason: string };

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function encodeSemantic(space: SemanticSpace): Buffer {
  const terms = Buffer.from(space.terms.join("\n"), "utf8");
  const rows = Buffer.from(space.rows.buffer, space.rows.byteOffset, space.rows.byteLength);
  const body = Buffer.concat([terms, rows]);
  const header: SemanticHeader = {
    format: FORMAT,
    analysis: ANALYSIS_VERSION,
    dims: space.dims,
    terms: space.terms.length,
    termBytes: terms.length,
    fittedOn: space.fittedOn,
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
  const { dims, terms, termBytes, fittedOn, checksum } = h;
  if (![dims, terms, termBytes, fittedOn].every((x) => Number.isInteger(x) && (x as number) >= 0))
    return { ok: false, reason: "header fields are missing" };
  const body = file.subarray(nl + 1);
  if (sha256(body) !== checksum) return { ok: false, reason: "checksum mismatch (truncated or corrupt)" };
  const rowBytes = (terms as number) * (dims as number) * 4;
  if (body.length !== (termBytes as number) + rowBytes) return { ok: false, reason: "body size mismatch" };
  const words = (terms as number) === 0 ? [] : body.subarray(0, termBytes).toString("utf8").split("\n");
  // Copied out so the rows are aligned for a Float32Array whatever the header's length.
  const rows = new Float32Array(rowBytes / 4);
  Buffer.from(rows.buffer).set(body.subarray(termBytes as number));
  try {
    return { ok: true, space: new SemanticSpace(words, dims as number, rows, fittedOn as number) };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
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
export function saveSemanticFile(path: string, space: SemanticSpace): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, encodeSemantic(space));
  renameSync(tmp, path);
}
