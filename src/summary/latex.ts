/**
 * The one display form of paper text: every TL;DR, key result, abstract, snippet and answer shown
 * to a reader goes through `displayText`. Abstracts are prose with LaTeX fragments (and, in the
 * API form, LaTeX whose backslashes a converter already ate), so this is a forgiving scanner, not
 * a TeX parser: `%` is a percent sign, a lone `$` is a dollar, and nothing ever throws.
 *
 * - commands become what they show: `{\bf X}` → "X", `\emph{X}` → "X", `\times` → "×",
 *   `$\mathcal{O}(n \log n)$` → "O(n log n)", `\href{url}{text}` → "text", `\ie` → "i.e.";
 * - references, citations and footnotes show nothing;
 * - super- and subscripts use Unicode where it has the characters (`V^3` → "V³", `ell_1` → "ℓ₁");
 *   a plain-text letter subscript ("AP_r") is left as people type it;
 * - a paper's own name macro (`\method`) shows the name its title announces ("DASH");
 * - spacing artefacts of the source are tidied ("models ," → "models,", "SimpleNorm -based").
 *
 * Only for display: the archive keeps the text as the source wrote it.
 */
import {
  ACCENTS,
  DROP,
  DROP_WITH_ARGUMENTS,
  doubleStruck,
  SHOW_ARGUMENT,
  SYMBOLS,
  scriptForm,
} from "./latex-symbols.js";
import { tidySpacing } from "./spacing.js";
import { titleName } from "./title-name.js";

export interface DisplayContext {
  /** The paper's title: its system name stands in for a `\method`-style macro. */
  title?: string;
}

// Macros papers define for their own system's name.
const NAME_MACRO =
  /^(?:method|methodname|ours|ourmethod|ourmodel|our|name|thename|model|modelname|sys|system|sysname|systemname|approach|algo|algname|alg|framework|frameworkname|tool|toolname|proj|projname|projectname)$/i;

const URL = /\bhttps?:\/\/[^\s{}<>"]+|\bwww\.[^\s{}<>"]+/gi;
// Private-use characters hold URLs aside while the rest is converted.
const HOLD_OPEN = "\uE000";
const HOLD_CLOSE = "\uE001";
// Where a citation or footnote was: the space before it goes too.
const DROPPED = "\uE002";

interface Scan {
  src: string;
  i: number;
  name: string | null;
}

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

function skipSpaces(s: Scan): void {
  while (isSpace(s.src[s.i])) s.i++;
}

/** The raw text of a braced group starting at s.i (s.i at "{"), or null; s.i moves past it. */
function readGroup(s: Scan): string | null {
  if (s.src[s.i] !== "{") return null;
  let depth = 0;
  for (let j = s.i; j < s.src.length; j++) {
    const ch = s.src[j];
    if (ch === "\\") {
      j++;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}") {
      depth--;
      if (depth === 0) {
        const inner = s.src.slice(s.i + 1, j);
        s.i = j + 1;
        return inner;
      }
    }
  }
  return null;
}

/** An optional `[...]` argument; skipped. */
function skipOptional(s: Scan): void {
  const save = s.i;
  skipSpaces(s);
  if (s.src[s.i] !== "[") {
    s.i = save;
    return;
  }
  const end = s.src.indexOf("]", s.i);
  if (end < 0 || end - s.i > 200) s.i = save;
  else s.i = end + 1;
}

/** A command's argument: a braced group, or else the next single character or command. */
function readArgument(s: Scan): string {
  skipSpaces(s);
  const group = readGroup(s);
  if (group !== null) return group;
  const ch = s.src[s.i];
  if (ch === undefined) return "";
  if (ch === "\\") {
    const m = /^\\(?:[A-Za-z]+|.)/.exec(s.src.slice(s.i));
    const cmd = m ? m[0] : "\\";
    s.i += cmd.length;
    return cmd;
  }
  s.i++;
  return ch;
}

function bracketed(text: string): string {
  const t = text.trim();
  return /^[\p{L}\p{N}.]+$/u.test(t) || /^\(.*\)$/.test(t) ? t : `(${t})`;
}

function script(content: string, kind: "^" | "_"): string {
  const t = content.trim();
  const form = scriptForm(t, kind);
  if (form !== null) return form;
  return t.length === 1 ? `${kind}${t}` : `${kind}(${t})`;
}

function accent(base: string, mark: string): string {
  const t = base.trim();
  // One letter takes the mark ("\tilde{O}" → "Õ"); a longer argument is shown as it is.
  return [...t].length === 1 ? `${t}${mark}`.normalize("NFC") : t;
}

