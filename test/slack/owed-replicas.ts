/**
 * Two Slack adapters on one archive (two replicas) whose answers are owed, and what the owed-answer
 * tests look at in the Slack stand-in: calls as they arrive, and the marked parts in a channel.
 */
import type { Logger } from "../../src/logger.js";
import type { ApiCall, FakeSlackApi } from "../support/slack-api.js";
import { type Harness, owedIn, startHarness } from "./harness.js";

export const LEASE = 60_000;

/**
 * An adapter whose answers go through the archive's owed answers under the name `by`; with
 * `slack`, it talks to that stand-in's Web API (two replicas of one Slack workspace).
 */
export async function replica(
  dbPath: string,
  by: string,
  slack?: FakeSlackApi,
  logger?: Logger,
): Promise<Harness> {
  let h: Harness | undefined;
  h = await startHarness({
    dbPath,
    adapter: {
      ...(slack ? { apiUrl: slack.url } : {}),
      ...(logger ? { logger } : {}),
      owed: owedIn(() => h as Harness, by, LEASE),
    },
  });
  return h;
}

/** The first call matching `match` as it arrives (before a held one is answered). */
export function arrival(api: FakeSlackApi, match: (c: ApiCall) => boolean): Promise<ApiCall> {
  return new Promise((resolve) => {
    const on = (c: ApiCall) => {
      if (!match(c)) return;
      api.off("arrived", on);
      resolve(c);
    };
    api.on("arrived", on);
  });
}

/** The `part` numbers of the marked messages of owed answer `id` in Slack's channel (or thread). */
export function partsOf(api: FakeSlackApi, channel: string, id: string): number[] {
  return api
    .posted(channel)
    .map((m) => m.metadata as { event_type?: string; event_payload?: { owed?: string; part?: number } })
    .filter((m) => m?.event_type === "paperboy_answer" && m.event_payload?.owed === id)
    .map((m) => m.event_payload?.part as number)
    .sort((x, y) => x - y);
}
