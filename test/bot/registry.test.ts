/**
 * The chat command registry is the one place a command is described: every file under
 * src/bot/commands/ that defines a command is listed, names and aliases never clash, and the
 * README's command table lists exactly its commands (Discord's /papers: test/discord/register.test.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHAT_COMMANDS } from "../../src/bot/commands/index.js";
import { parseCommand } from "../../src/bot/parse.js";

/** The first word of every command written in backticks in the README's chat command table. */
function readmeCommands(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("## Chat commands");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const rows = section.split("\n").filter((l) => l.startsWith("| `"));
  return rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`(\w+)/g)].map((m) => m[1] as string));
}

describe("the chat command registry", () => {
  it("lists every command file of src/bot/commands/", async () => {
    const listed = new Set(CHAT_COMMANDS);
    for (const file of readdirSync("src/bot/commands")) {
      const module = (await import(`../../src/bot/commands/${file.replace(/\.ts$/, ".js")}`)) as object;
      for (const value of Object.values(module)) {
        const isCommand = typeof value === "object" && value !== null && "run" in value && "usage" in value;
        if (isCommand)
          expect(listed.has(value as never), `${file} defines a command not in index.ts`).toBe(true);
      }
    }
  });

  it("gives every word one meaning, and every usage starts with its name", () => {
    const words = CHAT_COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(new Set(words).size).toBe(words.length);
    for (const c of CHAT_COMMANDS) {
      expect(c.usage.split(" ")[0]).toBe(c.name);
      for (const alias of c.aliases ?? []) {
        const parsed = parseCommand(`${alias} 2601.23265`);
        if (parsed.ok) expect(parsed.command.name).toBe(c.name);
        else expect(parsed.usage).toBe(c.usage);
      }
    }
  });

  it("is what the README's chat command table lists", () => {
    expect([...new Set(readmeCommands())].sort()).toEqual(CHAT_COMMANDS.map((c) => c.name).sort());
  });
});
