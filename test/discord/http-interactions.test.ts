/**
 * Discord interactions over HTTP, end to end: a real `paperboy serve` (in-process) with
 * discord.transport "http" serves POST /discord/interactions on its public loopback port; the
 * requests are signed with a generated Ed25519 keypair as Discord signs them, and what the bot
 * sends after its first response (edits, follow-ups) arrives at the local Discord stand-in's REST.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { autocomplete, button, slash } from "../support/discord-payloads.js";
import { postInteraction, type SigningKeys, signedHeaders, signingKeys } from "../support/discord-signing.js";
import { DiscordStandIn, IDS, type RestCall } from "../support/discord-stand-in.js";
import { type RunningServe, startServe } from "../support/serve.js";

let discord: DiscordStandIn;
let serve: RunningServe;
let keys: SigningKeys;
let url: string;

beforeAll(async () => {
  discord = await DiscordStandIn.start();
  keys = signingKeys();
  serve = await startServe({
    config: { discord: { transport: "http" } },
    env: {
      DISCORD_TOKEN: "test-token.not-a-secret",
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    },
  });
  url = `${serve.base}/discord/interactions`;
});

afterAll(async () => {
  serve?.signals.emit("SIGTERM");
  await serve?.run;
  await discord?.close();
});

const webhookCalls = (token: string) => discord.calls.filter((c) => c.path.includes(`/${token}`));

/** Sends a signed interaction; when the answer was deferred, waits for the edit of the original. */
async function run(payload: any): Promise<{ first: any; body: any; edit?: RestCall }> {
  const res = await postInteraction(url, keys, payload);
  expect(res.status).toBe(200);
  discord.answeredOverHttp(payload, res.body);
  if (res.body.type === 4) return { first: res.body, body: res.body.data };
  expect(res.body.type).toBe(5);
  const edit = await discord.waitFor(
    (c) => c.method === "PATCH" && c.path === `/webhooks/${IDS.app}/${payload.token}/messages/@original`,
    "the edit of the deferred original",
  );
  return { first: res.body, body: edit.body, edit };
}

describe("the Interactions Endpoint URL", () => {
  test("PING is answered PONG (Discord's check when the URL is saved)", async () => {
    const res = await postInteraction(url, keys, { id: "1", type: 1, application_id: IDS.app });
    expect(res).toEqual({ status: 200, body: { type: 1 } });
  });

  test("a bad or missing signature is 401 and nothing is processed: the same interaction signed right is then answered", async () => {
    const i = slash(discord, "search", { query: "sparse" });
    const other = signingKeys();
    expect((await postInteraction(url, other, i)).status).toBe(401);
    const body = JSON.stringify(i);
    const unsigned = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(unsigned.status).toBe(401);
    // A valid signature over a different body (a tampered request).
    const tampered = await fetch(url, {
      method: "POST",
      headers: signedHeaders(keys, body),
      body: body.replace("sparse", "dense!"),
    });
    expect(tampered.status).toBe(401);
    expect(webhookCalls(i.token)).toHaveLength(0);
    const { body: answer } = await run(i);
    expect(answer.embeds[0].title).toBe('Search: "sparse"');
    expect(answer.allowed_mentions).toEqual({ parse: [] });
  });

  test("a stale timestamp is refused (401), even correctly signed", async () => {
    const i = slash(discord, "search", { query: "sparse" });
    const res = await postInteraction(url, keys, i, { nowMs: Date.now() - 10 * 60 * 1000 });
    expect(res.status).toBe(401);
    const ahead = await postInteraction(url, keys, i, { nowMs: Date.now() + 10 * 60 * 1000 });
    expect(ahead.status).toBe(401);
    expect(webhookCalls(i.token)).toHaveLength(0);
  });

  test("a replayed interaction id is answered once: the replay is 409 and sends nothing", async () => {
    const i = slash(discord, "search", { query: "attention" });
    await run(i);
    const before = discord.calls.length;
    const replay = await postInteraction(url, keys, i);
    expect(replay.status).toBe(409);
    expect(discord.calls.length).toBe(before);
  });

  test("a body over the limit is refused with 413; a body that is not an interaction with 400", async () => {
    const big = { ...slash(discord, "search", { query: "x" }), padding: "x".repeat(1024 * 1024 + 10) };
    expect((await postInteraction(url, keys, big)).status).toBe(413);
    expect((await postInteraction(url, keys, [1, 2])).status).toBe(400);
    expect((await postInteraction(url, keys, { type: 2, id: "1" })).status).toBe(400);
  });
});

describe("commands over HTTP: the same answers as the gateway", () => {
  let paper: string;

  test("autocomplete answers type 8 with up to 25 papers", async () => {
    const res = await postInteraction(url, keys, autocomplete(discord, "show", "id", "a"));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe(8);
    expect(res.body.data.choices.length).toBeGreaterThan(0);
    expect(res.body.data.choices.length).toBeLessThanOrEqual(25);
    paper = res.body.data.choices[0].value;
    expect(paper).toMatch(/^(pb-[0-9a-f]+|\d{4}\.\d{4,5})$/);
  });

  test("/papers show answers with the card and its buttons", async () => {
    const { body } = await run(slash(discord, "show", { id: paper }));
    expect(body.embeds[0].title.length).toBeGreaterThan(0);
    const labels = body.components.flatMap((r: any) => r.components.map((b: any) => b.label));
    expect(labels).toContain("Related");
  });

  test("a button runs its command (Related for the card's paper)", async () => {
    const { body } = await run(button(discord, { id: discord.id() }, `pb:related ${paper}`));
    expect(JSON.stringify(body.embeds)).toMatch(/Related/i);
    const expired = await postInteraction(url, keys, button(discord, { id: discord.id() }, "pb#gone"));
    expect(expired.body).toMatchObject({ type: 4, data: { content: expect.stringMatching(/expired/) } });
  });

  test("a long answer goes out as the response and follow-ups on the interaction's webhook", async () => {
    const i = slash(discord, "roundup");
    await run(i);
    const followUp = await discord.waitFor(
      (c) => c.method === "POST" && c.path === `/webhooks/${IDS.app}/${i.token}`,
      "a follow-up",
    );
    expect(followUp.status).toBe(200);
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    // Webhook calls carry the interaction token, not the bot's.
    expect(followUp.body.embeds.length).toBeGreaterThan(0);
  });

  test("files (an export) go in the edit of a deferred response, as attachments", async () => {
    await run(slash(discord, "note", { id: paper, text: "for the export" }));
    const { first, edit } = await run(slash(discord, "export", { what: "notes" }));
    expect(first).toEqual({ type: 5 });
    expect(edit?.files?.map((f) => f.name).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.md$/)]),
    );
    expect(edit?.files?.find((f) => f.name.endsWith(".md"))?.content).toContain("for the export");
  });
});
