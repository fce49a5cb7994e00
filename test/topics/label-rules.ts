/**
 * The label rules of issue 17, checked independently of the labeler: a label is a noun phrase of 1
 * to 4 words a researcher would write, its words (or its research area's key phrases) occur in at
 * least half of its topic's papers, "&" joins two sides only when each covers a third of them, and
 * it is never generic, a link word, a verb fragment or a duplicate.
 */
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { comparedTerms as terms } from "../../src/text/analysis.js";
import { RESEARCH_AREAS } from "../../src/topics/research-areas.js";
import type { Topic, TopicInput } from "../../src/topics/topics.js";

const GENERIC_LABELS = new Set(
  `models, model, methods, method, approach, approaches, framework, frameworks, results, performance, data,
  dataset, datasets, benchmark, benchmarks, large language models, language models, llms, llm, ai,
  deep learning, machine learning, neural networks, neural network, deep neural networks, training,
  inference, learning, tasks, systems, system, papers, research, analysis, other papers, state of the art`
    .split(",")
    .map((s) => s.trim()),
);
const LINK_WORDS =
  /\b(?:github|gitlab|https?|www|project page|homepage|website|url|available at|code release)\b/i;
// Words that make a label read as a sentence, not a name: "Models enhance embedding", "is all you need".
const VERB_WORDS =
  /\b(?:is|are|was|were|be|been|can|could|will|would|should|does|do|did|has|have|had|shows|achieves|enables|improves|outperforms|uses|proposes|introduces|enhances|beats|boosts|reduces|makes|yields)\b/i;

const nlp = winkNLP(model, ["pos"]);

/**
 * Whether a label reads as a clause: tagged in "We study <label> .", a verb inside it that is not a
 * task's gerund or participle ("Robot learning", "AI-generated"), or a first word that is a verb
 * in the third person ("Characterizes attention").
 */
function readsAsClause(label: string): boolean {
  const first = label.split(" ")[0] as string;
  const lowered = /^\p{Lu}\p{Ll}+$/u.test(first) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  const tokens = nlp.readDoc(`We study ${lowered} .`).tokens();
  const values: string[] = tokens.out(nlp.its.value).slice(2, -1);
  const tags: string[] = tokens.out(nlp.its.pos).slice(2, -1);
  return values.some((v, i) => {
    const verb = tags[i] === "VERB" || tags[i] === "AUX";
    if (!verb) return false;
    if (i === 0) return /[^s]s$/.test(v) && values.length > 1;
    return !/(?:ing|ed)$/.test(v);
  });
}

interface Phrases {
  label: string;
  /** Stem sequences: a paper bears the label out when its text holds one of them. */
  phrases: string[][];
}

function list(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** Every curated label (areas and families) with the key phrases that bear it out. */
const CURATED: Map<string, Phrases> = (() => {
  const out = new Map<string, Phrases>();
  for (const family of RESEARCH_AREAS) {
    const familyPhrases: string[][] = [];
    for (const area of family.areas) {
      // A hyphened phrase also as spaced ("needle-in-a-haystack", "needle in a haystack"), as
      // papers write it either way and the shared analysis joins a letter compound's hyphen.
      const phrases = list(area.phrases).flatMap((p) => [
        terms(p),
        terms(p.replace(/[-\u2010\u2011]/g, " ")),
      ]);
      familyPhrases.push(...phrases);
      out.set(area.label.toLowerCase(), { label: area.label, phrases });
    }
    if (!out.has(family.label.toLowerCase()))
      out.set(family.label.toLowerCase(), { label: family.label, phrases: familyPhrases });
  }
  return out;
})();

function contains(stream: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= stream.length; i++) {
    for (let k = 0; k < seq.length; k++) if (stream[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}

/** The phrases of one side of a label: a curated label's key phrases, else its own words. */
function sidePhrases(side: string, otherSide: string | null): string[][] {
  const direct = CURATED.get(side.toLowerCase());
  if (direct) return direct.phrases;
  // "Image & video generation": the left side is "Image generation".
  const head = otherSide?.split(" ").at(-1);
  const completed = head ? CURATED.get(`${side} ${head}`.toLowerCase()) : undefined;
  if (completed) return completed.phrases;
  return [terms(side)];
}

/** Share of the papers whose text bears out one side of the label. */
function share(papers: readonly TopicInput[], phrases: readonly string[][]): number {
  const hits = papers.filter((p) => {
    const fields = [terms(p.title), terms(p.summary ?? ""), terms(p.abstract)];
    return phrases.some((ph) => ph.length > 0 && fields.some((f) => contains(f, ph)));
  });
  return papers.length ? hits.length / papers.length : 0;
}

/** Every rule a label breaks (empty when it passes). */
export function labelProblems(label: string, papers: readonly TopicInput[]): string[] {
  const problems: string[] = [];
  const words = label.split(/\s+/).filter((w) => w !== "&");
  if (words.length < 1 || words.length > 4) problems.push(`${words.length} words`);
  if (!/^[\p{Lu}\p{N}]/u.test(label)) problems.push("not capitalized");
  if (GENERIC_LABELS.has(label.toLowerCase())) problems.push("generic");
  if (LINK_WORDS.test(label)) problems.push("a link word");
  if (VERB_WORDS.test(label) || readsAsClause(label)) problems.push("reads as a sentence");
  const sides = label.split(" & ");
  if (sides.length > 2) problems.push("more than one &");
  if (sides.length === 2) {
    const [a, b] = sides as [string, string];
    const sa = share(papers, sidePhrases(a, b));
    const sb = share(papers, sidePhrases(b, null));
    if (sa < 1 / 3 || sb < 1 / 3)
      problems.push(`a side of & covers under a third (${sa.toFixed(2)}, ${sb.toFixed(2)})`);
    const both = share(papers, [...sidePhrases(a, b), ...sidePhrases(b, null)]);
    if (both < 0.5) problems.push(`covers ${both.toFixed(2)} of the papers`);
  } else {
    const s = share(papers, sidePhrases(label, null));
    if (s < 0.5) problems.push(`covers ${s.toFixed(2)} of the papers`);
  }
  return problems;
}

/** The rules over a whole roundup: each label, and no label twice. */
export function roundupLabelProblems(topics: readonly Topic[], papers: readonly TopicInput[]): string[] {
  const byPk = new Map(papers.map((p) => [p.pk, p]));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of topics) {
    if (t.other) continue;
    const key = t.label.toLowerCase();
    if (seen.has(key)) out.push(`"${t.label}" twice`);
    seen.add(key);
    const members = t.pks.map((pk) => byPk.get(pk) as TopicInput);
    for (const p of labelProblems(t.label, members))
      out.push(`"${t.label}" (${members.length} papers): ${p}`);
  }
  return out;
}
