/**
 * Spacing and leftover artefacts of the sources, tidied for display only: digests are produced by
 * PDF and LaTeX converters that leave "models ,", "SimpleNorm -based", "text-to- image",
 * "learning rate s" and "4.5times" (a `\times` whose backslash was eaten) behind.
 */

export function tidySpacing(text: string): string {
  return (
    text
      // Markdown emphasis that some digests carry: "**H**ierarchical".
      .replace(/\*\*|__/g, "")
      // A `\times`, `\sim` or arrow whose backslash an upstream converter ate.
      .replace(/(\d)times\b/g, "$1×")
      .replace(/(?<=^|\s)times(?=\d)/g, "×")
      .replace(/(?<!\p{L})sim(?=\d+(?:\.\d+)?(?![\p{L}\d]))/gu, "~")
      .replace(/(?<=[\d%])(up|down)arrow\b/g, (_m, dir: string) => (dir === "up" ? "↑" : "↓"))
      // "i.e. \ie" once converted.
      .replace(/\b(i\.e\.|e\.g\.)(?:\s*,?\s*\1)+/g, "$1")
      .replace(/\s+/g, " ")
      // "77. 7% accuracy": a decimal point a converter put a space after (the sentence splitter
      // keeps it in one sentence by the same rule).
      .replace(/(?<![\d.,])(\d+)\. (?=\d+(?:%|×|x(?![\p{L}\d])))/gu, "$1.")
      // A LaTeX comment mark left at a sentence start ("overheads. % To address this, …").
      .replace(/(^|[.!?]\s*)%\s+/g, "$1 ")
      // Runs of quote marks a converter multiplied ("````\"ADaptive").
      .replace(/[`“”"]{2,}(?=[\p{L}\p{N}])/gu, "“")
      .replace(/(?<=[\p{L}\p{N}.,!?])[`'“”"]{2,}/gu, "”")
      // “…" and "…”: one pair, two styles.
      .replace(/“([^“”"]{1,200})"/g, "“$1”")
      .replace(/"([^“”"]{1,200})”/g, "“$1”")
      // Enumeration labels "1) … 2) …" read as brackets left open: "(1) … (2) …".
      .replace(/(?<=^|[\s:;,])(\d{1,2}|[ivx]{1,4}|[a-h])\)(?=\s)/g, "($1)")
      // "SimpleNorm -based", "YOLOE -26": a hyphen cut off from the word it joins.
      .replace(/(?<=[\p{L}\p{N}]) -(?=[\p{L}\p{N}])/gu, "-")
      // "text-to- image": a compound broken at a line end.
      .replace(/(?<=\p{L}-\p{L}+-) (?=\p{Ll})/gu, "")
      // "learning rate s", "search es", "optimizer s'": a plural ending split off its word.
      .replace(/\b(\p{L}{3,}) (e?s)(?=['’]?(?:[\s,.;:!?)]|$))/gu, (m, word: string, ending: string) =>
        ending === "s" || /(?:s|sh|ch|x|z)$/.test(word) ? `${word}${ending}` : m,
      )
      // "sub- quadratic", "MT- GRPO": a prefix cut off from its word ("pre- and post-" stays).
      .replace(
        /(?<=\b(?:sub|non|multi|pre|post|self|semi|anti|co|re|inter|intra|cross|over|under|super|hyper|meta|pseudo|quasi|ultra|mid|low|high|long|short|fine|coarse|well|full|half|zero|few|single|multi)-) (?!(?:and|or|to|as)\b)(?=\p{Ll})/giu,
        "",
      )
      .replace(/(?<=\b\p{Lu}[\p{Lu}\d]*-) (?=\p{Lu})/gu, "")
      .replace(/ '(?=s\b)/g, "'")
      // No space before closing punctuation, none inside brackets.
      .replace(/\s+([,.;:!?%)\]])(?=[\s,.;:!?)\]"”]|$)/g, "$1")
      .replace(/\s+([)\]])/g, "$1")
      .replace(/([([])\s+/g, "$1")
      .replace(/\s+/g, " ")
      .trim()
  );
}

const OPENERS: Record<string, string> = { ")": "(", "]": "[", "”": "“" };

/**
 * One sentence with its brackets and quotes balanced: a mark the source left unmatched (an opening
 * "``Subset Scanning" never closed, a ")" whose "(" was in another sentence) is dropped, so a
 * shown sentence never carries half a pair.
 */
export function balanceMarks(sentence: string): string {
  if (!/[()[\]“”"]/.test(sentence)) return sentence;
  const chars = [...sentence];
  const drop = new Set<number>();
  const stack: { ch: string; at: number }[] = [];
  chars.forEach((ch, at) => {
    if (ch === "(" || ch === "[" || ch === "“") stack.push({ ch, at });
    else if (ch in OPENERS) {
      const top = stack[stack.length - 1];
      if (top && top.ch === OPENERS[ch]) stack.pop();
      else drop.add(at);
    }
  });
  for (const { at } of stack) drop.add(at);
  // Straight double quotes pair up in order; an odd one out is the last.
  const straight = chars.flatMap((ch, at) => (ch === '"' ? [at] : []));
  if (straight.length % 2 === 1) drop.add(straight[straight.length - 1] as number);
  if (drop.size === 0) return sentence;
  return chars
    .filter((_, at) => !drop.has(at))
    .join("")
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .trim();
}
