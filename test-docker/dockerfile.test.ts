/**
 * No Docker engine runs here, so this replays the Dockerfile's steps: the build stage's COPY and RUN
 * (npm ci, native rebuild, build, prune) in a temporary folder, the runtime stage's COPY from it,
 * then the image's CMD (`serve`) with its ENV, probed through the HEALTHCHECK command.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execForm, parseDockerfile } from "./dockerfile.js";

const ROOT = new URL("..", import.meta.url).pathname;
const stages = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8"));

/** COPY [--from=stage] src... dest, with the image's WORKDIR (`/app`) mapped to `fromDir`/`toDir`. */
function copy(args: string, fromDir: string, toDir: string, workdir = "/app"): void {
  const parts = args.split(/\s+/).filter((p) => !p.startsWith("--"));
  const dest = parts.pop() as string;
  const local = (path: string) => (path.startsWith(`${workdir}/`) ? path.slice(workdir.length + 1) : path);
  for (const src of parts) {
    const name = local(dest);
    const target =
      name.endsWith("/") || parts.length > 1
        ? join(toDir, name, src.split("/").pop() as string)
        : join(toDir, name);
    cpSync(join(fromDir, local(src)), target, { recursive: true });
  }
}

describe("Dockerfile", () => {
  it("is multi-stage on Node 20 slim, runs as non-root with a /data volume, a HEALTHCHECK on /healthz and serve", () => {
    expect(stages).toHaveLength(2);
    for (const s of stages) expect(s.from).toMatch(/^node:20(-[a-z]+)?-slim$/);
    const runtime = stages[1]!;
    const ops = (op: string) => runtime.instructions.filter((i) => i.op === op).map((i) => i.args);
    expect(ops("USER")).toEqual(["node"]);
    expect(ops("VOLUME").join(" ")).toContain("/data");
    expect(ops("HEALTHCHECK").join(" ")).toContain("/healthz");
    expect(execForm(ops("CMD")[0] as string)).toEqual(["node", "bin/paperboy.js", "serve"]);
    expect(ops("COPY").filter((a) => a.includes("--from=build")).length).toBeGreaterThan(0);
  });

  it("its steps build the app, and the runtime copy starts serve and passes its health check", async () => {
    const work = mkdtempSync(join(tmpdir(), "paperboy-docker-"));
    const build = join(work, "build");
    const app = join(work, "app");
    mkdirSync(build);
    mkdirSync(app);
    const [buildStage, runtime] = stages as [(typeof stages)[0], (typeof stages)[0]];
    for (const step of buildStage.instructions) {
      if (step.op === "COPY") copy(step.args, ROOT, build);
      // System packages (compilers) are the image's business; this machine has them.
      if (step.op === "RUN" && !step.args.startsWith("apt-get")) {
        execFileSync("sh", ["-c", step.args], {
          cwd: build,
          stdio: "inherit",
          env: { ...process.env, CI: "true" },
        });
      }
    }
    const env: Record<string, string> = {};
    let cmd: string[] = [];
    let health: string[] = [];
    for (const step of runtime.instructions) {
      if (step.op === "COPY") {
        const from = step.args.includes("--from=build") ? build : ROOT;
        copy(step.args, from, app);
      } else if (step.op === "ENV") {
        for (const m of step.args.matchAll(/(\w+)=(\S+)/g)) env[m[1] as string] = m[2] as string;
      } else if (step.op === "CMD") cmd = execForm(step.args);
      else if (step.op === "HEALTHCHECK") health = execForm(step.args.replace(/^.*?CMD\s+/, ""));
    }
    // Production install only: no dev dependency may be needed at run time.
    const installed = JSON.parse(
      execFileSync("npm", ["ls", "--json", "--omit=dev", "--depth=0"], { cwd: app }).toString(),
    );
    expect(Object.keys(installed.dependencies)).not.toContain("vitest");
    // The image's /data volume and its config: the console adapter, so serve has something to run.
    const data = join(work, "data");
    mkdirSync(data);
    writeFileSync(
      join(app, "config", "paperboy.json"),
      JSON.stringify({ console: { enabled: true }, schedule: { enabled: false } }),
    );
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const opsPort = String(Number(port) + 1);
    const childEnv = {
      ...process.env,
      ...env,
      PAPERBOY_DB: join(data, "paperboy.db"),
      PORT: port,
      OPS_PORT: opsPort,
      NODE_ENV: "production",
    };
    const child = spawn(cmd[0] as string, cmd.slice(1), {
      cwd: app,
      env: childEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end();
    let err = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (c: Buffer) => {
        err += c.toString();
        if (/"msg":"serving"/.test(err)) resolve();
      });
      child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    const probe = execFileSync(health[0] as string, health.slice(1), {
      cwd: app,
      env: childEnv,
      stdio: "pipe",
    });
    expect(probe.toString()).toBe("");
    // The detailed report is on the ops port (loopback); with only the console there is no public port.
    const res = await fetch(`http://127.0.0.1:${opsPort}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { database: { ok: boolean } }).database.ok).toBe(true);
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    expect(code).toBe(0);
  });
});
