/**
 * Text for Slack. mrkdwn treats `&`, `<` and `>` as control characters: `<!channel>`, `<@U123>` and
 * `<https://x|label>` are mentions and links. Digest and user text is escaped so it can never ping
 * anyone or forge a link; our own links are built after escaping, from escaped parts.
 */

/**
 * mrkdwn has no escape for its formatting characters, so in untrusted text they become look-alikes
 * that Slack does not parse: a digest's `*claims*` or an unclosed ``` fence cannot restyle the rest
 * of a message. The reader sees nearly the same characters.
 */
const FORMATTING: Record<string, string> = { "*": "\u2217", _: "\u02CD", "~": "\u223C", "`": "\u02CB" };

/**
 * Escapes the three characters Slack's mrkdwn parses as control characters (`&`, `<`, `>`: so
 * `<!channel>` can never ping) and neutralizes its formatting characters.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[*_~`]/g, (c) => FORMATTING[c] as string);
}

const ELLIPSIS = "…";

/** Cuts already-safe text to `max` characters, never inside a surrogate pair or an `&…;` entity. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  // An escape entity is at most 5 characters ("&amp;"): step back out of one we would split.
  const amp = text.lastIndexOf("&", end);
  if (amp !== -1 && amp > end - 5 && text.indexOf(";", amp) >= end) end = amp;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** Escaped mrkdwn, cut to `max`. */
export function mrkdwn(text: string, max: number): string {
  return cut(escapeMrkdwn(text), max);
}

/**
 * Plain text (headers, button labels): Slack does not parse mentions or links there, so it is not
 * escaped; it is cut, and white space is folded because plain_text fields are one line.
 */
export function plain(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return cut(folded || "(untitled)", max);
}

/** A mrkdwn link `<url|label>`; null when the url cannot be carried safely. */
export function link(url: string, label: string): string | null {
  if (!/^https?:\/\/[^\s<>|]+$/i.test(url)) return null;
  return `<${url.replace(/&/g, "&amp;")}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}

/** Splits escaped text into pieces of at most `max` characters, at line or word breaks. */
export function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf("\n", max);
    if (at < max / 2) at = rest.lastIndexOf(" ", max);
    if (at < max / 2) at = max;
    // Never split an escape entity or a surrogate pair.
    const amp = rest.lastIndexOf("&", at);
    if (amp !== -1 && amp > at - 5 && rest.indexOf(";", amp) >= at) at = amp;
    const code = rest.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) at -= 1;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
