/**
 * Rewordings of a tuning question, for fitting the answer model (scripts/fit-ask.ts) on more than
 * one writer's habits: the same question as a terse chat fragment, with or without casual fillers,
 * with a non-native speaker's dropped auxiliary, or in plain form. Each keeps the question's
 * meaning, so it keeps its accepted sentences. General templates only: no rule names a paper, a
 * question or a word of one.
 *
 * Used for fitting only; the rewordings are never scored (cross-validation scores the questions as
 * their writers wrote them).
 */

/** Casual openers and closers a chat message adds without changing what it asks. */
const OPENERS = /^(so|ok|okay|and|hey|quick question:?|q:)\s+/i;
const CLOSERS = /\s+(or not|exactly|actually|pls|please|then)\s*(\?*)$/i;

function squashSpaces(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** "So does it beat X or not?" → "does it beat X?"; "what is X" → "What is X?". */
function plain(q: string): string {
  let t = q.replace(OPENERS, "").replace(CLOSERS, "$2");
  t = t.replace(/\bwhats\b/gi, "what's").replace(/\bhows\b/gi, "how's");
  if (!/[?.!]$/.test(t)) t = `${t}?`;
  return squashSpaces(t.charAt(0).toUpperCase() + t.slice(1));
}

/** "What is the speedup?" → "so whats the speedup": lower case, no question mark, a filler. */
function chatty(q: string): string {
  let t = q.replace(/[?.!]+$/, "").toLowerCase();
  t = t.replace(/\bwhat's\b/g, "whats").replace(/\bit's\b/g, "its");
  if (!OPENERS.test(t)) t = `so ${t}`;
  return squashSpaces(t);
}

/**
 * The question as a fragment ("What datasets do they use?" → "datasets used?", "What is X?" →
 * "X?", "How many X does it Y?" → "number of X?"), or null when it has no such form.
 */
function fragment(q: string): string | null {
  const t = q
    .replace(OPENERS, "")
    .replace(/[?.!]+$/, "")
    .trim();
  let m = /^(?:what|which)\s+(?:is|are|was|were)\s+(?:the\s+)?(.+)$/i.exec(t);
  if (m?.[1] && m[1].split(" ").length <= 6) return `${m[1]}?`;
  m = /^what's\s+(?:the\s+)?(.+)$/i.exec(t);
  if (m?.[1] && m[1].split(" ").length <= 6) return `${m[1]}?`;
  m =
    /^(?:what|which)\s+(\w+(?:\s+\w+)?)\s+(?:do|does|did)\s+(?:they|it|the authors|the paper)\s+(use|train on|evaluate on|test on|compare (?:to|with|against)|run on)$/i.exec(
      t,
    );
  if (m?.[1]) return m[2] === "use" ? `${m[1]} used?` : `${m[1]}?`;
  m = /^how many\s+(\w+(?:\s+\w+)?)\s+(?:do|does|did|are|were|is)\b/i.exec(t);
  if (m?.[1]) return `number of ${m[1]}?`;
  return null;
}

/** "Why does X fail?" → "why X fail?", "how do they predict …" → "how they predict …". */
function droppedAuxiliary(q: string): string | null {
  const m = /^(why|how|what|where|which \w+)\s+(?:do|does|did)\s+(.+)$/i.exec(q.replace(OPENERS, "").trim());
  if (!m?.[1] || !m[2]) return null;
  return `${m[1].toLowerCase()} ${m[2]}`;
}

/** Up to `max` rewordings of `q`, each different from it and from one another. */
export function paraphrases(q: string, max = 2): string[] {
  const out: string[] = [];
  const seen = new Set([q.toLowerCase().replace(/[?\s]+$/, "")]);
  const casual = OPENERS.test(q) || !/[?]$/.test(q) || q === q.toLowerCase();
  for (const candidate of [fragment(q), droppedAuxiliary(q), casual ? plain(q) : chatty(q)]) {
    if (!candidate || out.length >= max) continue;
    const key = candidate.toLowerCase().replace(/[?\s]+$/, "");
    if (seen.has(key) || key.split(" ").length < 1) continue;
    seen.add(key);
    out.push(candidate);
  }
  return out;
}
