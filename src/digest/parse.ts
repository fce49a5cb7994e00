/** Choosing a parser: by `--format`, or sniffed from the text (`auto`). */
import { DigestError, ErrorCode } from "../errors.js";
import type { DigestFormat, ParsedDigest } from "../types.js";
import { parseHfApi } from "./parse-hf-api.js";
import { parseJsonl } from "./parse-jsonl.js";
import { looksLikeHtml, parsePage } from "./parse-page.js";

export type FormatOption = DigestFormat | "auto";
export const FORMATS: readonly FormatOption[] = ["auto", "page", "hf-api", "jsonl"];

/** Which format a text is in; `auto` never guesses silently wrong on the shapes we know. */
export function sniffFormat(text: string, file = ""): DigestFormat {
  const head = text.trimStart();
  if (file.endsWith(".jsonl")) return "jsonl";
  if (head.startsWith("[")) return "hf-api";
  if (head.startsWith("{")) {
    const firstLine = head.slice(0, head.indexOf("\n") === -1 ? undefined : head.indexOf("\n"));
    for (const candidate of [firstLine, head]) {
      try {
        const v = JSON.parse(candidate) as Record<string, unknown>;
        if (v && typeof v === "object" && ("abstract" in v || "papers" in v)) return "jsonl";
      } catch {
        // not one object per line, or not JSON at all: the API parser reports the JSON error
      }
    }
    return "hf-api";
  }
  if (looksLikeHtml(head)) return "page";
  if (file.endsWith(".json")) return "hf-api";
  return "page";
}

export function parseDigest(
  text: string,
  options: { format?: FormatOption; file?: string } = {},
): ParsedDigest {
  const file = options.file ?? "<input>";
  const format = !options.format || options.format === "auto" ? sniffFormat(text, file) : options.format;
  switch (format) {
    case "page":
      return parsePage(text, file);
    case "hf-api":
      return parseHfApi(text, file);
    case "jsonl":
      return parseJsonl(text, file);
    default:
      throw new DigestError(
        ErrorCode.DigestUnreadable,
        `unknown format "${format}"; use one of ${FORMATS.join(", ")}`,
        {
          file,
        },
      );
  }
}
