/**
 * Who a paper is. The arXiv id when the source knows it; otherwise a content id derived from the
 * normalized title and abstract, so the same paper gets the same id on any machine and every
 * re-ingest, while two papers that share only a title never collide.
 */
import { createHash } from "node:crypto";
import { matchKey } from "./normalize.js";

const ARXIV_ID = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
const ARXIV_IN_URL =
  /^(?:https?:\/\/)?(?:www\.)?(?:arxiv\.org\/(?:abs|pdf|html)|huggingface\.co\/papers|hf\.co\/papers|alphaxiv\.org\/abs)\/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$/i;
const CONTENT_ID = /^pb-[0-9a-f]{12}$/;

/** "2601.23265v2" → "2601.23265"; anything else → null. */
export function normalizeArxivId(raw: string): string | null {
  const m = ARXIV_ID.exec(raw.trim());
  return m ? (m[1] as string) : null;
}

/**
 * What a user typed to name a paper: an arXiv id, an arXiv/HF paper URL, or a paperboy id.
 * Returns the canonical id to look up, or null when the text is not an id at all.
 */
export function parsePaperRef(text: string): string | null {
  const t = text.trim().replace(/^<|>$/g, "");
  const direct = normalizeArxivId(t.replace(/^arxiv:/i, ""));
  if (direct) return direct;
  const url = ARXIV_IN_URL.exec(t);
  if (url) return url[1] as string;
  if (CONTENT_ID.test(t.toLowerCase())) return t.toLowerCase();
  return null;
}

/** The key two records must share to be "the same paper" when neither has an arXiv id. */
export function contentKey(title: string, abstract: string): string {
  return createHash("sha256")
    .update(`${matchKey(title)}\n${matchKey(abstract)}`)
    .digest("hex");
}

/** The public id of a paper without an arXiv id. */
export function contentId(title: string, abstract: string): string {
  return `pb-${contentKey(title, abstract).slice(0, 12)}`;
}
