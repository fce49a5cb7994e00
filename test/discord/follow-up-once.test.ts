/**
 * Interaction follow-ups posted once: a follow-up (Execute Webhook on the interaction's token)
 * takes no nonce, and discord.js would retry one whose answer was lost. The stand-in stores the
 * follow-up and then loses its answer (a reset connection, a 5xx), as Discord may; paperboy looks
 * for it in the channel by its interaction_metadata before posting again. Both transports: the
 * gateway (discord.js's interaction) and HTTP (the Interactions Endpoint URL, served here by the
 * same adapter on a loopback port).
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { followUpOutcomeUnknown } from "../../adapters/discord/follow-up-once.js";
import { slash } from "../support/discord-payloads.js";
import { postInteraction, type SigningKeys, signingKeys } from "../support/discord-signing.js";
import { IDS } from "../support/discord-stand-in.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
let keys: SigningKeys;
let server: Server;
let url: string;
let handled = 0;
const waiters: (() => void)[] = [];

beforeAll(async () => {
  keys = signingKeys();
  h = await startHarness({
    transport: "both",
    publicKey: keys.publicKeyHex,
    onHandled: (what) => {
      if (what !== "interaction") return;
      handled += 1;
      for (const w of waiters.splice(0)) w();
    },
  });
  const [route] = h.adapter.routes();
  server = createServer((req, res) => route!.handler(req, res));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${route!.path}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});

/** Resolves once `n` interactions have been answered in all (the adapter's onHandled). */
function answered(n: number): Promise<void> {
  if (handled >= n) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => (handled >= n ? resolve() : waiters.push(check));
    waiters.push(check);
  });
}

const webhook = (token: string) => new RegExp(`^/webhooks/${IDS.app}/${token}$`);
const history = new RegExp(`^/channels/${IDS.channel}/messages$`);

/** The follow-ups Discord holds for an interaction (interaction_metadata, as Discord marks them). */
const followUpsOf = (interactionId: string) =>
  [...h.discord.messages.values()].filter(
    (m) =>
      m.interaction_metadata?.id === interactionId &&
      m.interaction_metadata.original_response_message_id !== undefined,
  );

/** Asks /papers roundup (an answer of several messages) over a transport; waits until it is answered. */
async function roundup(transport: "gateway" | "http") {
  const i = slash(h.discord, "roundup", { date: "2025-08-12" });
  const target = handled + 1;
  return {
    i,
    async send(): Promise<void> {
      if (transport === "gateway") h.discord.interact(i);
      else {
        const res = await postInteraction(url, keys, i);
        expect(res.status).toBe(200);
        h.discord.answeredOverHttp(i, res.body);
      }
      await answered(target);
    },
  };
}

/** No two follow-ups of the interaction are the same message. */
function expectEachOnce(interactionId: string): void {
  const bodies = followUpsOf(interactionId).map((m) => JSON.stringify([m.content, m.embeds]));
  expect(bodies.length).toBeGreaterThan(0);
  expect(new Set(bodies).size).toBe(bodies.length);
}

describe("a follow-up Discord stored whose answer was lost appears once", () => {
  for (const [transport, how] of [
    ["gateway", "reset"],
    ["gateway", 503],
    ["http", "reset"],
    ["http", 500],
  ] as const) {
    test(`${transport}, answer lost as ${how}: found in the channel, not posted again`, async () => {
      const { i, send } = await roundup(transport);
      h.discord.loseAnswerNext("POST", webhook(i.token), how);
      await send();
      const posts = h.discord.callsTo("POST", webhook(i.token));
      expect(posts[0]!.status).not.toBe(200);
      // Every follow-up POST stored one message, and none was sent twice.
      expect(followUpsOf(i.id)).toHaveLength(posts.length);
      expectEachOnce(i.id);
      expect(
        h.logs.some((l) => l.interaction === i.id && /Discord did not answer a post but has it/.test(l.msg)),
      ).toBe(true);
    });
  }
});

describe("a follow-up that really failed is posted again", () => {
  test("http: a 500 with nothing stored; the channel is read, the follow-up is not there, it is posted once more", async () => {
    const { i, send } = await roundup("http");
    h.discord.failNext("POST", webhook(i.token), 500, { message: "500: Internal Server Error", code: 0 });
    const readsBefore = h.discord.callsTo("GET", history).length;
    await send();
    const posts = h.discord.callsTo("POST", webhook(i.token));
    expect(posts[0]!.status).toBe(500);
    expect(posts.slice(1).every((p) => p.status === 200)).toBe(true);
    expect(JSON.stringify(posts[1]!.body)).toBe(JSON.stringify(posts[0]!.body));
    expect(followUpsOf(i.id)).toHaveLength(posts.length - 1);
    expectEachOnce(i.id);
    // Read back after the interaction before posting again.
    const reads = h.discord.callsTo("GET", history).slice(readsBefore);
    expect(reads.map((r) => r.query.get("after"))).toContain(i.id);
    expect(
      h.logs.some((l) => l.interaction === i.id && /does not have it; posting it again/.test(l.msg)),
    ).toBe(true);
  });

  test("gateway: the history cannot be read (Missing Access): posted once more, and logged as possibly twice", async () => {
    const { i, send } = await roundup("gateway");
    h.discord.loseAnswerNext("POST", webhook(i.token), "reset");
    h.discord.failNext("GET", history, 403, { code: 50001, message: "Missing Access" });
    await send();
    const posts = h.discord.callsTo("POST", webhook(i.token));
    // The lost one and its repost: at least once, never a third time.
    expect(followUpsOf(i.id)).toHaveLength(posts.length);
    expect(posts.filter((p) => JSON.stringify(p.body) === JSON.stringify(posts[0]!.body))).toHaveLength(2);
    expect(
      h.logs.some(
        (l) =>
          l.interaction === i.id &&
          /cannot be read back; posting it once more \(it may appear twice\)/.test(l.msg),
      ),
    ).toBe(true);
  });
});

describe("which failed follow-ups Discord may have stored", () => {
  const body = { files: undefined, json: {} };
  test("a timeout, a reset or closed connection and a 5xx may have been; a 4xx, a rate limit and a refused connection were not", () => {
    const network = (code: string) => Object.assign(new Error(code), { code });
    expect(followUpOutcomeUnknown(Object.assign(new Error("aborted"), { name: "AbortError" }))).toBe(true);
    expect(followUpOutcomeUnknown(network("ECONNRESET"))).toBe(true);
    expect(followUpOutcomeUnknown(network("UND_ERR_SOCKET"))).toBe(true);
    expect(followUpOutcomeUnknown(new HTTPError(502, "Bad Gateway", "POST", "/webhooks/1/t", body))).toBe(
      true,
    );
    expect(followUpOutcomeUnknown(network("ECONNREFUSED"))).toBe(false);
    expect(followUpOutcomeUnknown(network("UND_ERR_CONNECT_TIMEOUT"))).toBe(false);
    expect(
      followUpOutcomeUnknown(
        new DiscordAPIError(
          { code: 50035, message: "Invalid Form Body" },
          50035,
          400,
          "POST",
          "/webhooks/1/t",
          body,
        ),
      ),
    ).toBe(false);
    expect(
      followUpOutcomeUnknown(
        new RateLimitError({
          global: false,
          method: "POST",
          url: "/webhooks/1/t",
          route: "/webhooks/:id",
          majorParameter: "1",
          hash: "h",
          limit: 5,
          timeToReset: 1000,
          retryAfter: 1000,
          sublimitTimeout: 0,
          scope: "user",
        }),
      ),
    ).toBe(false);
  });
});
