/**
 * Loading the config: the JSON file (optional), then secrets and test endpoints from the
 * environment. Everything is checked at start, and every problem is reported at once (fixing one
 * to meet the next is a slow loop): each names the key, shows the bad value (redacted when it is a
 * secret) and says how to fix it.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseSecretKey, SECRET_KEY_ENV } from "../src/archive/secret-box.js";
import { ConfigError, ErrorCode } from "../src/errors.js";
import { redactSecrets } from "../src/logger.js";
import { EXAMPLE_CONFIG } from "../src/paths.js";
import { nearest } from "../src/text/nearest.js";
import { envValue, type PlatformConfig } from "./platform.js";
import { type Config, type ConfigFile, configSchema } from "./schema.js";

export const DEFAULT_HF_API_URL = "https://huggingface.co/api/";

/** Keys that name a secret: such a value is never shown, and never accepted from the file. */
const SECRET_KEY = /token|secret|password|apikey|api_key|credential/i;

/** Where each platform's secrets come from instead of the file: "<platform>.<key>" → variable. */
function secretEnv(platforms: readonly PlatformConfig[]): Record<string, string> {
  return Object.fromEntries(
    platforms.flatMap((p) => Object.entries(p.secretEnv).map(([key, env]) => [`${p.name}.${key}`, env])),
  );
}

const MAX_SHOWN = 60;

export interface LoadOptions {
  /** The config file, or null to run on the defaults. */
  file: string | null;
  env: Record<string, string | undefined>;
  /** The chat platforms whose sections the file may hold (the composition root's list). */
  platforms?: readonly PlatformConfig[];
}

function where(file: string | null): string {
  return file ? ` in ${file}` : "";
}

/** A value as an error may show it: short, and never a secret. */
export function showValue(key: string, value: unknown): string {
  if (SECRET_KEY.test(key.split(".").pop() ?? "")) return "[redacted]";
  if (value === undefined) return "missing";
  const text = JSON.stringify(value) ?? String(value);
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return redactSecrets(cut);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** The object schema found at `path` (through defaults, optionals and `kind` unions), if any. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): z.ZodObject | null {
  let s: z.ZodType = schema;
  const walk = [...path];
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional) {
      s = s.unwrap() as z.ZodType;
      continue;
    }
    if (s instanceof z.ZodDiscriminatedUnion) {
      const here = valueAt(data, path.slice(0, path.length - walk.length)) as { kind?: unknown } | undefined;
      const option = (s.options as z.ZodObject[]).find(
        (o) => (o.shape.kind as z.ZodLiteral | undefined)?.value === here?.kind,
      );
      if (!option) return null;
      s = option;
      continue;
    }
    if (!(s instanceof z.ZodObject)) return null;
    const next = walk.shift();
    if (next === undefined) return s;
    const child = s.shape[String(next)] as z.ZodType | undefined;
    if (!child) return null;
    s = child;
  }
}

function describeIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  file: string | null,
  schema: z.ZodObject,
  secrets: Record<string, string>,
): ConfigError {
  const key = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const bad = issue.keys[0] as string;
    const full = key ? `${key}.${bad}` : bad;
    const known = Object.keys(objectAt(schema, issue.path, data)?.shape ?? {});
    const env = secrets[full];
    if (env || SECRET_KEY.test(bad)) {
      return new ConfigError(
        ErrorCode.ConfigInvalid,
        `config key "${full}" holds a secret ([redacted])${where(file)}; secrets do not belong in the config file: remove the key and set ${env ?? "the matching environment variable (see the README)"} instead`,
        { file: file ?? undefined, key: full },
      );
    }
    const guess = nearest(bad, known);
    return new ConfigError(
      ErrorCode.ConfigInvalid,
      `config key "${full}" is not a known setting${where(file)}; ${
        guess ? `did you mean "${key ? `${key}.` : ""}${guess}"?` : `known keys here: ${known.join(", ")}`
      }`,
      { file: file ?? undefined, key: full },
    );
  }
  const value = valueAt(data, issue.path);
  const message = issue.message
    .replace(/^Invalid input: expected (\w+), received (\w+)$/, "must be a $1 (got a $2)")
    .replace(/^Invalid option: expected one of /, "must be one of ")
    .replace(/^Invalid discriminator value\. Expected /, "must be one of ")
    .replace(/^Too small: expected number to be >=(\d+)$/, "must be at least $1")
    .replace(/^Too big: expected number to be <=(\d+)$/, "must be at most $1");
  return new ConfigError(
    ErrorCode.ConfigInvalid,
    `config key "${key || "(top level)"}" is ${showValue(key, value)}${where(file)}: it ${message}`,
    { file: file ?? undefined, key: key || undefined },
  );
}

