/**
 * The layers hold: dependency-cruiser checks the rules of .dependency-cruiser.cjs (src/ never
 * imports adapters/ or app/, the bot never imports the CLI, adapters never open the database, no
 * import cycles…) over the product's code, and each rule is shown to bite on a planted violation.
 * And one list names the platforms (app/platforms.ts): the config, doctor, the logger, serve and
 * the rest of the composition root loop over it, and the core knows none of them in code.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../app/platforms.js";
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
    "adapters/chat/seen.ts":
      'import { SeenStore } from "../../src/archive/seen.js";\nexport const seen = SeenStore;\n',
    "src/archive/seen.ts": "export class SeenStore {}\n",
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
    // Cruising the whole tree takes 10–35 s of CPU on a loaded 2-core machine.
  }, 90_000);

  it("each rule fails on a planted violation", async () => {
    const result = await check(["src", "adapters"], plantedTree());
    const broken = new Set(result.summary.violations.map((v) => v.rule.name));
    expect([...broken].sort()).toEqual([
      "adapters-never-open-the-database",
      "adapters-use-no-archive-store",
      "bot-knows-no-cli",
      "core-knows-no-adapter",
      "no-cycles",
    ]);
  });
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

/** Code without its comments (a comment may give an example; code may not depend on one). */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1");
}

describe("platform names", () => {
  it("appear in no config, doctor, logger, serve or core code", () => {
    const generic = [
      ...tsFiles("config"),
      ...tsFiles("src"),
      "app/doctor.ts",
      "app/serve.ts",
      "app/adapters.ts",
      "app/main.ts",
    ];
    const names = PLATFORMS.map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const found = generic.flatMap((file) => {
      const text = code(file);
      // `console.log` is JavaScript's console, not the platform.
      return names
        .filter((n) => new RegExp(`\\b${n}\\b(?!\\.(log|warn|error|info))`, "i").test(text))
        .map((n) => `${file}: ${n}`);
    });
    expect(found).toEqual([]);
  });

  it("each module's name is unique, and its section is what the config file calls it", () => {
    const names = PLATFORMS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    const example = JSON.parse(readFileSync("config/paperboy.example.json", "utf8"));
    for (const name of names) expect(example).toHaveProperty(name);
  });
});
