/**
 * The connection pool of paperboy's Discord REST client: its own (closed when the adapter stops),
 * made by the same undici copy that @discordjs/rest sends its requests with.
 *
 * Why not the default: without an agent, @discordjs/rest sends through the process's global undici
 * dispatcher, and that belongs to whichever undici copy is loaded first. Slack's socket mode
 * (@slack/socket-mode) loads undici 7, which installs its own Agent there; undici 7 cannot send the
 * multipart body (FormData) that @discordjs/rest's undici 6 hands it (it throws "action is not a
 * function" before a byte leaves). Every Discord message carrying files — the trends chart, exports —
 * then failed whenever the Slack adapter was loaded first: in `serve` with both platforms, and in
 * the test suite when test files shared a process.
 */
import { createRequire } from "node:module";
import type { RESTOptions } from "discord.js";

export type RestAgent = NonNullable<RESTOptions["agent"]>;

/** How long opening a connection to Discord may take (@discordjs/rest's own former default). */
const CONNECT_TIMEOUT_MS = 30_000;

type AgentClass = new (options: { connect: { timeout: number } }) => RestAgent;

// Resolved from discord.js's own @discordjs/rest, so it is the undici that calls this agent, whatever
// other copies (and majors) of undici the install holds.
const fromHere = createRequire(import.meta.url);
const fromRest = createRequire(createRequire(fromHere.resolve("discord.js")).resolve("@discordjs/rest"));
const { Agent } = fromRest("undici") as { Agent: AgentClass };

/** A fresh pool for one Discord REST client; close it when the client is done. */
export function discordRestAgent(): RestAgent {
  return new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS } });
}
