/**
 * The layers hold: dependency-cruiser checks the rules of .dependency-cruiser.cjs (src/ never
 * imports adapters/ or app/, the bot never imports the CLI, adapters never open the database, no
 * import cycles…) over the product's code, and each rule is shown to bite on a planted violation.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";

const rules = createRequire(import.meta.url)("../../.dependency-cruiser.cjs");

async function check(paths: string[], baseDir = process.cwd()): Promise<ICruiseResult> {
  const result = await cruise(
    paths,
    { ...rules.options, baseDir, ruleSet: { forbidden: rules.forbidden }, validate: true },
    undefined,
    { tsConfig: extractTSConfig(join(baseDir, "tsconfig.json")) },
  );
  return result.output as ICruiseResult;
}

/** A small tree with one planted violation of each rule. */
function plantedTree(): string {
  const dir = tempDir("paperboy-layers-");
  const files: Record<string, string> = {
    "tsconfig.json": JSON.stringify({
      compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" },
    }),
    "src/bot/bot.ts": 'import { main } from "../cli/main.js";\nexport const a = main;\n',
    "src/cli/main.ts": "export const main = 1;\n",
    "src/engine.ts": 'import { render } from "../adapters/chat/render.js";\nexport const b = render;\n',
    "adapters/chat/render.ts": 'import Database from "better-sqlite3";\nexport const render = Database;\n',
    "src/a.ts": 'import { b } from "./b.js";\nexport const a = b;\n',
    "src/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
  return dir;
}

describe("layers", () => {
  it("the product's code breaks none of the rules", async () => {
    const result = await check(["src", "adapters", "config", "app"]);
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
    // The check saw the whole tree, not an empty one.
    expect(result.summary.totalCruised).toBeGreaterThan(150);
  });

  it("each rule fails on a planted violation", async () => {
    const result = await check(["src", "adapters"], plantedTree());
    const broken = new Set(result.summary.violations.map((v) => v.rule.name));
    expect([...broken].sort()).toEqual([
      "adapters-never-open-the-database",
      "bot-knows-no-cli",
      "core-knows-no-adapter",
      "no-cycles",
    ]);
  });
});
