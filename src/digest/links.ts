/**
 * Finding links in abstracts. Digest abstracts come from LaTeX and PDF extraction, so a URL is
 * often glued to a sentence's full stop, a closing bracket, or repeated inside `\href{..}{..}` /
 * `\url{..}`. Each URL is reported once, cleaned, in order of first appearance.
 */

// A URL ends at white space or at a character that never appears unescaped in the URLs we meet
// and always appears around them in LaTeX (`{`, `}`) or markup (`<`, `>`, `"`, `|`, `\`).
const URL_CHARS = String.raw`[^\s{}<>"|\\^\`]`;
const TRAILING_JUNK = /[.,;:!?'*\]})>]+$/;

/** Hosts whose links are code: the contract's GitHub, GitLab, Gitee, Bitbucket, Hugging Face. */
export const CODE_HOSTS: readonly string[] = [
  "github.com",
  "gitlab.com",
  "gitee.com",
  "bitbucket.org",
  "huggingface.co",
  "hf.co",
];

// A link with its scheme, or a code host's address written bare ("github.com/org/repo"): authors
// often drop the scheme, and a reader still sees a link.
const URL_PATTERN = new RegExp(
  String.raw`\bhttps?:\/\/${URL_CHARS}+|(?<![\w@./-])(?:www\.)?(?:${CODE_HOSTS.map((h) => h.replace(/\./g, "\\.")).join("|")})\/${URL_CHARS}+`,
  "gi",
);

// PDF extraction breaks long URLs at their hyphens ("Signatures-for- Self-Checking
// -and-Refinement") and after a code host's owner ("github.com/org/ repo"). A URL that ends in a
// hyphen, or a code-host URL that names only its owner, continues across the single space, and so
// does one whose next word starts with a hyphen. (A slash alone does not: "https://site.org/ and"
// is a whole link followed by a word.)
const CONTINUATION = new RegExp(`^ (${URL_CHARS}+)`);
const OWNER_ONLY = new RegExp(
  String.raw`^(?:https?:\/\/)?(?:www\.)?(?:${CODE_HOSTS.map((h) => h.replace(/\./g, "\\.")).join("|")})\/[^/\s]+\/$`,
  "i",
);

function broken(url: string, word: string): boolean {
  if (/^[-_][\p{L}\p{N}]/u.test(word)) return true;
  if (!/^[\p{L}\p{N}]/u.test(word)) return false;
  return /[-_]$/.test(url) || OWNER_ONLY.test(url);
}

function rejoin(text: string, start: number, url: string): string {
  let joined = url;
  let at = start + url.length;
  for (let guard = 0; guard < 8; guard++) {
    const next = CONTINUATION.exec(text.slice(at, at + 300));
    const word = next?.[1];
    if (!word || !broken(joined, word)) break;
    joined += word;
    at += 1 + word.length;
  }
  return joined;
}

function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const stripped = url.replace(TRAILING_JUNK, "");
    // Keep a closing parenthesis that closes one opened inside the URL (Wikipedia-style paths).
    let next = stripped;
    if (url.endsWith(")") && !stripped.endsWith(")")) {
      const open = (url.match(/\(/g) ?? []).length;
      const close = (url.match(/\)/g) ?? []).length;
      if (open >= close) next = url;
    }
    if (next === url) return url;
    url = next;
  }
}

function isValidUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Every URL in `text`, cleaned, once each, in order of first appearance. */
export function extractLinks(text: string): string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const found = rejoin(text, match.index, match[0]);
    const url = trimUrl(/^https?:\/\//i.test(found) ? found : `https://${found}`);
    if (!isValidUrl(url) || seen.has(url)) continue;
    seen.add(url);
    links.push(url);
  }
  return links;
}

export function isCodeHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return CODE_HOSTS.some((h) => host === h || host === `www.${h}`);
}

/** Code links: the abstract's links on code hosts, then the source's own code links, once each. */
export function codeLinks(links: readonly string[], sourceCode: readonly string[]): string[] {
  const out: string[] = [];
  for (const url of [...links.filter(isCodeHost), ...sourceCode]) {
    if (!out.includes(url)) out.push(url);
  }
  return out;
}
