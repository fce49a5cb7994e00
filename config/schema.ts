/**
 * The shape of paperboy's config file, in one place. Every object is strict so a typo is refused
 * (with the nearest known key) instead of silently ignored. Secrets never live here: tokens come
 * from the environment (see `load.ts`). Each chat platform adds its own section (`configSchema`).
 */
import { z } from "zod";
import { DEFAULTS } from "../src/defaults.js";
import { TimeOfDaySchema as Time, TimeZoneSchema as Zone } from "../src/validators.js";
import type { PlatformConfig, PlatformSettings } from "./platform.js";

const Url = z.url("must be an absolute http(s) URL such as https://huggingface.co/api/");
const Ms = (fallback: number) => z.number().int().min(0).default(fallback);
const Positive = (fallback: number) => z.number().int().min(1).default(fallback);

const HfApiSource = z.strictObject({
  kind: z.literal("hf-api"),
  /** Base of the API; HF_API_URL overrides it, default https://huggingface.co/api/. */
  url: Url.optional(),
  timeoutMs: Positive(15_000),
  /** Retries after the first try, on 5xx, 429 and network errors. */
  retries: z.number().int().min(0).max(10).default(4),
  backoffMs: Positive(1_000),
  maxBackoffMs: Positive(60_000),
  /** Where fetched days are kept as files (default: `digests/` beside the database). */
  saveTo: z.string().min(1).optional(),
});

const FolderSource = z.strictObject({
  kind: z.literal("folder"),
  /** A folder of digest files whose names hold their day, e.g. 2026-02-02.hf-api.json. */
  path: z.string().min(1),
  watch: z.boolean().default(true),
});

export const SourceSchema = z.discriminatedUnion("kind", [HfApiSource, FolderSource]);

const Bucket = (fallback: { capacity: number; refillPerMinute: number }) =>
  z
    .strictObject({
      capacity: Positive(fallback.capacity),
      refillPerMinute: Positive(fallback.refillPerMinute),
    })
    .prefault({});

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The zone that decides "today" for fetching and for pages without a year. */
  timezone: Zone.default(DEFAULTS.timezone),
  storage: z.strictObject({ db: z.string().min(1).optional() }).prefault({}),
  logging: z
    .strictObject({
      level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    })
    .prefault({}),
  source: SourceSchema.prefault({ kind: "hf-api" }),
  schedule: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Settings of a channel that subscribes without naming a time or zone. */
      defaultTime: Time.default(DEFAULTS.roundupTime),
      defaultTimezone: Zone.default(DEFAULTS.timezone),
      /** When the day's digest is first fetched, in `timezone`; channels due earlier fetch it too. */
      fetchAt: Time.default(DEFAULTS.fetchAt),
      /** While the day is not published, try again this often (the same day only). */
      fetchRetryMinutes: Positive(15),
      /** A post this much after its time is marked late. */
      lateAfterMinutes: Positive(10),
      catchUp: z
        .strictObject({
          /** Post today's missed roundups late after downtime (else skip them). */
          enabled: z.boolean().default(true),
          /** How many past days are checked for missed roundups, skipped and logged. */
          lookbackDays: z.number().int().min(0).max(31).default(3),
        })
        .prefault({}),
      /** Days after someone claims a paper ("I'll read it") before they are reminded, once; 0: never. */
      queueReminderDays: z.number().int().min(0).max(365).default(DEFAULTS.queueReminderDays),
      /** Minutes after a channel's posting time with still no papers before the day is called quiet. */
      quietAfterMinutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60)
        .default(DEFAULTS.quietAfterMinutes),
      postRetries: z
        .strictObject({
          /** Tries per channel and day before the failure is reported and given up. */
          attempts: Positive(5),
          backoffMs: Positive(60_000),
          maxBackoffMs: Positive(30 * 60_000),
        })
        .prefault({}),
    })
    .prefault({}),
  limits: z
    .strictObject({
      perUser: Bucket(DEFAULTS.rateLimits.perUser),
      perChannel: Bucket(DEFAULTS.rateLimits.perChannel),
      deadlineMs: Positive(DEFAULTS.deadlineMs),
    })
    .prefault({}),
  http: z
    .strictObject({
      /** The public port: Slack's request URL (/slack/events) and a bare liveness /healthz. */
      port: z.number().int().min(0).max(65_535).default(DEFAULTS.port),
      /** The interface it listens on (HOST); default all. */
      host: z.string().min(1).optional(),
      /** The operations port: the detailed /healthz and /metrics (OPS_PORT). */
      opsPort: z.number().int().min(0).max(65_535).default(DEFAULTS.opsPort),
      /** Its interface (OPS_HOST): loopback unless opened on purpose. */
      opsHost: z.string().min(1).default(DEFAULTS.opsHost),
    })
    .prefault({}),
  shutdown: z.strictObject({ deadlineMs: Ms(DEFAULTS.shutdownMs) }).prefault({}),
});

export type ConfigFile = z.infer<typeof ConfigSchema>;

/** The file's schema with one section for each platform, named after it. */
export function configSchema(platforms: readonly PlatformConfig[]): z.ZodObject {
  return ConfigSchema.extend(Object.fromEntries(platforms.map((p) => [p.name, p.section.prefault({})])));
}
export type SourceConfig = z.infer<typeof SourceSchema>;
export type ScheduleConfig = ConfigFile["schedule"];

/**
 * The validated config with the environment applied: what the rest of paperboy reads. Each chat
 * platform's section (`slack`, `discord`…) is in `platforms`, under its name, as its module
 * completed it (see platform.ts).
 */
export type Config = Omit<ConfigFile, "source" | "http"> & {
  source:
    | (Extract<SourceConfig, { kind: "hf-api" }> & { url: string })
    | Extract<SourceConfig, { kind: "folder" }>;
  platforms: Record<string, PlatformSettings>;
  http: { port: number; host?: string; opsPort: number; opsHost: string };
  /** PAPERBOY_SECRET_KEY, parsed (32 bytes): seals chat platforms' OAuth tokens in the archive. */
  secretKey: Buffer | null;
  /** The file it came from, or null for the built-in defaults. */
  file: string | null;
};
