/**
 * One list names the platforms (app/platforms.ts): the config, doctor, the logger, serve and the
 * rest of the composition root loop over it, and the core knows none of them in code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DefaultRestOptions } from "discord.js";
import { describe, expect, it } from "vitest";
import { DEFAULT_API_URL } from "../../adapters/discord/options.js";
import { PLATFORMS } from "../../app/platforms.js";

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

  it("Discord's default API base is discord.js's, without loading discord.js to read the config", () => {
    expect(DEFAULT_API_URL).toBe(DefaultRestOptions.api);
  });
});
