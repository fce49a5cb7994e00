/**
 * The gateway of a replica that leads by serve's lock (gatewayByLock), against the local Discord:
 * the lead lost and taken again, lost or stopped while a login is still opening its socket. After
 * each, the stand-in counts the gateway connections left open: one while leading, none otherwise.
 * (test/postgres/gateway-leader.test.ts runs the same handover between two serve processes.)
 */
import { once } from "node:events";
import { afterEach, expect, test, vi } from "vitest";
import { IDS } from "../support/discord-stand-in.js";
import { type Harness, startHarness } from "./harness.js";

const IDENTIFY = 2;
let h: Harness;

afterEach(async () => {
  await h?.close();
});

const channel = { platform: "discord" as const, workspace: IDS.guild, channel: IDS.channel };

/** Resolves when the stand-in holds a new handshake (the client's socket is CONNECTING). */
function heldHandshake(): Promise<unknown> {
  return once(h.discord.gateway, "held");
}

async function noConnectionLeft(): Promise<void> {
  await vi.waitFor(() => expect(h.discord.gateway.openConnections()).toBe(0));
}

test("a replica that loses the lead and takes it again connects a fresh gateway at once, posts while standing by, and stop() closes the gateway", async () => {
  h = await startHarness({ gatewayByLock: true });
  expect(h.discord.gateway.openConnections()).toBe(0);
  await h.adapter.lead?.(true);
  expect(h.adapter.status()).toEqual({ state: "connected" });
  expect(h.discord.gateway.openConnections()).toBe(1);

  await h.adapter.lead?.(false);
  await noConnectionLeft();
  expect(h.adapter.status().detail).toMatch(/standby/);
  // A standby still posts roundups through REST: closing the gateway keeps the REST token.
  const ids = await h.adapter.post(channel, [{ kind: "notice", level: "info", text: "standing by" }]);
  expect(ids).toHaveLength(1);

  // Taken again: a second session, READY without waiting out any timeout.
  await h.adapter.lead?.(true);
  expect(h.adapter.status()).toEqual({ state: "connected" });
  expect(h.discord.gateway.ops(IDENTIFY)).toHaveLength(2);
  expect(h.discord.gateway.openConnections()).toBe(1);

  await h.adapter.stop();
  await noConnectionLeft();
});

test("losing the lead while the gateway's socket is still opening leaves no connection", async () => {
  h = await startHarness({ gatewayByLock: true });
  const release = h.discord.gateway.holdHandshakes();
  const held = heldHandshake();
  const leading = h.adapter.lead?.(true);
  await held;
  const lost = h.adapter.lead?.(false);
  release();
  await Promise.all([leading, lost]);
  await noConnectionLeft();
  expect(h.adapter.status().detail).toMatch(/standby/);
});

test("stop() while the gateway's socket is still opening leaves no connection", async () => {
  h = await startHarness({ gatewayByLock: true });
  const release = h.discord.gateway.holdHandshakes();
  const held = heldHandshake();
  const leading = h.adapter.lead?.(true);
  await held;
  const stopped = h.adapter.stop();
  release();
  await Promise.all([leading, stopped]);
  await noConnectionLeft();
  expect(h.adapter.status()).toEqual({ state: "stopped" });
});

test("the lead lost and taken back while a login is opening ends with one gateway connection", async () => {
  h = await startHarness({ gatewayByLock: true });
  const release = h.discord.gateway.holdHandshakes();
  const held = heldHandshake();
  const first = h.adapter.lead?.(true);
  await held;
  const lost = h.adapter.lead?.(false);
  const again = h.adapter.lead?.(true);
  release();
  await Promise.all([first, lost, again]);
  expect(h.adapter.status()).toEqual({ state: "connected" });
  await vi.waitFor(() => expect(h.discord.gateway.openConnections()).toBe(1));

  await h.adapter.stop();
  await noConnectionLeft();
});
