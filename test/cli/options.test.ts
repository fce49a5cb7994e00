import { describe, expect, it } from "vitest";
import { runCli, tempDb } from "../support/cli.js";

describe("negative numbers as option values", () => {
  it("--limit -1 is refused for its value, not called an ambiguous option", async () => {
    const db = tempDb();
    for (const args of [
      ["search", "x", "--limit", "-1"],
      ["search", "x", "--offset", "-5"],
    ]) {
      const run = await runCli(["--db", db, ...args]);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/ambiguous/);
      expect(run.stderr).toMatch(
        /"-\d" is not a whole number of 0 or more; write e\.g\. --(limit|offset) 10/,
      );
    }
  });
});
