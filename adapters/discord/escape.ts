/**
 * Making untrusted text (digests, users) inert in Discord markdown. Every escape is a backslash
 * before a character, or a zero-width space that breaks a mention, so the reader sees exactly the
 * original text.
 *
 * Why not discord.js's `escapeMarkdown`: it is context-sensitive (URL look-behinds, pairing of
 * `**`/`__`), which makes it quadratic on long runs without white space (344 ms for 4096 such
 * characters, seconds per field once cut to a limit) and misses mentions, quotes and subtext. URLs
 * are set aside first here, so what remains can be escaped character by character, in linear time;
 * a backslash before any punctuation is literal in Discord, so escaping a lone `~` is harmless.
 */

const ZWSP = "\u200b";

/** Discord's own autolink rule: what its client turns into a link (escapes inside would break it). */
const URL_RE = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

/** Characters that start or end markup anywhere in a line. */
const MARKUP = /[\\*_`~|[\]>#]/g;

/**
 * `@everyone`/`@here`, and `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<t:…>`, `<:emoji:id>`,
 * `<id:…>`: a zero-width space after the sigil stops Discord from parsing them. allowedMentions
 * already stops the ping; this also stops the highlight (and any mention inside embeds).
 */
export function breakMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:]|a:|t:|id:)/g, `<${ZWSP}`);
}

function escapeProse(text: string): string {
  return text
    .replace(MARKUP, "\\$&")
    .replace(/^(\s*)-/gm, "$1\\-") // bulleted lists and "-#" subtext
    .replace(/^(\s*\d+)\./gm, "$1\\."); // numbered lists
}

/** Escapes text for a field Discord renders as markdown (content, titles, descriptions, fields). */
export function escapeText(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    out += escapeProse(text.slice(last, at)) + m[0];
    last = at + m[0].length;
  }
  out += escapeProse(text.slice(last));
  return breakMentions(out);
}

/** Text for places Discord shows verbatim (footers, choice names, thread names, button labels). */
export function plainText(text: string): string {
  return breakMentions(
    Array.from(text, (ch) => (ch.charCodeAt(0) < 0x20 || ch === "\u007f" ? " " : ch))
      .join("")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

const ELLIPSIS = "…";

/**
 * `transform(text)` cut to at most `max` characters, ending in "…" when cut. The cut is made in the
 * raw text (on a code point boundary) and the prefix transformed again, so an escape is never split.
 */
export function fitText(text: string, max: number, transform: (t: string) => string = escapeText): string {
  const whole = transform(text);
  if (whole.length <= max) return whole;
  // Escaping never shortens text, so no prefix longer than `max` can fit: search only up to it.
  const points = Array.from(text).slice(0, max);
  let lo = 0;
  let hi = points.length;
  // Largest n with transform(points[0..n]) + "…" within max; transform only grows text, so monotone.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (transform(points.slice(0, mid).join("")).trimEnd().length + ELLIPSIS.length <= max) lo = mid;
    else hi = mid - 1;
  }
  return transform(points.slice(0, lo).join("")).trimEnd() + ELLIPSIS;
}

/** An http(s) URL safe to show as a Discord autolink `<url>`, or null. */
export function safeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // WHATWG serialization encodes spaces and angle brackets; pipes and backticks we encode too.
  const href = url.href
    .replace(/\|/g, "%7C")
    .replace(/`/g, "%60")
    .replace(/@(everyone|here)/gi, "%40$1");
  return href.length <= 512 ? href : null;
}
