import { describe, expect, it } from "vitest";
import { renderReply, styleFor, terminalSafe } from "../../adapters/console/render.js";
import type { Reply } from "../../src/bot/replies.js";
import { runCli, tempDb } from "../support/cli.js";
import { HOSTILE } from "../support/fixtures.js";

describe("paperboy chat (console adapter)", () => {
  it("piped: loads the bundled sample into an empty archive, says so, answers, exits 0", async () => {
    const db = tempDb();
    const r = await runCli(["--db", db, "chat"], { stdin: "search sparse attention\n" });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/was empty: loaded the bundled sample digest \(72 papers of 2025-08-12\)/);
    expect(r.stdout).toMatch(/^Search: "sparse attention" \(1–5 of \d+\)/);
    expect(r.stdout).toMatch(/\n1\. .*(Sparse|Attention)/i);
    expect(r.stdout).not.toContain("\u001B[");
    const again = await runCli(["--db", db, "chat"], { stdin: "today\n" });
    expect(again.stderr).not.toMatch(/loaded the bundled sample/);
    expect(again.stdout).toMatch(/Papers of 2025-08-12/);
  });

  it("writes one JSON audit line per command to stderr", async () => {
    const db = tempDb();
    const r = await runCli(["--db", db, "chat"], { stdin: "help\nshow nope\n" });
    const audits = r.stderr
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    expect(audits.map((a) => [a.command, a.outcome])).toEqual([
      ["help", "ok"],
      ["show", "error"],
    ]);
    expect(audits[0]).toMatchObject({
      audit: true,
      platform: "console",
      user: expect.any(String),
      ms: expect.any(Number),
    });
  });

  it("discuss opens a sub-prompt thread where lines are questions, until `back`", async () => {
    const db = tempDb();
    const list = await runCli(["--db", db, "chat"], {
      stdin: "search dilated convolution learnable spacings\n",
    });
    const id = /\n1\. .*?\s{2}(\S+) ·/.exec(list.stdout)?.[1];
    expect(id).toBeTruthy();
    const r = await runCli(["--db", db, "chat"], {
      stdin: `discuss ${id}\nwhat is proposed?\nback\nwhat is proposed?\n`,
    });
    expect(r.code).toBe(0);
    const blocks = r.stdout.split("\n\n");
    expect(r.stdout).toContain(`Discussion of "`);
    expect(r.stdout).toMatch(new RegExp(`On ".*" \\(${id}\\):`));
    expect(r.stdout).toContain(`Left the discussion of ${id}.`);
    // After `back`, the same line is no longer a question about the paper: it says where questions go.
    expect(blocks.at(-2)).toMatch(/^That looks like a question\..*`discuss <id>`/);
  });

  it("a list says how to see its next page, and `more` shows it", async () => {
    const db = tempDb();
    const r = await runCli(["--db", db, "chat"], { stdin: "search sparse attention\nmore\n" });
    expect(r.stdout).toContain("next page: `more` (or `search sparse attention offset:5`)");
    expect(r.stdout).toMatch(/Search: "sparse attention" \(6–10 of \d+\)/);
  });

  it("a discussion outlives a restart, like a Slack thread: the next session starts in it", async () => {
    const db = tempDb();
    await runCli(["--db", db, "chat"], { stdin: "help\n" });
    const list = await runCli(["--db", db, "chat"], {
      stdin: "search dilated convolution learnable spacings\n",
    });
    const id = /\n1\. .*?\s{2}(\S+) ·/.exec(list.stdout)?.[1] as string;
    expect(id).toBeTruthy();
    const first = await runCli(["--db", db, "chat"], { stdin: `discuss ${id}\n` });
    expect(first.stdout).toContain(`Discussion of "`);

    // A new process on the same archive: the question is about the paper, not an unknown command.
    const after = await runCli(["--db", db, "chat"], { stdin: "what is proposed?\n" });
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(new RegExp(`^\\(back in the discussion of ".*" \\(${id}\\)`));
    expect(after.stdout).toMatch(new RegExp(`On ".*" \\(${id}\\):`));
    expect(after.stdout).not.toMatch(/looks like a question|Unknown command/);

    // `back` is remembered too: the session after it starts in the channel.
    await runCli(["--db", db, "chat"], { stdin: "back\n" });
    const channel = await runCli(["--db", db, "chat"], { stdin: "what is proposed?\n" });
    expect(channel.stdout).not.toMatch(/back in the discussion/);
    expect(channel.stdout).toMatch(/^That looks like a question/);
  });

  it("hostile digest text never reaches the terminal as control sequences", async () => {
    const db = tempDb();
    await runCli(["--db", db, "ingest", `${HOSTILE}mentions-and-markup.txt`, "--date", "2026-03-03"]);
    const r = await runCli(["--db", db, "chat"], { stdin: "search everyone ping\ntoday\n" });
    expect(r.stdout).toContain("Attention Is <!channel> You Need");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    const evil: Reply = {
      kind: "notice",
      level: "info",
      text: "title\u001B[2J\u001B]0;pwned\u0007 \u009B31m red \u0007bell",
    };
    for (const tty of [false, true]) {
      const out = renderReply(evil, styleFor(tty));
      expect(out).not.toContain("\u001B]0;");
      expect(out).not.toContain("\u001B[2J");
      expect(out).not.toContain("\u009B");
      expect(out).toContain("title");
    }
    expect(terminalSafe("a\u001B[31mb\u001B[0mc")).toBe("abc");
  });
});
