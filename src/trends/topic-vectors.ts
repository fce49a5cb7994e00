/**
 * What a paper is about, as trends compare topics across weeks: its research areas (the topics'
 * own catalogue, src/topics/areas.ts: each area's score, and half of it again for the area's
 * family, so "LLM agents" one week and "tool use" the next stay close) beside its terms in the
 * archive's TF-IDF space (the vectors related papers compare). Each part has unit length, so a
 * paper with no area is compared by its words alone.
 */
import type { Paperboy } from "../paperboy.js";
import { researchAreas } from "../topics/areas.js";
import { topicText } from "../topics/text.js";
import type { TermVector } from "./link-topics.js";

/** The family's share beside its areas, and the terms' beside the areas (chosen with MATCH_MIN). */
export const FAMILY_WEIGHT = 0.5;
export const TERMS_WEIGHT = 1;

/** A vector per paper (by primary key), computed once per call of the returned function's owner. */
export function topicVectors(engine: Paperboy): (pk: number) => TermVector | null {
  const catalog = researchAreas();
  const cache = new Map<number, Map<string, number>>();
  return (pk) => {
    const known = cache.get(pk);
    if (known) return known;
    const paper = engine.papersAt([pk])[0];
    if (!paper) return null;
    const match = catalog.match(topicText(paper.title, paper.abstract, paper.sourceSummary));
    const areas = new Map<string, number>();
    match.scores.forEach((score, i) => {
      const area = catalog.areas[i];
      if (score <= 0 || !area) return;
      areas.set(`area:${area.id}`, (areas.get(`area:${area.id}`) ?? 0) + score);
      const fam = `family:${area.family.id}`;
      areas.set(fam, (areas.get(fam) ?? 0) + FAMILY_WEIGHT * score);
    });
    let sq = 0;
    for (const x of areas.values()) sq += x * x;
    const out = new Map<string, number>();
    for (const [k, x] of areas) out.set(k, x / Math.sqrt(sq));
    for (const [term, x] of engine.relatedService.vector(pk) ?? []) out.set(`term:${term}`, TERMS_WEIGHT * x);
    cache.set(pk, out);
    return out;
  };
}
