/**
 * Ingesting digest files: read, decode, parse, date, store. Each file is one transaction: a file
 * that fails leaves the archive exactly as it was and the other files are still stored.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { PaperStore } from "./archive/papers.js";
import { addDays, dateInZone, isIsoDate } from "./clock.js";
import { boundPapers } from "./digest/bounds.js";
import { decodeUtf8 } from "./digest/normalize.js";
import { type FormatOption, parseDigest } from "./digest/parse.js";
import { DigestError, ErrorCode, InvalidArgumentError, isPaperboyError, PaperboyError } from "./errors.js";
import type { DigestFormat, ParsedDigest, ParseWarning } from "./types.js";

export interface IngestOptions {
  /** The digest's day; for a page without a year, only its year is used. */
  date?: string;
  format?: FormatOption;
  /** The time zone whose "today" dates a page without a year and without --date. Default UTC. */
  timeZone?: string;
  now: Date;
  /**
   * Standard input's bytes, read beforehand as a stream (`readAll`), for the input "-". Reading
   * file descriptor 0 synchronously fails with EAGAIN on a pipe whose writer is still writing.
   */
  stdin?: Uint8Array;
  /** Called after each file, stored or failed (progress lines, metrics). */
  onFile?: (report: FileReport, index: number, count: number) => void;
}

export interface FileReport {
  path: string;
  date: string | null;
  /** The last day the file holds papers for, when it holds several (a multi-day export). */
  until?: string;
  /** How many digest days the file holds papers for. */
  days?: number;
  format: DigestFormat | null;
  papers: number;
  added: number;
  updated: number;
  duplicates: number;
  warnings: string[];
  /** Set when the file failed; nothing of it was stored. */
  error?: { code: string; message: string; line?: number; entry?: number };
  /** Archive primary keys this file added or changed. */
  changed: number[];
}

export interface IngestReport {
  files: FileReport[];
  total: number;
  failed: number;
}

const DIGEST_FILE = /\.(txt|json|jsonl)$/i;

/** Expands directories into their digest files (sorted, so days go in order). */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === "-") {
      out.push(input);
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      out.push(input); // reported as unreadable by ingestFile
      continue;
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const files = readdirSync(input)
      .filter((f) => DIGEST_FILE.test(f))
      .sort()
      .map((f) => join(input, f));
    out.push(...files);
  }
  return out;
}

function readInput(path: string, stdin: Uint8Array | undefined): Uint8Array {
  if (path === "-") {
    if (stdin) return stdin;
    throw new DigestError(ErrorCode.DigestUnreadable, "standard input was not read; pipe a digest into it", {
      file: "<stdin>",
    });
  }
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DigestError(
      ErrorCode.DigestUnreadable,
      code === "ENOENT"
        ? "no such file; check the path"
        : code === "EISDIR"
          ? "is a directory with no digests in it"
          : `cannot read it (${code ?? (err as Error).message})`,
      { file: path },
    );
  }
}

/** The file name's YYYY-MM-DD when it names the page's month and day, else null. */
function sameDayInName(path: string, mm: string, dd: string): string | null {
  const fromName = /(\d{4}-\d{2}-\d{2})/.exec(basename(path))?.[1];
  return fromName && isIsoDate(fromName) && fromName.endsWith(`-${mm}-${dd}`) ? fromName : null;
}

