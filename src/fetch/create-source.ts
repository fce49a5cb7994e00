/** From the `source` config key to a DigestSource. */
import { dirname, join, resolve } from "node:path";
import type { Config } from "../../config/schema.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { Random, Sleep } from "./backoff.js";
import { FolderSource } from "./folder-source.js";
import { HfClient, type HfClientOptions } from "./hf-client.js";
import { HfApiSource } from "./hf-source.js";
import type { DigestSource } from "./source.js";

export interface SourceDeps {
  clock: Clock;
  logger: Logger;
  /** The archive file: fetched days are kept in `digests/` beside it unless `saveTo` says where. */
  dbPath: string;
  cwd: string;
  sleep?: Sleep;
  random?: Random;
  fetch?: typeof fetch;
  /** Retries told to a person instead of logged (see HfClientOptions.onRetry). */
  onRetry?: HfClientOptions["onRetry"];
}

export function createSource(source: Config["source"], deps: SourceDeps): DigestSource {
  if (source.kind === "folder") return new FolderSource(resolve(deps.cwd, source.path));
  const client = new HfClient({
    baseUrl: source.url,
    timeoutMs: source.timeoutMs,
    retries: source.retries,
    backoff: { baseMs: source.backoffMs, maxMs: source.maxBackoffMs },
    clock: deps.clock,
    logger: deps.logger,
    sleep: deps.sleep,
    random: deps.random,
    fetch: deps.fetch,
    onRetry: deps.onRetry,
  });
  const saveTo = source.saveTo
    ? resolve(deps.cwd, source.saveTo)
    : deps.dbPath === ":memory:"
      ? join(deps.cwd, "data", "digests")
      : join(dirname(deps.dbPath), "digests");
  return new HfApiSource(client, saveTo, source.url);
}
