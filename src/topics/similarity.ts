/**
 * How alike two papers are, for grouping: half by research area (papers of one area are alike,
 * papers of sibling areas somewhat: "Quantization" and "Pruning & sparsity" share the family "Model
 * efficiency"), half by text (`vectors.ts`). A paper no area speaks for is compared by its text
 * alone, as its silence on areas says nothing against its neighbours.
 */
import type { AreaCatalog, AreaMatch } from "./areas.js";
import { cosineMatrix, type SparseVector } from "./vectors.js";

/** Weight of the area side; the text side gets the rest. */
export const AREA_WEIGHT = 0.5;
/** A pooled family counts as this share of its strongest area, so sibling areas meet. */
const FAMILY_SHARE = 0.8;

function areaVector(m: AreaMatch, catalog: AreaCatalog): SparseVector {
  const entries: [number, number][] = [];
  const familyBest = new Map<number, number>();
  m.scores.forEach((s, a) => {
    if (s <= 0) return;
    entries.push([a, s]);
    const family = (catalog.areas[a] as (typeof catalog.areas)[number]).family;
    if (family.pool) familyBest.set(family.index, Math.max(familyBest.get(family.index) ?? 0, s));
  });
  const offset = catalog.areas.length;
  for (const [f, s] of familyBest) entries.push([offset + f, FAMILY_SHARE * s]);
  entries.sort((x, y) => x[0] - y[0]);
  const norm = Math.hypot(...entries.map((e) => e[1])) || 1;
  return {
    ids: Int32Array.from(entries, (e) => e[0]),
    values: Float64Array.from(entries, (e) => e[1] / norm),
  };
}

export interface Similarities {
  /** Area and text together: what grouping uses. */
  combined: Float64Array[];
  /** Text alone. */
  text: Float64Array[];
}

export function paperSimilarities(
  matches: readonly AreaMatch[],
  catalog: AreaCatalog,
  textRows: readonly SparseVector[],
): Similarities {
  const areaRows = matches.map((m) => areaVector(m, catalog));
  const area = cosineMatrix(areaRows);
  const text = cosineMatrix(textRows);
  const n = matches.length;
  const combined = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const t = (text[i] as Float64Array)[j] as number;
      const silent =
        (areaRows[i] as SparseVector).ids.length === 0 || (areaRows[j] as SparseVector).ids.length === 0;
      (combined[i] as Float64Array)[j] = silent
        ? t
        : AREA_WEIGHT * ((area[i] as Float64Array)[j] as number) + (1 - AREA_WEIGHT) * t;
    }
  }
  return { combined, text };
}
