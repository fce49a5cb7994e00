/**
 * The adapters `serve` runs: one for each platform the config enables, made by its module.
 * Enabling none is refused at start rather than serving nothing.
 */
import type { AdapterDeps, PlatformModule } from "../adapters/platform.js";
import type { Config } from "../config/schema.js";
import type { Adapter } from "../src/bot/adapter.js";
import { ConfigError, ErrorCode } from "../src/errors.js";

/** The modules of the platforms the config turns on, in the list's order. */
export function enabledPlatforms(config: Config, platforms: readonly PlatformModule[]): PlatformModule[] {
  return platforms.filter((p) => config.platforms[p.name]?.enabled);
}

export async function createAdapters(
  config: Config,
  platforms: readonly PlatformModule[],
  deps: AdapterDeps,
): Promise<Adapter[]> {
  const on = enabledPlatforms(config, platforms);
  if (on.length === 0) {
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `no adapter is enabled${config.file ? ` in ${config.file}` : ""}; set <platform>.enabled to true (one of ${platforms.map((p) => p.name).join(", ")}), or set a platform's tokens in the environment`,
      { key: "enabled" },
    );
  }
  return Promise.all(on.map((p) => p.create(config.platforms[p.name] as never, deps)));
}