function command(s: Scan, math: boolean): string {
  const rest = s.src.slice(s.i + 1);
  const letters = /^[A-Za-z]+/.exec(rest);
  if (!letters) {
    const ch = rest[0];
    s.i += 2;
    if (ch === undefined) return "";
    if (ch === "\\") return " ";
    if ("%&#_{}".includes(ch) || ch === "$") return ch;
    if (",;: >".includes(ch)) return " ";
    if ("!/-@".includes(ch)) return "";
    const mark = ACCENTS[ch];
    if (mark) return accent(convert(readArgument(s), s.name, math), mark);
    return ch;
  }
  const name = letters[0];
  s.i += 1 + name.length;
  if (name in DROP_WITH_ARGUMENTS) {
    skipOptional(s);
    skipOptional(s);
    for (let k = 0; k < (DROP_WITH_ARGUMENTS[name] as number); k++) {
      skipSpaces(s);
      readGroup(s);
    }
    return DROPPED;
  }
  switch (name) {
    case "frac":
    case "dfrac":
    case "tfrac": {
      const a = convert(readArgument(s), s.name, true);
      const b = convert(readArgument(s), s.name, true);
      return `${bracketed(a)}/${bracketed(b)}`;
    }
    case "sqrt": {
      skipOptional(s);
      return `√${bracketed(convert(readArgument(s), s.name, true))}`;
    }
    case "href": {
      skipSpaces(s);
      readGroup(s);
      return convert(readArgument(s), s.name, math);
    }
    case "url":
      return readArgument(s);
    case "textsuperscript":
      return script(convert(readArgument(s), s.name, math), "^");
    case "textsubscript":
      return script(convert(readArgument(s), s.name, math), "_");
    case "mathbb":
    case "mathds":
    case "bbm":
    case "mathbbm": {
      const arg = convert(readArgument(s), s.name, true).trim();
      return arg.length === 1 ? doubleStruck(arg) : arg;
    }
    case "begin":
    case "end":
      skipSpaces(s);
      readGroup(s);
      return " ";
    case "item":
      return " ";
    case "textcolor":
    case "colorbox":
      skipSpaces(s);
      readGroup(s);
      return convert(readArgument(s), s.name, math);
  }
  if (SHOW_ARGUMENT.has(name)) {
    skipOptional(s);
    const save = s.i;
    skipSpaces(s);
    const group = readGroup(s);
    if (group !== null) return convert(group, s.name, math);
    s.i = save;
    return "";
  }
  if (DROP.has(name)) {
    // A font switch swallows the space after it, as TeX does: "{\bf X}" → "X".
    if (s.src[s.i] === " ") s.i++;
    return "";
  }
  const mark = ACCENTS[name];
  if (mark) return accent(convert(readArgument(s), s.name, math), mark);
  const symbol = SYMBOLS[name];
  if (symbol !== undefined) {
    if (s.src.startsWith("{}", s.i)) s.i += 2;
    return symbol;
  }
  // An unknown macro: with a braced argument it is formatting ("\textsc{X}" style, show X);
  // without one it is a name the paper defined ("\method", "\simhash").
  if (s.src[s.i] === "{") {
    const save = s.i;
    const group = readGroup(s);
    if (group !== null && group.trim() !== "") return convert(group, s.name, math);
    if (group === null) s.i = save;
  }
  if (NAME_MACRO.test(name) && s.name) return s.name;
  return name;
}

/** A super/subscript after `^` or `_` at s.i in math: a group, a command or one character. */
function mathScript(s: Scan, kind: "^" | "_"): string {
  s.i++;
  return script(convert(readArgument(s), s.name, true), kind);
}

// Text-mode scripts: "V^3", "A^2D", "10^(-10)", "x^{n+1}", "ell_1", "x_{max}". A caret or
// underscore that is not one of these (an identifier like "max_len") is left alone.
const TEXT_SCRIPT = /^[\^_](?:\{([^{}]{1,20})\}|\(([+\-−]?\d+(?:\.\d+)?)\)|(\d+)|([A-Za-z*](?![A-Za-z\d_])))/;

function textScript(s: Scan, out: string): string | null {
  if (!/[\p{L}\p{N})\]]$/u.test(out)) return null;
  const m = TEXT_SCRIPT.exec(s.src.slice(s.i));
  if (!m) return null;
  const kind = s.src[s.i] as "^" | "_";
  // "AP_r", "x_i": a letter subscript in plain text is how people type it (and search and ask
  // for it); only digits and braced groups are a converter's leftovers ("ell_1", "x_{max}").
  if (kind === "_" && m[4] !== undefined) return null;
  const content = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
  s.i += m[0].length;
  return script(convert(content, s.name, true), kind);
}

