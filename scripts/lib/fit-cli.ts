/**
 * The command line every fit script shares:
 *   npx tsx scripts/fit-<model>.ts [--train FILE] [--dev FILE] [--write] [--out FILE]
 * `--train` is fitted on, `--dev` only chooses or scores (never fitted), `--write` writes the
 * shipped weights file (else the figures are only printed), `--out` writes elsewhere.
 * Extra options of one script are passed in `extra` as node:util parseArgs options.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { formatWeightsFile, type WeightsFileInput } from "../../src/learned/weights-file.js";

export interface FitArgs {
  train: string;
  dev: string;
  write: boolean;
  out: string | null;
  extra: Record<string, string | boolean | undefined>;
}

export function parseFitArgs(
  defaults: { train: string; dev: string },
  extra: NonNullable<ParseArgsConfig["options"]> = {},
): FitArgs {
  const { values } = parseArgs({
    options: {
      train: { type: "string", default: defaults.train },
      dev: { type: "string", default: defaults.dev },
      write: { type: "boolean", default: false },
      out: { type: "string" },
      ...extra,
    },
  });
  const { train, dev, write, out, ...rest } = values as Record<string, string | boolean | undefined>;
  return {
    train: String(train),
    dev: String(dev),
    write: Boolean(write),
    out: typeof out === "string" ? out : null,
    extra: rest,
  };
}

/** Writes the weights file when asked (`--write` to the shipped path, `--out` elsewhere). */
export function writeWeights(args: FitArgs, shippedPath: string, file: WeightsFileInput): void {
  const target =
    args.out ?? (args.write ? fileURLToPath(new URL(`../../${shippedPath}`, import.meta.url)) : null);
  if (!target) {
    process.stderr.write(`not written (pass --write to update ${shippedPath})\n`);
    return;
  }
  writeFileSync(target, formatWeightsFile(file));
  process.stderr.write(`wrote ${target}: ${file.features.length} features\n`);
}

/** Today's date for `fitted.at` (the fit's own day, not an injected clock: this is a build step). */
export function fitDay(): string {
  return new Date().toISOString().slice(0, 10);
}
