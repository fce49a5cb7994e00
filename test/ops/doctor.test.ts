import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempDb, tempDir } from "../support/cli.js";

let blocker: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r()));
  blocker = null;
});

describe("paperboy doctor", () => {
  it("passes on a healthy archive and defaults", async () => {
    const db = tempDb();
    await runCli(["--db", db, "chat"], { stdin: "help\n" });
    const r = await runCli(["--db", db, "--json", "doctor"], { env: { PORT: "0" } });
    expect(r.json().checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("names each problem with its fix: broken config, missing tokens, busy port", async () => {
    const dir = tempDir();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ timezone: "Mars/Olympus" }));
    const r1 = await runCli(["--db", tempDb(), "--config", bad, "--json", "doctor"]);
    expect(r1.code).toBe(1);
    const config = r1.json().checks.find((c: { name: string }) => c.name === "config");
    expect(config).toMatchObject({ ok: false });
    expect(config.detail).toMatch(/timezone.*Mars\/Olympus/);

    blocker = createServer();
    const port = await new Promise<number>((res) =>
      blocker!.listen(0, "0.0.0.0", () => res((blocker!.address() as { port: number }).port)),
    );
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ slack: { enabled: true, mode: "http" } }));
    const r2 = await runCli(["--db", tempDb(), "--config", good, "--json", "doctor"], {
      env: { SLACK_BOT_TOKEN: "xoxb-1234567890-abcdefghij", PORT: String(port) },
    });
    expect(r2.code).toBe(1);
    const checks = r2.json().checks as { name: string; ok: boolean; detail: string; fix?: string }[];
    const slack = checks.find((c) => c.name === "config" || c.name.startsWith("slack")) as {
      ok: boolean;
      detail: string;
    };
    expect(slack).toMatchObject({ ok: false, detail: expect.stringMatching(/SLACK_SIGNING_SECRET/) });
    expect(checks.find((c) => c.name === `port ${port}`)).toMatchObject({ ok: false });
    expect(r2.stdout).not.toContain("xoxb-1234567890-abcdefghij");
  });
});
