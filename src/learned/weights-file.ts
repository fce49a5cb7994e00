/**
 * One convention for every learned model paperboy ships (the TL;DR scorer, the search re-ranker,
 * the sentence-role classifier): a JSON file that says which model it is, its feature version,
 * how, on what and when it was fitted, and its weights by feature name. Loaded once, validated
 * with zod; a file that does not match the code's features is refused rather than mis-scoring.
 *
 * Shape:
 *   { model, version, fitted: { at, script, data, method, figures }, features: [names],
 *     weights: [one per feature] | { class: [one per feature] }, settings: {…} }
 */
import { z } from "zod";
import { ErrorCode, PaperboyError } from "../errors.js";

export const WeightsFileSchema = z
  .object({
    /** Which model this is ("tldr", "search-rerank", "sentence-roles"). */
    model: z.string().min(1),
    /** The meaning of the features: bumped when a feature changes, so an old file is refused. */
    version: z.number().int().positive(),
    fitted: z.object({
      /** Day of the fit, YYYY-MM-DD. */
      at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      /** The script that wrote the file, and so can write it again. */
      script: z.string().min(1),
      /** What it was fitted on (files, sizes) and what was held out. */
      data: z.string().min(1),
      /** The loss, optimizer and regularization, for people. */
      method: z.string().min(1),
      /** Figures measured at fit time (train, cross-validation, dev), by name. */
      figures: z.record(z.string(), z.number()).default({}),
    }),
    features: z.array(z.string().min(1)).min(1),
    /** One weight per feature, or, for a model with several outputs, one row per output class. */
    weights: z.union([z.array(z.number()), z.record(z.string(), z.array(z.number()))]),
    /** Model-specific choices made by the fit (compression rules, length limits, class order…). */
    settings: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((file, ctx) => {
    const rows = Array.isArray(file.weights) ? { "": file.weights } : file.weights;
    for (const [name, row] of Object.entries(rows)) {
      if (row.length !== file.features.length) {
        ctx.addIssue({
          code: "custom",
          path: ["weights", ...(name ? [name] : [])],
          message: `has ${row.length} weights for ${file.features.length} features`,
        });
      }
    }
    if (new Set(file.features).size !== file.features.length) {
      ctx.addIssue({ code: "custom", path: ["features"], message: "names a feature twice" });
    }
  });

export type WeightsFile = z.infer<typeof WeightsFileSchema>;
/** What a fit script writes (settings and figures may be left out). */
export type WeightsFileInput = z.input<typeof WeightsFileSchema>;

export interface Expected {
  /** Path for messages (relative to the project). */
  file: string;
  model: string;
  version: number;
  /** The script that refits it, named in the fix. */
  script: string;
}

/** Validates a shipped weights file; any mismatch is an error naming the file and the refit. */
export function loadWeightsFile(json: unknown, expected: Expected): WeightsFile {
  const parsed = WeightsFileSchema.safeParse(json);
  const fix = `refit it with \`npx tsx ${expected.script} --write\``;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PaperboyError(
      ErrorCode.WeightsInvalid,
      `${expected.file} is invalid (${issue?.path.join(".") || "file"}: ${issue?.message}); ${fix}`,
      { file: expected.file },
    );
  }
  const file = parsed.data;
  if (file.model !== expected.model || file.version !== expected.version) {
    throw new PaperboyError(
      ErrorCode.WeightsInvalid,
      `${expected.file} holds ${file.model} v${file.version}, the code expects ${expected.model} v${expected.version}; ${fix}`,
      { file: expected.file },
    );
  }
  return file;
}

/** Weights by feature name (single-output models): what a sparse, named feature row is scored with. */
export function weightsByName(file: WeightsFile): Map<string, number> {
  if (!Array.isArray(file.weights)) throw new Error(`${file.model} has one weight row per class`);
  const row = file.weights;
  return new Map(file.features.map((name, i) => [name, row[i] as number]));
}

/**
 * A dense feature row in the file's order, filled by name: a feature the code computes but the file
 * lacks would be silently ignored, so a name missing on either side is an error at load.
 */
export function checkFeatureNames(
  file: WeightsFile,
  codeFeatures: readonly string[],
  expected: Expected,
): void {
  const missing = codeFeatures.filter((f) => !file.features.includes(f));
  const extra = file.features.filter((f) => !codeFeatures.includes(f));
  if (missing.length || extra.length) {
    throw new PaperboyError(
      ErrorCode.WeightsInvalid,
      `${expected.file} does not match the code's features (missing: ${missing.join(", ") || "none"}; unknown: ${extra.join(", ") || "none"}); refit it with \`npx tsx ${expected.script} --write\``,
      { file: expected.file },
    );
  }
}

/**
 * The file as written by every fit script: two-space JSON, one feature and one weight a line,
 * numbers as fitted (rounding flipped near-ties in the re-ranker). Weights files are generated, so
 * biome.json leaves them out of formatting.
 */
export function formatWeightsFile(file: WeightsFileInput): string {
  return `${JSON.stringify(WeightsFileSchema.parse(file), null, 2)}\n`;
}
