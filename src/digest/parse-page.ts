/**
 * The "Daily Papers" page as saved from a browser: a header (`new`, `Subscribe`, `Daily Papers`,
 * `byAK and the research community`, a day such as `Aug 12`), then blocks separated by blank
 * lines that alternate title, abstract. Pure: text in, papers and warnings out.
 */
import { DigestError, ErrorCode } from "../errors.js";
import type { ParsedDigest, ParsedPaper, ParseWarning } from "../types.js";
import { normalizeText } from "./normalize.js";

const HEADER_LINES = new Set([
  "new",
  "get trending papers in your email inbox!",
  "subscribe",
  "daily papers",
  "byak and the research community",
]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_LINE = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:,? (\d{4}))?$/;

interface Block {
  text: string;
  line: number;
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = normalizeText(raw);
    if (line === "") {
      if (current.length) blocks.push({ text: current.join(" "), line: start });
      current = [];
      return;
    }
    if (!current.length) start = i + 1;
    current.push(line);
  });
  if (current.length) blocks.push({ text: current.join(" "), line: start });
  return blocks;
}

export function parseDayLine(text: string): { month: number; day: number; year?: number } | null {
  const m = DAY_LINE.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf((m[1] as string).slice(0, 3).toLowerCase()) + 1;
  const day = Number(m[2]);
  if (month < 1 || day < 1 || day > 31) return null;
  return m[3] ? { month, day, year: Number(m[3]) } : { month, day };
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype|html|head|body)\b/i.test(text);
}

export function parsePage(text: string, file = "<input>"): ParsedDigest {
  if (text.trim() === "") {
    throw new DigestError(ErrorCode.DigestEmpty, "the file is empty; save the Daily Papers page again", {
      file,
    });
  }
  if (looksLikeHtml(text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    throw new DigestError(
      ErrorCode.DigestNotADigest,
      `this is an HTML page${title ? ` ("${title}")` : ""}, not a digest; the download probably failed, fetch the day again`,
      { file, line: 1 },
    );
  }
  const blocks = blocksOf(text);
  const warnings: ParseWarning[] = [];
  let i = 0;
  let sawHeader = false;
  let day: ParsedDigest["day"] = null;
  while (i < blocks.length) {
    const b = blocks[i] as Block;
    if (HEADER_LINES.has(b.text.toLowerCase())) {
      sawHeader = true;
      i++;
      continue;
    }
    const d: ReturnType<typeof parseDayLine> = sawHeader && !day ? parseDayLine(b.text) : null;
    if (d) {
      day = d.year
        ? { date: `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}` }
        : { month: d.month, day: d.day };
      i++;
      continue;
    }
    break;
  }
  if (!sawHeader) {
    throw new DigestError(
      ErrorCode.DigestNotADigest,
      'no "Daily Papers" header found; this does not look like a saved Daily Papers page (use --format to name the format)',
      { file, line: blocks[0]?.line ?? 1 },
    );
  }
  const body = blocks.slice(i);
  if (body.length === 0) {
    throw new DigestError(
      ErrorCode.DigestEmpty,
      "the page has a header but no papers; the page was saved before it loaded, save it again",
      { file, line: blocks.at(-1)?.line ?? 1 },
    );
  }
  if (body.length % 2 === 1) {
    const orphan = body.at(-1) as Block;
    throw new DigestError(
      ErrorCode.DigestTruncated,
      `the last title ("${orphan.text.slice(0, 80)}") has no abstract; the file looks truncated, save the page again`,
      { file, line: orphan.line },
    );
  }
  const papers: ParsedPaper[] = [];
  for (let k = 0; k < body.length; k += 2) {
    const title = body[k] as Block;
    const abstract = body[k + 1] as Block;
    papers.push({
      title: title.text,
      abstract: abstract.text,
      authors: [],
      arxivId: null,
      sourceCode: [],
      upvotes: null,
      sourceSummary: null,
      date: null,
      days: [],
      aliases: [],
      origin: { line: title.line },
    });
  }
  if (!day)
    warnings.push({ message: "no day line (like `Aug 12`) under the header; the date comes from --date" });
  return { format: "page", day, papers, warnings };
}
