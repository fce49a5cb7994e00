import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { OwedAnswerStore } from "../../src/archive/owed-answers.js";
import { SlackMessageSchema } from "../support/slack-blockkit.js";
import { dieAfterAck, type Harness, owedIn, startHarness } from "./harness.js";

describe("Slack in Socket Mode (real Bolt SocketModeReceiver, loopback WebSocket)", () => {
  let wss: WebSocketServer;
  let h: Harness;
  let socket: WebSocket;
  const fromApp: Record<string, any>[] = [];

  beforeAll(async () => {
    wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
    const connected = new Promise<WebSocket>((resolve) =>
      wss.once("connection", (ws) => {
        ws.on("message", (data) => fromApp.push(JSON.parse(String(data))));
        ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
        resolve(ws);
      }),
    );
    // The harness's fake Web API answers apps.connections.open with our WebSocket's address.
    h = await startHarness({
      adapter: {
        signingSecret: undefined,
        appToken: "xapp-1-test",
        owed: owedIn(() => h, "socket", 60_000),
      },
      before: (api) =>
        api.script("apps.connections.open", {
          body: { ok: true, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/` },
        }),
    });
    socket = await connected;
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });

  it("connects with the app token, acks a slash command envelope and answers at the response_url", async () => {
    expect(h.adapter.mode.transport).toBe("socket");
    expect(h.adapter.status().state).toBe("connected");
    expect(h.api.of("apps.connections.open")[0]?.token).toBe("xapp-1-test");
    socket.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          team_id: "T1",
          channel_id: "C-SOCK",
          user_id: "U1",
          command: "/papers",
          text: "search sparse attention",
          response_url: h.api.responseUrl("socket-1"),
          trigger_id: "trig-socket-1",
          api_app_id: "A1",
        },
      }),
    );
    const answer = await h.api.waitFor((c) => c.path === "/respond/socket-1", "the Socket Mode answer");
    expect(fromApp.some((m) => m.envelope_id === "env-1")).toBe(true);
    expect(SlackMessageSchema.safeParse(answer.body).success).toBe(true);
    expect(answer.body.response_type).toBe("in_channel");
  });

  it("owes a mention before its ack goes back over the socket", async () => {
    const death = dieAfterAck(h, "Ev-SOCK-1");
    try {
      const acked = new Promise<number>((resolve) =>
        socket.on("message", (data) => {
          // What the archive holds at the moment the ack reaches Slack.
          if (JSON.parse(String(data)).envelope_id === "env-2")
            resolve(h.engine.store(OwedAnswerStore).pending());
        }),
      );
      socket.send(
        JSON.stringify({
          envelope_id: "env-2",
          type: "events_api",
          accepts_response_payload: false,
          retry_attempt: 0,
          payload: {
            team_id: "T1",
            api_app_id: "A1",
            type: "event_callback",
            event_id: "Ev-SOCK-1",
            event_time: 1755075600,
            authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
            event: {
              type: "app_mention",
              user: "U1",
              text: "<@UBOT> search diffusion",
              channel: "C-SOCK",
              ts: "1.1",
            },
          },
        }),
      );
      // Acked while its listener never runs (a replica killed after the ack): already owed.
      expect(await acked).toBe(1);
      await death.reached;
    } finally {
      death.revive();
    }
  });

  it("stops once and reports stopped", async () => {
    await Promise.all([h.adapter.stop(), h.adapter.stop()]);
    expect(h.adapter.status().state).toBe("stopped");
  });
});