/** Why a config file cannot be read, and what to do about it, by the system's error code. */
function unreadable(file: string, err: NodeJS.ErrnoException): ConfigError {
  const code = err.code ?? err.message;
  const fix =
    code === "ENOENT"
      ? `there is no such file: create it from the example (cp ${EXAMPLE_CONFIG} ${file}), or point --config / PAPERBOY_CONFIG at the config file you meant`
      : code === "EISDIR"
        ? "that is a folder: point --config / PAPERBOY_CONFIG at the JSON file itself"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied: make the file readable by the user paperboy runs as"
          : "check that the file exists and is readable";
  return new ConfigError(ErrorCode.ConfigUnreadable, `cannot read the config file (${code}): ${fix}`, {
    file,
  });
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw unreadable(file, err as NodeJS.ErrnoException);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : undefined;
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `the config file is not valid JSON (${redactSecrets(message.slice(0, 120))}); fix the syntax (no comments or trailing commas in JSON)`,
      { file, line },
    );
  }
}

function envError(name: string, value: string, fix: string): ConfigError {
  return new ConfigError(
    ErrorCode.ConfigInvalid,
    `environment variable ${name} is ${showValue(name, value)}: it ${fix}`,
    { key: name },
  );
}

function envUrl(env: LoadOptions["env"], name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!z.url({ protocol: /^https?$/ }).safeParse(value).success) {
    throw envError(name, value, "must be an absolute http(s) URL, e.g. http://127.0.0.1:8080/api/");
  }
  return value.endsWith("/") ? value : `${value}/`;
}

/**
 * Several problems at once: `message` lists them all on one line (the CLI prints one line per
 * error), `problems` holds each for those who show them one by one (`doctor`).
 */
export class ConfigProblems extends ConfigError {
  constructor(
    readonly problems: readonly ConfigError[],
    file: string | null,
  ) {
    super(
      ErrorCode.ConfigInvalid,
      `${problems.length} problems in the config: ${problems.map((p, i) => `(${i + 1}) ${withoutFile(p.message, file)}`).join("; ")}`,
      { file: file ?? undefined },
    );
  }
}

/** A problem's message without the " in <file>" the combined message says once. */
function withoutFile(message: string, file: string | null): string {
  return file ? message.replace(where(file), "") : message;
}

/** Runs one check of the config; a ConfigError it throws joins `problems` instead of stopping. */
function check<T>(problems: ConfigError[], step: () => T): T | undefined {
  try {
    return step();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(err);
    return undefined;
  }
}

/** PORT from the environment, if set. */
function envPort(env: LoadOptions["env"], name = "PORT"): number | undefined {
  const portText = envValue(env, name);
  if (!portText) return undefined;
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65_535) {
    throw envError(name, portText, "must be a TCP port number from 0 to 65535");
  }
  return port;
}

/** PAPERBOY_SECRET_KEY, parsed; null when not set. */
function envSecretKey(env: LoadOptions["env"]): Buffer | null {
  const text = envValue(env, SECRET_KEY_ENV);
  return text ? parseSecretKey(text) : null;
}

