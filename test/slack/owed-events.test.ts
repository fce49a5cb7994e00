/**
 * The one rule for which Slack events paperboy answers (and so owes before Bolt's ack): applied
 * before the ack with the bot's id from the body, and in the listener with Bolt's.
 */
import { describe, expect, it } from "vitest";
import { askedEvent, botUserOf } from "../../adapters/slack/owed-events.js";

const NOW = new Date("2025-08-13T09:00:00Z");
const DISCUSSION = "1755075000.000100";
const body = (event: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "event_callback",
  team_id: "T1",
  event_id: "Ev1",
  authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
  event,
  ...extra,
});
const opts = (botUserId?: string) => ({
  botUserId,
  isDiscussion: (ctx: { thread?: string }) => ctx.thread === DISCUSSION,
  now: NOW,
});

describe("askedEvent", () => {
  it("an @-mention from a person is asked, with the bot's mentions taken out, in its thread", () => {
    const asked = askedEvent(
      body({
        type: "app_mention",
        user: "U1",
        channel: "C1",
        text: "<@UBOT> search <@UBOT|paperboy> diffusion",
        thread_ts: "9.1",
      }),
      opts("UBOT"),
    );
    expect(asked).toEqual({
      kind: "mention",
      input: "search diffusion",
      ctx: {
        platform: "slack",
        workspace: "T1",
        channel: "C1",
        user: "U1",
        at: NOW,
        addressed: true,
        thread: "9.1",
      },
    });
    // Without the bot's id only the leading mention is known to be the bot's.
    expect(
      askedEvent(body({ type: "app_mention", user: "U1", channel: "C1", text: "<@UBOT> help me" }), opts())
        ?.input,
    ).toBe("help me");
    // A bare mention asks for help.
    expect(
      askedEvent(body({ type: "app_mention", user: "U1", channel: "C1", text: "<@UBOT>" }), opts("UBOT"))
        ?.input,
    ).toBe("help");
  });

  it("the workspace is Bolt's when given, else the body's", () => {
    const mention = body({ type: "app_mention", user: "U1", channel: "C1", text: "<@UBOT> hi" });
    expect(askedEvent(mention, opts("UBOT"))?.ctx.workspace).toBe("T1");
    expect(askedEvent(mention, { ...opts("UBOT"), workspace: "T9" })?.ctx.workspace).toBe("T9");
  });

  it("a person's plain message in a discussion thread is asked; nothing else is", () => {
    const msg = (event: Record<string, unknown>) =>
      askedEvent(
        body({ type: "message", channel: "C1", user: "U2", text: "why?", thread_ts: DISCUSSION, ...event }),
        opts("UBOT"),
      );
    expect(msg({})).toMatchObject({ kind: "thread", input: "why?", ctx: { thread: DISCUSSION, user: "U2" } });
    expect(msg({ thread_ts: "9.9" })).toBeNull(); // no paper bound to that thread
    expect(msg({ thread_ts: undefined })).toBeNull(); // not in a thread
    expect(msg({ subtype: "message_changed" })).toBeNull();
    expect(msg({ bot_id: "B1" })).toBeNull();
    expect(msg({ user: "UBOT" })).toBeNull(); // the bot's own
    expect(msg({ user: undefined })).toBeNull();
    expect(msg({ text: "<@UBOT> search x" })).toBeNull(); // answered as its app_mention
    expect(askedEvent(body({ type: "reaction_added", user: "U2", channel: "C1" }), opts("UBOT"))).toBeNull();
    expect(askedEvent({ type: "block_actions", event: {} }, opts("UBOT"))).toBeNull();
  });

  it("the bot's own mention is never asked", () => {
    expect(
      askedEvent(body({ type: "app_mention", user: "UBOT", channel: "C1", text: "<@UBOT> x" }), opts("UBOT")),
    ).toBeNull();
  });
});

describe("botUserOf", () => {
  it("is the bot installation among the body's authorizations", () => {
    expect(botUserOf(body({}))).toBe("UBOT");
    expect(
      botUserOf({
        authorizations: [
          { user_id: "U5", is_bot: false },
          { user_id: "UB2", is_bot: true },
        ],
      }),
    ).toBe("UB2");
    expect(botUserOf({ authorizations: [{ user_id: "U5", is_bot: false }] })).toBeUndefined();
    expect(botUserOf({})).toBeUndefined();
  });
});
