/**
 * The index file beside the archive: one JSON header line (format, analysis version, the archive
 * revision the index reflects, a SHA-256 of the body), then the compacted segment's bytes
 * (segment-codec.ts), the abbreviations its papers define as JSON (text/abbreviations.ts), and
 * each paper's analysis for the re-ranker (analyzed-codec.ts).
 * Anything that does not check out is reported as unusable, never half-loaded: the caller
 * rebuilds from the archive.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from "node:fs";
import { Abbreviations } from "../text/analysis.js";
import { decodeAnalyzed, encodeAnalyzed } from "./analyzed-codec.js";
import { PaperIndex } from "./paper-index.js";
import { decodeSegment, encodeSegment } from "./segment-codec.js";

const FORMAT = "paperboy-search-index";
/**
 * Bump when tokenization or the indexed fields change: older files are then rebuilt.
 * 5: titles carry their system names' spellings; the file keeps each paper's analysis.
 */
export const ANALYSIS_VERSION = 5;

export interface IndexHeader {
  format: typeof FORMAT;
  analysis: number;
  /** The archive revision the index reflects. */
  revision: number;
  documents: number;
  /** Bytes of the segment; the abbreviations follow it. */
  segmentBytes: number;
  /** Bytes of the abbreviations; the analyzed papers follow them. */
  abbreviationBytes: number;
  checksum: string;
}

export type LoadOutcome =
  | { ok: true; header: IndexHeader; index: PaperIndex }
  | { ok: false; reason: string };

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function parseHeader(line: string): IndexHeader | string {
  let h: Partial<IndexHeader>;
  try {
    h = JSON.parse(line) as Partial<IndexHeader>;
  } catch {
    return "header is not JSON";
  }
  if (h.format !== FORMAT) return "not a paperboy search index";
  if (h.analysis !== ANALYSIS_VERSION)
    return `made by analysis version ${h.analysis}, this is ${ANALYSIS_VERSION}`;
  if (!Number.isInteger(h.revision) || !Number.isInteger(h.documents) || typeof h.checksum !== "string") {
    return "header fields are missing";
  }
  if (!Number.isInteger(h.segmentBytes) || !Number.isInteger(h.abbreviationBytes))
    return "header fields are missing";
  return h as IndexHeader;
}

/** Only the header: cheap, for deciding whether the file is worth loading or rewriting. */
export function readIndexHeader(path: string): IndexHeader | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString("utf8");
    const nl = text.indexOf("\n");
    if (nl < 0) return null;
    const h = parseHeader(text.slice(0, nl));
    return typeof h === "string" ? null : h;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export function loadIndexFile(path: string): LoadOutcome {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  }
  return decodeIndexFile(file);
}

/**
 * An index from the bytes of an index file (read from disk, or a snapshot the archive keeps for
 * fresh replicas): checked (format, analysis version, checksum, counts) before anything is built.
 */
export function decodeIndexFile(file: Buffer): LoadOutcome {
  const nl = file.indexOf(10);
  if (nl < 0 || nl > 4096) return { ok: false, reason: "no header line" };
  const header = parseHeader(file.subarray(0, nl).toString("utf8"));
  if (typeof header === "string") return { ok: false, reason: header };
  const body = file.subarray(nl + 1);
  if (sha256(body) !== header.checksum)
    return { ok: false, reason: "checksum mismatch (truncated or corrupt)" };
  try {
    const analyzedFrom = header.segmentBytes + header.abbreviationBytes;
    if (analyzedFrom > body.length) return { ok: false, reason: "sections longer than the file" };
    const abbreviations = Abbreviations.fromRows(
      JSON.parse(body.subarray(header.segmentBytes, analyzedFrom).toString("utf8")) as unknown,
    );
    const index = PaperIndex.fromSegment(
      decodeSegment(body.subarray(0, header.segmentBytes)),
      abbreviations,
      decodeAnalyzed(body.subarray(analyzedFrom)),
    );
    if (index.analyzed.size !== index.documentCount)
      return { ok: false, reason: "analyzed papers do not match the index" };
    if (index.documentCount !== header.documents) return { ok: false, reason: "document count mismatch" };
    return { ok: true, header, index };
  } catch (err) {
    return { ok: false, reason: `body does not load (${(err as Error).message})` };
  }
}

/**
 * The bytes of an index file for `index` at `revision` (header line, then the body). Folds the
 * index's recent documents into its base first, so what is saved is what stays in memory.
 */
export function encodeIndexFile(index: PaperIndex, revision: number): { header: IndexHeader; bytes: Buffer } {
  index.compact();
  const segment = encodeSegment(index.base);
  const abbreviations = Buffer.from(JSON.stringify(index.abbreviations.toRows()));
  const body = Buffer.concat([segment, abbreviations, encodeAnalyzed(index.analyzed)]);
  const header: IndexHeader = {
    format: FORMAT,
    analysis: ANALYSIS_VERSION,
    revision,
    documents: index.documentCount,
    segmentBytes: segment.length,
    abbreviationBytes: abbreviations.length,
    checksum: sha256(body),
  };
  return { header, bytes: Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]) };
}

/** Writes index file bytes atomically (temp file, then rename): a reader never sees half a file. */
export function writeIndexFile(path: string, bytes: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

export function saveIndexFile(path: string, index: PaperIndex, revision: number): IndexHeader {
  const { header, bytes } = encodeIndexFile(index, revision);
  writeIndexFile(path, bytes);
  return header;
}
