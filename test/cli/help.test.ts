/** `--help` of a command says what its arguments hold; eval's describes its data, by example. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

describe("eval --help", () => {
  it("describes the data format with an example that eval itself accepts", async () => {
    const help = await runCli(["eval", "--help"]);
    expect(help.code).toBe(0);
    for (const key of ["paper_id", "source", "target", "--corpus", "MRR@10", "ROUGE"])
      expect(help.stdout).toContain(key);
    // The example, joined from its two lines, is one valid line of eval data.
    const example = /\{"paper_id"[\s\S]*?\]\}/.exec(help.stdout)?.[0].replace(/\n\s*/g, " ") as string;
    const line = JSON.parse(example);
    expect(Object.keys(line)).toEqual(["paper_id", "source", "target"]);
    const data = join(tempDir(), "one.jsonl");
    writeFileSync(data, `${JSON.stringify(line)}\n`);
    const run = await runCli(["--json", "eval", "--data", data]);
    expect(run.code).toBe(0);
    expect(run.json().papers).toBe(1);
  });

  it("a malformed line points at the format, and the missing --data at --help", async () => {
    const data = join(tempDir(), "bad.jsonl");
    writeFileSync(data, `${JSON.stringify({ paper_id: "x", source: "not a list", target: ["t"] })}\n`);
    const bad = await runCli(["eval", "--data", data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.jsonl:1: source .*"source": \["sentence", …\].*paperboy eval --help/);
    const none = await runCli(["eval"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("`paperboy eval --help` describes the data");
  });
});
