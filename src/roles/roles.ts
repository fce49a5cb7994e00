/**
 * The role of each sentence of an abstract (background, objective, method, result, other), from
 * the shipped CRF: the best role sequence (Viterbi) and each sentence's probability of every role
 * (forward-backward), which callers use as soft evidence rather than as a hard filter.
 */
import { loadWeightsFile } from "../learned/weights-file.js";
import { marginals, viterbi } from "./chain.js";
import { abstractFeatures } from "./features.js";
import { ROLE_WEIGHTS, ROLES, type Role, type RoleModel, roleModelOf } from "./model.js";
import weightsJson from "./roles-weights.json" with { type: "json" };

export interface SentenceRole {
  role: Role;
  /** Probability of each role, in ROLES order. */
  p: Float64Array;
}

let shipped: RoleModel | undefined;
/** The shipped model, validated once on first use. */
export function shippedRoleModel(): RoleModel {
  shipped ??= roleModelOf(loadWeightsFile(weightsJson, ROLE_WEIGHTS));
  return shipped;
}

/** Roles of an abstract's sentences, in order; linear in the number of sentences. */
export function sentenceRoles(
  sentences: readonly string[],
  model: RoleModel = shippedRoleModel(),
): SentenceRole[] {
  if (sentences.length === 0) return [];
  const emit = abstractFeatures(sentences).map((names) => {
    const e = new Float64Array(ROLES.length);
    for (const name of names) {
      const w = model.emission.get(name);
      if (w) for (let c = 0; c < e.length; c++) e[c] = (e[c] as number) + (w[c] as number);
    }
    return e;
  });
  const path = viterbi(emit, model.transition);
  const { node } = marginals(emit, model.transition);
  return path.map((c, i) => ({ role: ROLES[c] as Role, p: node[i] as Float64Array }));
}

/** Probability that a sentence has `role`. */
export function roleProbability(r: SentenceRole, role: Role): number {
  return r.p[ROLES.indexOf(role)] as number;
}
