/**
 * Paraphrases of a labelled question, made by rewriting its form only (never its content), so
 * that the intent classifier learns the kinds of wording readers use beside the one written:
 * a fragment ("Which datasets are used?" → "datasets used?"), an imperative ("tell me …"),
 * chat casing and shorthand ("u", no question mark), a casual opener ("so …"), and a typo in
 * its longest word. Deterministic: the same question always gives the same paraphrases.
 */
const SCAFFOLD =
  /^(?:(?:and|so|ok|okay|but|also)\s+)?(?:what|which|how|who|where|when|why)(?:'s)?\s+(?:(?:is|are|was|were|do|does|did|can|could|would|will|has|have)\s+)?(?:(?:they|it|the authors|the paper|this paper|this|these|you|we)\s+)?/i;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function typo(text: string): string {
  const ws = text.split(" ");
  let at = 0;
  ws.forEach((w, i) => {
    if (w.length > (ws[at] as string).length) at = i;
  });
  const w = ws[at] as string;
  if (w.length < 5) return text;
  const k = 1 + (hash(text) % (w.length - 3));
  ws[at] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return ws.join(" ");
}

export function paraphrases(question: string): string[] {
  const q = question.trim();
  const lower = q.toLowerCase().replace(/[?.!]+\s*$/, "");
  const out = new Set<string>();
  out.add(lower.replace(/\byou\b/g, "u").replace(/\bplease\b/g, "pls"));
  const rest = lower.replace(SCAFFOLD, "");
  if (rest !== lower && rest.split(" ").length >= 1) {
    out.add(`${rest}?`);
    out.add(`tell me ${rest}`);
  }
  const openers = ["so ", "ok ", "quick q: ", "hey, "];
  out.add(`${openers[hash(q) % openers.length]}${lower}`);
  out.add(typo(lower));
  out.delete(q);
  return [...out];
}
