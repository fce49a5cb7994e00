/**
 * The deployment examples, checked without a Docker engine: docker-compose.example.yml (PostgreSQL,
 * two replicas, Caddy in front) and docker-compose.single.example.yml parse, name what the config
 * reads, and agree with the Dockerfile and deploy/Caddyfile on ports, health checks and services.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_ENV } from "../../adapters/slack/options.js";
import { PLATFORMS } from "../../app/platforms.js";
import { loadConfig } from "../../config/load.js";
import { SECRET_KEY_ENV } from "../../src/archive/secret-box.js";
import { parseDockerfile } from "../../test-docker/dockerfile.js";

const ROOT = new URL("../../", import.meta.url).pathname;

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  expose?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

function compose(file: string): { services: Record<string, Service>; volumes?: Record<string, unknown> } {
  // Compose reads YAML merge keys (`<<: *paperboy`); so does this parse.
  return parse(readFileSync(join(ROOT, file), "utf8"), { merge: true });
}

/** Every environment variable paperboy reads (config/load.ts, src/cli/main.ts, the platforms). */
const KNOWN_ENV = new Set([
  "PAPERBOY_CONFIG",
  "PAPERBOY_DB",
  "DATABASE_URL",
  "PAPERBOY_INDEX_DIR",
  "PAPERBOY_LOG_LEVEL",
  SECRET_KEY_ENV,
  "PORT",
  "OPS_PORT",
  "HOST",
  "OPS_HOST",
  "HF_API_URL",
  ...Object.values(SLACK_ENV),
  "DISCORD_TOKEN",
  "DISCORD_APPLICATION_ID",
  "DISCORD_API_URL",
  "DISCORD_PUBLIC_KEY",
  "DISCORD_TRANSPORT",
  ...PLATFORMS.flatMap((p) => Object.values(p.secretEnv)),
]);
const SECRET_ENV = PLATFORMS.flatMap((p) => Object.values(p.secretEnv) as string[]);

const runtime = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8")).at(-1);
const imageEnv = Object.fromEntries(
  (runtime?.instructions ?? [])
    .filter((i) => i.op === "ENV")
    .flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])),
) as Record<string, string>;