/** Resolves the digest's day from the file, `--date`, the file name, and today. */
export function resolveDate(
  parsed: ParsedDigest,
  path: string,
  options: IngestOptions,
  warnings: ParseWarning[],
): string {
  const given = options.date;
  if (given !== undefined && !isIsoDate(given)) {
    throw new InvalidArgumentError(`--date "${given}" is not a date; write it as YYYY-MM-DD`);
  }
  const day = parsed.day;
  if (day && "month" in day) {
    const mm = String(day.month).padStart(2, "0");
    const dd = String(day.day).padStart(2, "0");
    let year: number;
    if (given) {
      year = Number(given.slice(0, 4));
      if (given.slice(5) !== `${mm}-${dd}`) {
        warnings.push({
          message: `the page's day is ${mm}-${dd} but --date is ${given}; using ${year}-${mm}-${dd}`,
        });
      }
    } else if (sameDayInName(path, mm, dd)) {
      // "daily-papers-2025-08-12.txt" holding an "Aug 12" page: the file name carries the year.
      year = Number(sameDayInName(path, mm, dd)?.slice(0, 4));
    } else {
      const zone = options.timeZone ?? "UTC";
      const today = dateInZone(options.now, zone);
      year = Number(today.slice(0, 4));
      // A page saved on New Year's Day can still show Dec 31.
      if (`${year}-${mm}-${dd}` > addDays(today, 1)) year -= 1;
      // Silently taking this year would file an old page under the wrong day: say what was assumed.
      warnings.push({
        message: `the page names no year (only ${mm}-${dd}); filed as ${year}-${mm}-${dd}, the latest such day up to today in ${zone}; pass --date YYYY-${mm}-${dd} to file it under another year`,
      });
    }
    const date = `${year}-${mm}-${dd}`;
    if (!isIsoDate(date)) {
      throw new DigestError(
        ErrorCode.DigestNoDate,
        `the page's day (${mm}-${dd}) does not exist in ${year}`,
        { file: path },
      );
    }
    return date;
  }
  if (given) {
    if (day && day.date !== given)
      warnings.push({ message: `the digest says ${day.date} but --date is ${given}; using ${given}` });
    return given;
  }
  if (day) return day.date;
  const fromName = /(\d{4}-\d{2}-\d{2})/.exec(basename(path))?.[1];
  if (fromName && isIsoDate(fromName)) return fromName;
  if (parsed.papers.every((p) => p.date))
    return [...parsed.papers.map((p) => p.date as string)].sort()[0] as string;
  throw new DigestError(
    ErrorCode.DigestNoDate,
    "the digest does not say which day it is; pass --date YYYY-MM-DD",
    {
      file: path,
    },
  );
}

/** Parses and stores one file. Throws a PaperboyError when the file fails; nothing is stored then. */
export function ingestFile(store: PaperStore, path: string, options: IngestOptions): FileReport {
  const name = path === "-" ? "<stdin>" : path;
  const text = decodeUtf8(readInput(path, options.stdin), name);
  const parsed = parseDigest(text, { format: options.format, file: name });
  const bounded = boundPapers(parsed.papers);
  const warnings = [...parsed.warnings, ...bounded.warnings];
  const date = resolveDate(parsed, name, options, warnings);
  const result = store.storeDay({ date, source: name, format: parsed.format, papers: bounded.papers });
  // A multi-day export names its papers' own days: report the range, not one day.
  const days = [...new Set(parsed.papers.flatMap((p) => (p.days.length ? p.days : [p.date ?? date])))].sort();
  const range =
    days.length > 1
      ? { date: days[0] as string, until: days[days.length - 1] as string, days: days.length }
      : {};
  return {
    path: name,
    date,
    ...range,
    format: parsed.format,
    papers: result.papers,
    added: result.added,
    updated: result.updated,
    duplicates: result.duplicates,
    warnings: warnings.map(formatWarning),
    changed: result.changed,
  };
}

function formatWarning(w: ParseWarning): string {
  if (w.line && !w.message.startsWith("line ")) return `line ${w.line}: ${w.message}`;
  return w.message;
}

/** Ingests every input; failures are reported per file and do not stop the others. */
export function ingestAll(
  store: PaperStore,
  inputs: readonly string[],
  options: IngestOptions,
): IngestReport {
  const files: FileReport[] = [];
  const paths = expandInputs(inputs);
  for (const path of paths) {
    let report: FileReport;
    try {
      report = ingestFile(store, path, options);
    } catch (err) {
      if (!isPaperboyError(err)) throw err;
      report = failedReport(path === "-" ? "<stdin>" : path, err);
    }
    files.push(report);
    options.onFile?.(report, files.length - 1, paths.length);
    try {
      store.logIngest({ ...report, error: report.error?.message });
    } catch {
      // The log is a convenience; a read-only archive must still report what it could not store.
    }
  }
  return {
    files,
    total: files.reduce((n, f) => n + f.papers, 0),
    failed: files.filter((f) => f.error).length,
  };
}

function failedReport(path: string, err: PaperboyError): FileReport {
  return {
    path,
    date: null,
    format: null,
    papers: 0,
    added: 0,
    updated: 0,
    duplicates: 0,
    warnings: [],
    error: { code: err.code, message: err.describe(), line: err.location.line, entry: err.location.entry },
    changed: [],
  };
}

export { PaperboyError };
