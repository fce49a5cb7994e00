/**
 * What the config knows of a chat platform: its section of the config file, which of its settings
 * are secrets (and so come from the environment), and how the environment completes the section.
 * Each platform module in adapters/ provides these; the config loops over the list the
 * composition root hands it, and so never names a platform.
 */
import type { z } from "zod";
import { ConfigError, ErrorCode } from "../src/errors.js";

export type Env = Record<string, string | undefined>;

/** A platform's part of the loaded config: whether `serve` runs it, and its own settings. */
export interface PlatformSettings {
  enabled: boolean;
}

export interface PlatformConfig<S extends PlatformSettings = PlatformSettings> {
  /** Its name: its config section, its `platform` in contexts, stored channels and metrics. */
  readonly name: string;
  /** Its section of the config file: a strict object whose keys all have defaults or are optional. */
  readonly section: z.ZodObject;
  /** Its secrets, by setting, and the environment variable each is read from (never the file). */
  readonly secretEnv: Readonly<Record<string, string>>;
  /**
   * The section completed from the environment. Throws a ConfigError naming the key and the
   * variables to set when the file turns the platform on but the environment cannot run it.
   */
  settings(section: Record<string, unknown>, env: Env, file: string | null): S;
}

/** `slack.enabled` is true but the environment lacks what it needs: say which variables to set. */
export function enabledButMissing(
  platform: string,
  missing: readonly string[],
  file: string | null,
): ConfigError {
  const many = missing.length > 1;
  return new ConfigError(
    ErrorCode.ConfigInvalid,
    `config key "${platform}.enabled" is true${file ? ` in ${file}` : ""} but ${missing.join(" and ")} ${many ? "are" : "is"} not set; set ${many ? "them" : "it"} in the environment, or set ${platform}.enabled to false`,
    { file: file ?? undefined, key: `${platform}.enabled` },
  );
}

/** The trimmed value of an environment variable; undefined when unset or blank. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
