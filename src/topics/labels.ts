/**
 * Labels for clusters of papers, from the papers' own key phrases. A phrase scores by how many of
 * the cluster's papers use it (title uses count extra), how specific it is to the cluster against
 * the other papers (a class-based TF-IDF), and its length (two or three words read best). Labels
 * are unique across the topics; casing is the papers' own, in sentence case.
 */
import type { Phrase } from "./phrases.js";

export const MIN_LABEL_WORDS = 2;
export const MAX_LABEL_WORDS = 5;

const LENGTH_BONUS = [0, 1, 1.5, 1.4, 1.1];

// "Convolutional neural", "Multiple agentic": a phrase that ends on an adjective names no thing.
const ADJECTIVE_END = /(?:ic|al|ive|ous|ble|ful|less|ary|ed)$/;
const NOUNS_LIKE_ADJECTIVES = new Set(
  `retrieval signal logic objective metric heuristic perspective alternative removal critic interval
  proposal manual terminal potential arrival tutorial approval survival portal music topic traffic graphic
  initiative incentive primitive narrative derivative negative positive directive ensemble variable table
  trouble bubble diagnostic analytic rationale mechanic dynamic dynamics`.split(/\s+/),
);

function endsOnNoun(form: string): boolean {
  const last = (form.split(/[\s-]/).pop() ?? "").toLowerCase();
  return (
    !ADJECTIVE_END.test(last) ||
    NOUNS_LIKE_ADJECTIVES.has(last) ||
    /\p{Lu}/u.test(form.split(" ").pop() ?? "")
  );
}

interface Stat {
  docs: number;
  titles: number;
  forms: string[];
  words: number;
}

/** Sentence case that keeps acronyms and mixed-case names ("LLM", "N:M", "ConvNeXt"). */
export function readableForm(form: string): string {
  const casePart = (part: string) =>
    /^\p{Lu}$/u.test(part) || /^.+\p{Lu}/u.test(part) ? part : part.toLowerCase();
  const text = form
    .split(" ")
    .map((w) =>
      w
        .split(/([-:'’])/)
        .map(casePart)
        .join(""),
    )
    .join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function mostCommonForm(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const f of forms) {
    const r = readableForm(f);
    counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "";
}

function clusterStats(
  members: readonly number[],
  phrases: readonly Map<string, Phrase>[],
): Map<string, Stat> {
  const stats = new Map<string, Stat>();
  for (const i of members) {
    for (const p of (phrases[i] as Map<string, Phrase>).values()) {
      let s = stats.get(p.key);
      if (!s) {
        s = { docs: 0, titles: 0, forms: [], words: p.words };
        stats.set(p.key, s);
      }
      s.docs++;
      if (p.inTitle) s.titles++;
      s.forms.push(...p.forms);
    }
  }
  return stats;
}

function phrasesWith(word: string, members: readonly number[], phrases: readonly Map<string, Phrase>[]) {
  const found: { key: string; s: Stat; score: number }[] = [];
  for (const i of members) {
    for (const p of (phrases[i] as Map<string, Phrase>).values()) {
      if (p.words < MIN_LABEL_WORDS || !p.key.split(" ").includes(word) || !endsOnNoun(p.forms[0] as string))
        continue;
      found.push({
        key: p.key,
        s: { docs: 1, titles: p.inTitle ? 1 : 0, forms: p.forms, words: p.words },
        score: (p.inTitle ? 2 : 0) + p.forms.length,
      });
    }
  }
  return found.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
}

/**
 * One label per cluster (clusters given as member index lists, largest first), never repeated.
 * `fallback` names a cluster whose papers share no phrase.
 */
export function labelClusters(
  clusters: readonly number[][],
  phrases: readonly Map<string, Phrase>[],
  fallback: (members: readonly number[]) => string,
): string[] {
  const total = phrases.length;
  const docFreq = new Map<string, number>();
  for (const m of phrases) for (const key of m.keys()) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  const used = new Set<string>();
  return clusters.map((members) => {
    const stats = clusterStats(members, phrases);
    const minDocs = members.length >= 3 ? 2 : 1;
    const ranked = [...stats.entries()]
      .filter(([, s]) => s.docs >= minDocs)
      .map(([key, s]) => {
        const coverage = (s.docs + 0.5 * s.titles) / members.length;
        const specificity =
          Math.log(1 + total / (docFreq.get(key) as number)) *
          Math.sqrt(s.docs / (docFreq.get(key) as number));
        return { key, s, score: coverage * specificity * (LENGTH_BONUS[s.words] ?? 1) };
      })
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    const free = ranked.filter((r) => !used.has(r.key));
    // Two to four words read as a topic; a single word ("agents") only names one when nothing else does.
    const multi = free.filter((r) => r.s.words >= MIN_LABEL_WORDS && endsOnNoun(mostCommonForm(r.s.forms)));
    const shared = multi.find((r) => r.s.docs >= 2 || members.length < 3);
    const top = free.find((r) => r.s.words === 1 && r.s.docs >= 2);
    // No phrase shared by two papers: the best phrase that holds the cluster's strongest word.
    const pick = shared ?? (top && phrasesWith(top.key, members, phrases)[0]) ?? multi[0] ?? free[0];
    const label = pick ? mostCommonForm(pick.s.forms) : fallback(members);
    const key = pick?.key ?? label;
    used.add(key);
    return label;
  });
}
