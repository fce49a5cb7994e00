/**
 * The chat platforms paperboy speaks, one module each: the only list that names them. Config,
 * doctor, logger redaction, the CLI and `serve` loop over it. Adding a platform is a folder under
 * adapters/ (its module in `platform.ts`) and a line here.
 */
import { consolePlatform } from "../adapters/console/platform.js";
import { discordPlatform } from "../adapters/discord/platform.js";
import type { PlatformModule } from "../adapters/platform.js";
import { slackPlatform } from "../adapters/slack/platform.js";

export const PLATFORMS: readonly PlatformModule[] = [consolePlatform, slackPlatform, discordPlatform];

/** The names platforms go by in contexts, stored channels and metrics. */
export type PlatformName = (typeof PLATFORMS)[number]["name"];

/** Keys of the platforms' secret settings, redacted from every log line. */
export function platformSecretKeys(platforms: readonly PlatformModule[] = PLATFORMS): string[] {
  return platforms.flatMap((p) => Object.keys(p.secretEnv));
}
