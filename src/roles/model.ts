/**
 * The sentence-role model as a weights file holds it: one row of weights per role over named
 * features (src/roles/features.ts), the last five of which ("prev=<role>") score the role of
 * the sentence before. Fitted by scripts/fit-roles.ts on CSAbstruct, shipped as
 * roles-weights.json in the convention every learned model follows (src/learned/weights-file.ts).
 */
import { ErrorCode, PaperboyError } from "../errors.js";
import type { WeightsFile } from "../learned/weights-file.js";
import { FEATURE_TEMPLATES } from "./features.js";

/** What a sentence does in an abstract: CSAbstruct's five labels, in the file's row order. */
export const ROLES = ["background", "objective", "method", "result", "other"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_WEIGHTS = {
  file: "src/roles/roles-weights.json",
  model: "sentence-roles",
  version: 1,
  script: "scripts/fit-roles.ts",
} as const;

export interface RoleModel {
  /** Emission weights by feature name: one weight per role, in ROLES order. */
  emission: Map<string, Float64Array>;
  /** transition[a][b]: score of role b right after role a. */
  transition: Float64Array[];
}

function invalid(message: string): PaperboyError {
  return new PaperboyError(
    ErrorCode.WeightsInvalid,
    `${ROLE_WEIGHTS.file} ${message}; refit it with \`npx tsx ${ROLE_WEIGHTS.script} --write\``,
    { file: ROLE_WEIGHTS.file },
  );
}

/** The model a (validated) weights file holds; a file of other roles or features is refused. */
export function roleModelOf(file: WeightsFile): RoleModel {
  const rows = file.weights;
  if (Array.isArray(rows)) throw invalid("has one weight row; the role model needs one per role");
  const missing = ROLES.filter((r) => !rows[r]);
  if (missing.length) throw invalid(`has no weights for ${missing.join(", ")}`);
  const unknown = file.features.find((f) => !FEATURE_TEMPLATES.test(f));
  if (unknown) throw invalid(`names a feature the code does not compute (${unknown})`);
  const emission = new Map<string, Float64Array>();
  const transition = ROLES.map(() => new Float64Array(ROLES.length));
  file.features.forEach((name, j) => {
    const column = Float64Array.from(ROLES, (r) => (rows[r] as number[])[j] as number);
    const prev = name.startsWith("prev=") ? ROLES.indexOf(name.slice(5) as Role) : -2;
    if (prev === -1) throw invalid(`names an unknown role in ${name}`);
    if (prev >= 0) transition[prev] = column;
    else emission.set(name, column);
  });
  return { emission, transition };
}
