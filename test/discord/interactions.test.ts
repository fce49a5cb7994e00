/**
 * The Discord adapter end to end: a real discord.js client against the local Discord stand-in
 * (REST + gateway on loopback). Assertions are on the REST calls the bot makes.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX } from "../../adapters/discord/limits.js";
import { ALL_PERMISSIONS, autocomplete, button, slash, userMessage } from "../support/discord-payloads.js";
import { IDS, type RestCall } from "../support/discord-stand-in.js";
import { type Harness, sampleDayRoundup, startHarness } from "./harness.js";
import { expectInert } from "./inert.js";

const GUILDS = 1;
const GUILD_MESSAGES = 1 << 9;
const GUILD_MESSAGE_REACTIONS = 1 << 10;
const MESSAGE_CONTENT = 1 << 15;
const CREATE_PUBLIC_THREADS = 1n << 35n;
const ADMINISTRATOR = 1n << 3n;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const callback = (token: string) => (c: RestCall) =>
  c.method === "POST" && c.path.endsWith(`/${token}/callback`);

describe("connecting", () => {
  test("identifies with Guilds, GuildMessages and GuildMessageReactions only (no privileged MessageContent) and reports connected", () => {
    const [identify] = h.discord.gateway.ops(2);
    expect(identify!.d.intents).toBe(GUILDS | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS);
    expect(identify!.d.token).toBe("test-token.not-a-secret");
    expect(h.discord.callsTo("GET", /^\/gateway\/bot$/)).toHaveLength(1);
    expect(h.adapter.status()).toEqual({ state: "connected" });
  });
});

describe("/papers commands", () => {
  test("/papers search answers with a result embed (direct reply or deferred edit)", async () => {
    const i = slash(h.discord, "search", { query: "sparse", has_code: true });
    h.discord.interact(i);
    const cb = await h.discord.waitFor(callback(i.token), "the search callback");
    let body = cb.body.data;
    if (cb.body.type === 5)
      body = (await h.discord.waitFor((c) => c.method === "PATCH" && c.path.includes(i.token))).body;
    else expect(cb.body.type).toBe(4);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = body.embeds;
    expect(embed.title).toBe('Search: "sparse"');
    expect(embed.description).toMatch(/\*\*1\. /);
  });

  test("an answer not ready within the defer threshold is deferred, then the original is edited", async () => {
    const slow = await startHarness({ deferAfterMs: 0 });
    try {
      const id = slow.engine.papers.day("2025-08-12")[0]!.id;
      const i = slash(slow.discord, "show", { id });
      slow.discord.interact(i);
      const cb = await slow.discord.waitFor(callback(i.token), "the deferral");
      expect(cb.body.type).toBe(5);
      const edit = await slow.discord.waitFor(
        (c) => c.method === "PATCH" && c.path === `/webhooks/${IDS.app}/${i.token}/messages/@original`,
      );
      expect(edit.body.embeds[0].footer.text).toContain(id);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await slow.close();
    }
  });

  test("a bad date comes back as a usage notice, not a crash", async () => {
    const i = slash(h.discord, "day", { date: "2025-13-45" });
    h.discord.interact(i);
    const cb = await h.discord.waitFor(callback(i.token));
    const content: string =
      cb.body.type === 4
        ? cb.body.data.content
        : (await h.discord.waitFor((c) => c.method === "PATCH" && c.path.includes(i.token))).body.content;
    expect(content).toMatch(/^⚠️ .*YYYY-MM-DD/);
  });

  test("autocomplete offers at most 25 titles for a prefix, each name within 100 characters", async () => {
    const i = autocomplete(h.discord, "show", "id", "spar");
    h.discord.interact(i);
    const cb = await h.discord.waitFor(callback(i.token), "the autocomplete answer");
    expect(cb.body.type).toBe(8);
    const choices: { name: string; value: string }[] = cb.body.data.choices;
    expect(choices.length).toBeGreaterThan(3);
    expect(choices.length).toBeLessThanOrEqual(AUTOCOMPLETE_CHOICES_MAX);
    const titles = new Map(h.engine.papers.day("2025-08-12").map((p) => [p.id, p.title]));
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(CHOICE_NAME_MAX);
      expect(titles.get(c.value)).toMatch(/\bspar/i);
    }
  });

  test("the Related button on a card runs `related` for that paper", async () => {
    const id = h.engine.papers.day("2025-08-12")[1]!.id;
    const show = slash(h.discord, "show", { id });
    h.discord.interact(show);
    const cb = await h.discord.waitFor(callback(show.token));
    const card = h.discord.messages.get([...h.discord.messages.values()].at(-1)!.id);
    const related = cb.body.data.components[0].components.find((b: any) => b.label === "Related");
    expect(related.custom_id).toBe(`pb:related ${id}`);
    const press = button(h.discord, card, related.custom_id);
    h.discord.interact(press);
    const answer = await h.discord.waitFor(callback(press.token), "the button's answer");
    expect(answer.body.data.embeds[0].title).toMatch(/^Related to "/);
  });
});

describe("discuss", () => {
  test("opens a public thread on the card and answers a question that mentions the bot", async () => {
    const id = h.engine.papers.day("2025-08-12")[0]!.id;
    const i = slash(h.discord, "discuss", { id });
    h.discord.interact(i);
    const cb = await h.discord.waitFor(callback(i.token), "the discuss card");
    expect(cb.query.get("with_response")).toBe("true");
    const created = await h.discord.waitFor(
      (c) => c.method === "POST" && /\/threads$/.test(c.path),
      "thread creation",
    );
    const threadId = created.path.split("/")[4]!;
    expect(created.path).toBe(`/channels/${IDS.channel}/messages/${threadId}/threads`);
    expect(created.body.name.length).toBeLessThanOrEqual(100);
    const intro = await h.discord.waitFor(
      (c) => c.method === "POST" && c.path === `/channels/${threadId}/messages`,
      "the intro",
    );
    expect(intro.body.content).toMatch(/^Discussion of/);

    // Not addressed to the bot: ignored. Then a mention: answered (and only that one).
    const before = h.discord.callsTo("POST", new RegExp(`^/channels/${threadId}/messages$`)).length;
    h.discord.gateway.dispatch(
      "MESSAGE_CREATE",
      userMessage(h.discord, threadId, "just chatting among humans", false),
    );
    h.discord.gateway.dispatch(
      "MESSAGE_CREATE",
      userMessage(h.discord, threadId, `<@${IDS.bot}> what does it propose?`, true),
    );
    const answer = await h.discord.waitFor(
      (c) => c.method === "POST" && c.path === `/channels/${threadId}/messages` && c.body.embeds?.length > 0,
      "the thread answer",
    );
    expect(h.discord.callsTo("POST", new RegExp(`^/channels/${threadId}/messages$`)).length).toBe(before + 1);
    expect(answer.body.embeds[0].title).toBe("Q: what does it propose?");
    expect(answer.body.allowed_mentions).toEqual({ parse: [] });
  });

  test("without the Create Public Threads permission, a clear notice and no thread", async () => {
    const threadsBefore = h.discord.callsTo("POST", /\/threads$/).length;
    const perms = BigInt(ALL_PERMISSIONS) & ~CREATE_PUBLIC_THREADS & ~ADMINISTRATOR;
    const i = slash(
      h.discord,
      "discuss",
      { id: h.engine.papers.day("2025-08-12")[2]!.id },
      { appPermissions: perms.toString() },
    );
    h.discord.interact(i);
    const cb = await h.discord.waitFor(callback(i.token));
    expect(cb.body.data.content).toMatch(/missing CreatePublicThreads/);
    expect(h.discord.callsTo("POST", /\/threads$/)).toHaveLength(threadsBefore);
  });

  test("a 403 from Discord when opening the thread becomes a follow-up notice", async () => {
    h.discord.failNext("POST", /\/threads$/, 403, { code: 50013, message: "Missing Permissions" });
    const i = slash(h.discord, "discuss", { id: h.engine.papers.day("2025-08-12")[3]!.id });
    h.discord.interact(i);
    const follow = await h.discord.waitFor(
      (c) => c.method === "POST" && c.path === `/webhooks/${IDS.app}/${i.token}`,
      "the notice",
    );
    expect(follow.body.content).toMatch(/^⚠️ I couldn't open a discussion thread: I'm missing a permission/);
  });
});

describe("resilience", () => {
  test("a gateway disconnect mid-session: discord.js resumes and the bot keeps answering", async () => {
    const identifies = h.discord.gateway.ops(2).length;
    const resumed = new Promise((resolve) => h.discord.gateway.once("resumed", resolve));
    h.discord.gateway.disconnect(4000);
    // Sent while disconnected: replayed on resume.
    const i = slash(h.discord, "help");
    h.discord.interact(i);
    await resumed;
    const resume = h.discord.gateway.ops(6).at(-1)!;
    expect(resume.d.session_id).toBe("session-1");
    expect(h.discord.gateway.ops(2)).toHaveLength(identifies);
    const cb = await h.discord.waitFor(callback(i.token), "an answer after the resume");
    expect(cb.body.data.embeds[0].title).toBe("paperboy");
    expect(h.adapter.status().state).toBe("connected");
  });

  test("a 429 with retry_after: discord.js waits and retries, the rate limit is logged, one delivery", async () => {
    h.discord.failNext(
      "POST",
      new RegExp(`^/channels/${IDS.channel}/messages$`),
      429,
      { message: "You are being rate limited.", retry_after: 0.05, global: false },
      { "retry-after": "0.05" },
    );
    const before = h.discord.callsTo("POST", new RegExp(`^/channels/${IDS.channel}/messages$`)).length;
    const ids = await h.adapter.post({ platform: "discord", workspace: IDS.guild, channel: IDS.channel }, [
      { kind: "notice", level: "info", text: "hello @everyone" },
    ]);
    expect(ids).toHaveLength(1);
    const posts = h.discord.callsTo("POST", new RegExp(`^/channels/${IDS.channel}/messages$`)).slice(before);
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expectInert(posts[1]!.body.content);
    expect(h.logs.some((l) => l.level === 40 && /429/.test(l.msg))).toBe(true);
  });

  test("post() splits a day's roundup over messages within the limits", async () => {
    const before = h.discord.callsTo("POST", new RegExp(`^/channels/${IDS.channel}/messages$`)).length;
    const roundup = await sampleDayRoundup(h);
    const ids = await h.adapter.post({ platform: "discord", workspace: IDS.guild, channel: IDS.channel }, [
      roundup,
    ]);
    const posts = h.discord.callsTo("POST", new RegExp(`^/channels/${IDS.channel}/messages$`)).slice(before);
    expect(posts).toHaveLength(ids.length);
    expect(posts[0]!.body.content).toMatch(/Papers of 2025-08-12/);
    expect(posts.flatMap((p) => p.body.embeds).length).toBeGreaterThan(1);
  });

  test("post() to a channel Discord doesn't know fails with a typed error", async () => {
    await expect(
      h.adapter.post({ platform: "discord", workspace: IDS.guild, channel: "1999999999999999999" }, [
        { kind: "notice", level: "info", text: "x" },
      ]),
    ).rejects.toMatchObject({ code: "E_PLATFORM" });
  });
});

test("threadMessages: all asks for MessageContent and treats every thread message as a question", async () => {
  const all = await startHarness({ threadMessages: "all" });
  try {
    expect(all.discord.gateway.ops(2)[0]!.d.intents).toBe(
      GUILDS | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS | MESSAGE_CONTENT,
    );
    const i = slash(all.discord, "discuss", { id: all.engine.papers.day("2025-08-12")[0]!.id });
    all.discord.interact(i);
    const created = await all.discord.waitFor((c) => c.method === "POST" && /\/threads$/.test(c.path));
    const threadId = created.path.split("/")[4]!;
    await all.discord.waitFor((c) => c.path === `/channels/${threadId}/messages`, "the intro");
    all.discord.gateway.dispatch(
      "MESSAGE_CREATE",
      userMessage(all.discord, threadId, "which datasets?", false),
    );
    const answer = await all.discord.waitFor(
      (c) => c.path === `/channels/${threadId}/messages` && c.body.embeds?.length > 0,
    );
    expect(answer.body.embeds[0].title).toBe("Q: which datasets?");
  } finally {
    await all.close();
  }
});
