/**
 * Finding links in abstracts. Digest abstracts come from LaTeX and PDF extraction, so a URL is
 * often glued to a sentence's full stop, a closing bracket, or repeated inside `\href{..}{..}` /
 * `\url{..}`. Each URL is reported once, cleaned, in order of first appearance.
 */

// A URL ends at white space or at a character that never appears unescaped in the URLs we meet
// and always appears around them in LaTeX (`{`, `}`) or markup (`<`, `>`, `"`, `|`, `\`).
const URL_PATTERN = /\bhttps?:\/\/[^\s{}<>"|\\^`]+/gi;
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
    const url = trimUrl(match[0]);
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