/** `${NAME:-}` / `${NAME:?message}` filled the way compose would from an .env. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::[-?][^}]*)?\}/g, (_, name: string) => env[name] ?? "");
}

describe("docker-compose.example.yml: PostgreSQL, two replicas, a load balancer", () => {
  const { services, volumes } = compose("docker-compose.example.yml");
  const replicas = Object.entries(services).filter(([, s]) => s.build === ".");

  it("has PostgreSQL with a health check, two paperboy replicas built from the Dockerfile, and Caddy", () => {
    expect(services.postgres?.image).toMatch(/^postgres:\d+/);
    expect(services.postgres?.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(services.postgres?.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(replicas.map(([name]) => name)).toEqual(["paperboy-1", "paperboy-2"]);
    for (const [, s] of replicas) {
      expect(s.image).toBe("paperboy:latest");
      expect(s.depends_on?.postgres?.condition).toBe("service_healthy");
    }
    expect(services.caddy?.image).toMatch(/^caddy:/);
    for (const [name] of replicas)
      expect(services.caddy?.depends_on?.[name]?.condition).toBe("service_healthy");
    // Every named volume a service mounts is declared.
    const named = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(":")[0] as string)
      .filter((v) => !v.startsWith("."));
    for (const v of named) expect(Object.keys(volumes ?? {})).toContain(v);
  });

  it("gives each replica the same DATABASE_URL on the postgres service, only variables paperboy reads, and secrets from the environment", () => {
    const pg = services.postgres?.environment ?? {};
    for (const [name, s] of replicas) {
      const env = s.environment ?? {};
      for (const key of Object.keys(env)) expect(KNOWN_ENV, `${name}: ${key}`).toContain(key);
      // Every platform's secrets are passed through, from the environment, never written here.
      for (const key of SECRET_ENV) {
        expect(Object.keys(env), `${name} passes ${key}`).toContain(key);
        expect(env[key], `${name}: ${key}`).toMatch(/^(\$\{\w+:[-?][^}]*\})?$/);
      }
      expect(env.PAPERBOY_SECRET_KEY).toMatch(/^\$\{PAPERBOY_SECRET_KEY/);
      const url = new URL(interpolate(env.DATABASE_URL ?? "", { POSTGRES_PASSWORD: "pw" }));
      expect(url.protocol).toBe("postgres:");
      expect(url.hostname).toBe("postgres");
      expect(url.port).toBe("5432");
      expect(url.username).toBe(pg.POSTGRES_USER);
      expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
      // The password is the server's own variable, not a second copy of it.
      expect(env.DATABASE_URL).toContain("${POSTGRES_PASSWORD");
      // The config file it names is mounted there.
      expect(s.volumes).toContain(`./config/paperboy.json:${env.PAPERBOY_CONFIG}:ro`);
    }
    expect(replicas[0]?.[1].environment?.DATABASE_URL).toBe(replicas[1]?.[1].environment?.DATABASE_URL);
  });

  it("the replica environment loads with the example config: Slack over HTTP, the archive on PostgreSQL", () => {
    const env = Object.fromEntries(
      Object.entries(replicas[0]?.[1].environment ?? {}).map(([k, v]) => [
        k,
        interpolate(v, {
          POSTGRES_PASSWORD: "pw",
          SLACK_BOT_TOKEN: "xoxb-1-2-abcdefghijklmnop",
          SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
        }),
      ]),
    );
    const config = loadConfig({
      file: join(ROOT, "config/paperboy.example.json"),
      env,
      platforms: PLATFORMS,
    });
    expect(config.platforms.slack).toMatchObject({ enabled: true });
    expect(JSON.stringify(config.platforms.slack)).toContain('"http"');
    expect(config.http.port).toBe(Number(imageEnv.PORT));
  });

  it("agrees with the Dockerfile: the image serves on the port Caddy targets; health checks read /healthz on the ops port; DATABASE_URL is not overridden", () => {
    expect(runtime?.instructions.find((i) => i.op === "CMD")?.args).toContain("serve");
    // PAPERBOY_DB would win over DATABASE_URL (--db, then PAPERBOY_DB, then DATABASE_URL).
    expect(Object.keys(imageEnv)).not.toContain("PAPERBOY_DB");
    for (const [, s] of replicas) {
      expect(s.expose).toEqual([imageEnv.PORT]);
      expect(s.healthcheck?.test.join(" ")).toContain(`http://127.0.0.1:${imageEnv.OPS_PORT}/healthz`);
      expect(s.environment?.PORT ?? imageEnv.PORT).toBe(imageEnv.PORT);
    }
  });

  it("deploy/Caddyfile balances over exactly the replicas, on their port, with /healthz checks", () => {
    const mount = services.caddy?.volumes?.find((v) => v.endsWith(":/etc/caddy/Caddyfile:ro")) ?? "";
    const file = join(ROOT, mount.split(":")[0] as string);
    expect(existsSync(file)).toBe(true);
    const caddyfile = readFileSync(file, "utf8");
    const upstreams = /^\s*reverse_proxy\s+(.+?)\s*\{/m.exec(caddyfile)?.[1]?.split(/\s+/) ?? [];
    expect(upstreams).toEqual(replicas.map(([name]) => `${name}:${imageEnv.PORT}`));
    expect(caddyfile).toMatch(/^\s*lb_policy round_robin$/m);
    expect(caddyfile).toMatch(/^\s*health_uri \/healthz$/m);
    // The site address comes from the environment compose gives Caddy.
    expect(caddyfile).toMatch(/^\{\$PAPERBOY_DOMAIN(:[^}]*)?\} \{$/m);
    expect(Object.keys(services.caddy?.environment ?? {})).toContain("PAPERBOY_DOMAIN");
    expect(services.caddy?.ports).toEqual(expect.arrayContaining(["80:80", "443:443"]));
  });
});

describe("docker-compose.single.example.yml: one paperboy on SQLite", () => {
  it("publishes the image's port and keeps the archive in the /data volume", () => {
    const { services } = compose("docker-compose.single.example.yml");
    const s = services.paperboy as Service;
    expect(s.build).toBe(".");
    expect(s.ports).toContain(`${imageEnv.PORT}:${imageEnv.PORT}`);
    expect(s.volumes?.some((v) => v.endsWith(":/data"))).toBe(true);
    for (const key of Object.keys(s.environment ?? {})) expect(KNOWN_ENV).toContain(key);
    for (const key of SECRET_ENV) expect(Object.keys(s.environment ?? {})).toContain(key);
  });
});