/** The closing `$` (or `$$`) of a math span opening at s.i, or -1. */
function mathEnd(s: Scan, delimiter: string): number {
  for (let j = s.i + delimiter.length; j < s.src.length; j++) {
    const ch = s.src[j];
    if (ch === "\\") {
      j++;
      continue;
    }
    if (s.src.startsWith(delimiter, j)) return j;
  }
  return -1;
}

function convert(src: string, name: string | null, math: boolean): string {
  const s: Scan = { src, i: 0, name };
  let out = "";
  while (s.i < src.length) {
    const ch = src[s.i] as string;
    if (ch === "\\") {
      // \( … \) and \[ … \] are math too.
      if (src[s.i + 1] === "(" || src[s.i + 1] === "[") {
        const close = src.indexOf(src[s.i + 1] === "(" ? "\\)" : "\\]", s.i + 2);
        if (close > 0) {
          out += convert(src.slice(s.i + 2, close), name, true);
          s.i = close + 2;
          continue;
        }
      }
      out += command(s, math);
      continue;
    }
    if (ch === "$") {
      const delimiter = src.startsWith("$$", s.i) ? "$$" : "$";
      const end = mathEnd(s, delimiter);
      if (end > 0) {
        out += convert(src.slice(s.i + delimiter.length, end), name, true);
        s.i = end + delimiter.length;
      } else {
        // A lone dollar is money, not math.
        out += ch;
        s.i++;
      }
      continue;
    }
    if (ch === "{") {
      const group = readGroup(s);
      if (group !== null) out += convert(group, name, math);
      else s.i++;
      continue;
    }
    if (ch === "}") {
      s.i++;
      continue;
    }
    if (ch === "^" || ch === "_") {
      const scripted = math ? mathScript(s, ch) : textScript(s, out);
      if (scripted !== null) {
        out += scripted;
        continue;
      }
    }
    if (ch === "~" && (!/^~\s*[\d.]/.test(src.slice(s.i)) || /\p{L}$/u.test(out))) {
      // A tie ("et al.~\cite{…}", "RTX~5090") is a space; "~10%" and "1.2~1.3" mean "about".
      out += " ";
      s.i++;
      continue;
    }
    if (math && ch === "'") {
      out += "′";
      s.i++;
      continue;
    }
    if (!math && ch === "-" && src.startsWith("--", s.i)) {
      const em = src.startsWith("---", s.i);
      out += em ? "—" : "–";
      s.i += em ? 3 : 2;
      continue;
    }
    if (!math && (src.startsWith("``", s.i) || src.startsWith("''", s.i))) {
      out += src[s.i] === "`" ? "“" : "”";
      s.i += 2;
      continue;
    }
    out += ch;
    s.i++;
  }
  return out;
}

/** Readable text from paper text that may hold LaTeX; the one display function. */
export function displayText(text: string, context: DisplayContext = {}): string {
  const name = context.title ? titleName(context.title) : null;
  const urls: string[] = [];
  const held = text
    // Links show their text; their URLs are held aside so no rule below touches them.
    .replace(/\\href\s*\{([^{}]*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g, "$2")
    .replace(/\\url\s*\{([^{}]*)\}/g, "$1")
    .replace(URL, (url) => `${HOLD_OPEN}${urls.push(url) - 1}${HOLD_CLOSE}`)
    // "https://x/theorem-search{this link}": an \href whose command a converter ate leaves its
    // link text glued to the URL; the URL is what a reader can use, so its label goes.
    .replace(new RegExp(`${HOLD_CLOSE}\\{[^{}]{0,200}\\}`, "g"), HOLD_CLOSE)
    // "ell_1" and "Oleft(n^2dright)" whose backslashes a converter ate.
    .replace(/(?<!\\)\bell(?=_(?:[\d{]|[a-z]\b))/g, "\\ell")
    .replace(/(?<=[\p{L}\d}])(?:left|right)(?=[()[\]|])/gu, "");
  const converted = convert(held, name, false)
    // A dropped citation or footnote takes the space before it along.
    .replace(new RegExp(`\\s*${DROPPED}`, "g"), "")
    .replace(new RegExp(`${HOLD_OPEN}(\\d+)${HOLD_CLOSE}`, "g"), (_m, k: string) => urls[Number(k)] ?? "");
  return tidySpacing(converted);
}
