/**
 * Text clean-up shared by every parser. Stored text stays faithful to the source (LaTeX such as
 * `19.3\%` is kept verbatim, so a digest can always be compared with what was stored); only the
 * encoding noise is removed: byte-order marks, zero-width characters, odd spaces, line breaks.
 */
import { DigestError, ErrorCode } from "../errors.js";

// Zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks: invisible, break matching.
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g;
// Control characters other than tab/newline/carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// NBSP, narrow NBSP, figure space and the other Unicode spaces.
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** One line of text: NFC, invisibles removed, all white space runs collapsed to one space. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .replace(ODD_SPACE, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A key for "is this the same text": case, punctuation and spacing do not matter. */
export function matchKey(text: string): string {
  return normalizeText(text)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Decodes a digest file. Invalid UTF-8 is an error naming the line, never replaced silently:
 * a mangled title would be stored forever under a wrong id.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text.replace(/\r\n?/g, "\n");
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new DigestError(
      ErrorCode.DigestEncoding,
      `invalid UTF-8 at byte ${bad}; re-save the file as UTF-8 (e.g. \`iconv -f latin1 -t utf-8\`) and ingest it again`,
      { file, line },
    );
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

const LATEX_READABLE: [RegExp, string][] = [
  [/\\href\{([^{}]*)\}\{([^{}]*)\}/g, "$2"],
  [/\\?url\{([^{}]*)\}/g, "$1"],
  [/\\(%|&|#|_|\$)/g, "$1"],
  [/\\ie\b\.?/g, "i.e."],
  [/\\eg\b\.?/g, "e.g."],
  [/\\etal\b\.?/g, "et al."],
  [/``|''/g, '"'],
  [/\\(?:mathcal|mathbf|mathrm|textbf|textit|emph|text)\{([^{}]*)\}/g, "$1"],
  [/\\times\b/g, "×"],
  [/\\sim\b/g, "~"],
  [/\\approx\b/g, "≈"],
  [/\\leq?\b/g, "≤"],
  [/\\geq?\b/g, "≥"],
];

/** Display form of LaTeX leftovers (`19.3\%` → `19.3%`), for TL;DRs and cards, never for storage. */
export function readableLatex(text: string): string {
  let out = text;
  for (const [pattern, replacement] of LATEX_READABLE) out = out.replace(pattern, replacement);
  return out;
}
