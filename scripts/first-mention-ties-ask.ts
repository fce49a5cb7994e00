/**
 * Round 15: where the accepted sentence of each answerable question stands against the first
 * sentence holding as much of its focus as any (`first-mention`): at it, after it or before it,
 * and whether a later sentence ties it. `npx tsx scripts/first-mention-ties-ask.ts`
 */
import { closeArchive, FITTED_SETS, loadQuestionFiles, prepareExample } from "./lib/ask-examples.js";

const ex = loadQuestionFiles(FITTED_SETS).map(prepareExample);
const t = new Map<string, Record<string, number>>();
const inc = (k: string, d: string) => {
  const row = t.get(k) ?? {};
  row[d] = (row[d] ?? 0) + 1;
  t.set(k, row);
};
for (const e of ex) {
  if (!e.ranking || e.q.expect === null || !e.gold.length) continue;
  const r = e.ranking;
  const fm = r.facts.firstMention;
  if (fm < 0) continue;
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, " ");
  const wanted = (Array.isArray(e.q.expect) ? e.q.expect : [e.q.expect]).map(squash);
  const abs = r.passages
    .map((p, i) => ({ p, i }))
    .filter(({ p, i }) => p.source === "abstract" && r.eligible[i]);
  const goldIdx = abs
    .filter(({ p }) => wanted.some((w) => squash(p.shown).includes(w)))
    .map(({ p }) => p.index);
  const where = goldIdx.includes(fm) ? "fm" : goldIdx.some((g) => g > fm) ? "after" : "before";
  const fmP = abs.find(({ p }) => p.index === fm);
  if (!fmP) continue;
  const max = r.facts.overlaps[fmP.i] as number;
  const tieLater = abs.some(({ p, i }) => p.index > fm && (r.facts.overlaps[i] as number) >= max - 1e-9);
  const nearLater = abs.some(({ p, i }) => p.index > fm && (r.facts.overlaps[i] as number) >= 0.75 * max);
  const prop = (fmP.p.cues.get("proposal") ?? 0) > 0;
  const intent = e.q.intent;
  inc(`${intent} ${where}`, `tie:${tieLater}`);
  inc(`${intent} ${where}`, `near:${nearLater}`);
  inc(`${intent} ${where}`, `prop:${prop}`);
  inc(`${intent} ${where}`, `focus:${Math.min(3, r.facts.focus.length)}`);
  inc(`${intent} ${where}`, `max:${max >= 0.999 ? 1 : max >= 0.5 ? "half" : "low"}`);
}
for (const [k, v] of [...t].sort())
  if (/^(method|results|other|reason|proposal|definition|problem|comparison) /.test(k))
    console.log(k, JSON.stringify(v));
closeArchive();
