/**
 * Registers the application commands through Discord's REST API: guild-scoped (instant, for
 * development) or global (for release). Idempotent: it reads what is registered, compares it with
 * what we define, and overwrites (one bulk PUT) only when they differ.
 */
import { type REST, type RESTPostAPIApplicationCommandsJSONBody, Routes } from "discord.js";
import type { Logger } from "../../src/logger.js";

export interface RegisterResult {
  scope: "guild" | "global";
  guild?: string;
  /** True when a PUT was needed; false when Discord already had exactly these commands. */
  changed: boolean;
  commands: string[];
}

type Json = unknown;

const DEFAULTS: Record<string, Json> = {
  type: 1,
  required: false,
  autocomplete: false,
  nsfw: false,
};

/** Fields Discord adds on its side (ids, versions, localizations it fills in) that we never send. */
const SERVER_ONLY = new Set([
  "id",
  "application_id",
  "guild_id",
  "version",
  "default_permission",
  "dm_permission",
  "name_localized",
  "description_localized",
  "integration_types",
  "contexts",
]);

/** A comparable form: server-only fields dropped, defaults and empty values removed. */
export function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, Json>)[key];
    if (SERVER_ONLY.has(key) || v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (key in DEFAULTS && DEFAULTS[key] === v) continue;
    if (key.endsWith("_localizations") && typeof v === "object" && Object.keys(v as object).length === 0)
      continue;
    out[key] = canonical(v);
  }
  return out;
}

export function sameCommands(registered: readonly Json[], wanted: readonly Json[]): boolean {
  const key = (c: Json) => JSON.stringify(canonical(c));
  const a = registered.map(key).sort();
  const b = wanted.map(key).sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export async function registerCommands(options: {
  rest: REST;
  applicationId: string;
  guildId?: string;
  commands: RESTPostAPIApplicationCommandsJSONBody[];
  logger: Logger;
}): Promise<RegisterResult> {
  const { rest, applicationId, guildId, commands, logger } = options;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const scope = guildId ? "guild" : "global";
  const registered = (await rest.get(route)) as Json[];
  const names = commands.map((c) => c.name);
  const base = { scope, ...(guildId ? { guild: guildId } : {}), commands: names } as const;
  if (sameCommands(registered, commands)) {
    logger.info({ scope, guild: guildId }, "discord commands already registered");
    return { ...base, changed: false };
  }
  await rest.put(route, { body: commands });
  logger.info({ scope, guild: guildId, commands: names }, "discord commands registered");
  return { ...base, changed: true };
}