/** Applies the environment (endpoints, ports, the secret key, each platform's secrets) to a validated file. */
function withEnv(
  parsed: ConfigFile & Record<string, unknown>,
  env: LoadOptions["env"],
  file: string | null,
  platforms: readonly PlatformConfig[],
  problems: ConfigError[],
): Config {
  const port = check(problems, () => envPort(env)) ?? parsed.http.port;
  const opsPort = check(problems, () => envPort(env, "OPS_PORT")) ?? parsed.http.opsPort;
  const host = envValue(env, "HOST") ?? parsed.http.host;
  const opsHost = envValue(env, "OPS_HOST") ?? parsed.http.opsHost;
  const secretKey = check(problems, () => envSecretKey(env)) ?? null;
  const url = parsed.source.kind === "hf-api" ? check(problems, () => envUrl(env, "HF_API_URL")) : undefined;
  const source =
    parsed.source.kind === "hf-api"
      ? { ...parsed.source, url: url ?? parsed.source.url ?? DEFAULT_HF_API_URL }
      : parsed.source;
  const completed = Object.fromEntries(
    platforms.map((p) => [
      p.name,
      check(problems, () => p.settings(parsed[p.name] as Record<string, unknown>, env, file)),
    ]),
  );
  const base = Object.fromEntries(Object.entries(parsed).filter(([key]) => !(key in completed)));
  return {
    ...(base as ConfigFile),
    source,
    secretKey,
    platforms: completed,
    http: { port, ...(host ? { host } : {}), opsPort, opsHost },
    file,
  } as Config;
}

/**
 * What the environment gets wrong, checked even when the file has problems of its own: the port,
 * the API base, and each platform whose section is itself valid.
 */
function envProblems(
  data: Record<string, unknown>,
  env: LoadOptions["env"],
  file: string | null,
  platforms: readonly PlatformConfig[],
): ConfigError[] {
  const problems: ConfigError[] = [];
  check(problems, () => envPort(env));
  check(problems, () => envPort(env, "OPS_PORT"));
  check(problems, () => envSecretKey(env));
  const source = data.source as { kind?: unknown } | undefined;
  if (source?.kind === undefined || source.kind === "hf-api")
    check(problems, () => envUrl(env, "HF_API_URL"));
  for (const p of platforms) {
    const raw = (data[p.name] ?? {}) as Record<string, unknown>;
    if (p.section.safeParse(raw).success) check(problems, () => p.settings(raw, env, file));
  }
  return problems;
}

/** One problem as it is, several as one ConfigProblems. */
function refuse(problems: readonly ConfigError[], file: string | null): ConfigError {
  return problems.length === 1 ? (problems[0] as ConfigError) : new ConfigProblems(problems, file);
}

/** Reads, validates and completes the config; throws a ConfigError naming every problem found. */
export function loadConfig(options: LoadOptions): Config {
  const data = options.file ? readJson(options.file) : {};
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `the config file must hold one JSON object (got ${Array.isArray(data) ? "an array" : showValue("", data)}); start from ${EXAMPLE_CONFIG}`,
      { file: options.file ?? undefined },
    );
  }
  const platforms = options.platforms ?? [];
  const schema = configSchema(platforms);
  const secrets = secretEnv(platforms);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // Secrets first: a token pasted into the file is the problem to fix before any other.
    const pastedSecret = (i: z.core.$ZodIssue) =>
      i.code === "unrecognized_keys" && i.keys.some((k) => SECRET_KEY.test(k));
    const issues = [
      ...parsed.error.issues.filter(pastedSecret),
      ...parsed.error.issues.filter((i) => !pastedSecret(i)),
    ];
    // One unknown-keys issue can name several keys: each is its own problem, with its own guess.
    const single = issues.flatMap((i): z.core.$ZodIssue[] =>
      i.code === "unrecognized_keys" ? i.keys.map((k) => ({ ...i, keys: [k] })) : [i],
    );
    const problems = [
      ...single.map((i) => describeIssue(i, data, options.file, schema, secrets)),
      ...envProblems(data as Record<string, unknown>, options.env, options.file, platforms),
    ];
    throw refuse(problems, options.file);
  }
  const problems: ConfigError[] = [];
  const config = withEnv(
    parsed.data as ConfigFile & Record<string, unknown>,
    options.env,
    options.file,
    platforms,
    problems,
  );
  if (problems.length) throw refuse(problems, options.file);
  return config;
}
