import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { ErrorCode, FetchError } from "../../src/errors.js";
import { backoffDelay, retryAfterMs } from "../../src/fetch/backoff.js";
import { NotPublishedYetError } from "../../src/fetch/errors.js";
import { HfClient, type HfClientOptions } from "../../src/fetch/hf-client.js";
import { silentLogger } from "../../src/logger.js";
import { HfApiServer } from "../support/hf-api-server.js";

const FIXTURE = "test/fixtures/digests/2026-02-02.hf-api.json";
const DAY = "2026-02-02";

let server: HfApiServer;
let waits: number[];

function client(overrides: Partial<HfClientOptions> = {}): HfClient {
  return new HfClient({
    baseUrl: server.baseUrl,
    timeoutMs: 2_000,
    retries: 3,
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    clock: new ManualClock("2026-02-02T08:00:00Z"),
    logger: silentLogger(),
    // Records the waits instead of waiting them: retries run in milliseconds.
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
}

beforeEach(async () => {
  server = await new HfApiServer().start();
  waits = [];
});
afterEach(async () => {
  await server.close();
});

describe("HfClient", () => {
  it("returns a published day's JSON as received", async () => {
    server.publish(DAY, FIXTURE);
    const answer = await client().day(DAY);
    const entries = JSON.parse(answer.text) as unknown[];
    expect(entries.length).toBeGreaterThan(0);
    expect(answer.entries).toBe(entries.length);
    expect(server.requests).toEqual([{ path: "/api/daily_papers", date: DAY }]);
    expect(waits).toEqual([]);
  });

  it("says not published yet for an empty day, without retrying", async () => {
    const err = await client()
      .day(DAY)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotPublishedYetError);
    expect((err as NotPublishedYetError).code).toBe(ErrorCode.NotPublishedYet);
    expect((err as Error).message).toContain("not published yet");
    expect(server.requests).toHaveLength(1);
  });

  it("retries 5xx with exponential backoff and full jitter", async () => {
    server.publish(DAY, FIXTURE);
    server.script(DAY, { status: 500 }, { status: 503 });
    const answer = await client().day(DAY);
    expect(answer.entries).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
    // random() = 0.5 of caps 1000·2^0, 1000·2^1.
    expect(waits).toEqual([500, 1_000]);
  });

  it("waits what a 429's Retry-After says", async () => {
    server.publish(DAY, FIXTURE);
    server.script(DAY, { status: 429, headers: { "retry-after": "7" } });
    await client().day(DAY);
    expect(waits).toEqual([7_000]);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 200 whose JSON is cut off", async () => {
    server.publish(DAY, FIXTURE);
    server.script(DAY, { status: 200, body: '[{"paper": {"id": "2601.2' });
    const answer = await client().day(DAY);
    expect(answer.entries).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(2);
  });

  it("times out a server that never answers, or stalls mid-body, and tries again", async () => {
    server.publish(DAY, FIXTURE);
    server.script(DAY, { hang: true }, { stallBody: true });
    const answer = await client({ timeoutMs: 150 }).day(DAY);
    expect(answer.entries).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it("gives up after the configured retries with a FetchError that says why and what to do", async () => {
    server.script(DAY, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const err = await client()
      .day(DAY)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe(ErrorCode.Fetch);
    expect((err as Error).message).toMatch(/HTTP 500.*after 4 tries.*paperboy fetch --date 2026-02-02/);
    expect(server.requests).toHaveLength(4);
  });

  it("does not retry a refused request (4xx other than 404 and 429)", async () => {
    server.script(DAY, { status: 403, body: '{"error":"forbidden"}' });
    const err = await client()
      .day(DAY)
      .catch((e: unknown) => e);
    expect((err as FetchError).code).toBe(ErrorCode.Fetch);
    expect((err as Error).message).toContain("HTTP 403");
    expect(server.requests).toHaveLength(1);
  });

  it("retries network errors (nothing listening) and names them", async () => {
    const base = server.baseUrl;
    await server.close();
    server = await new HfApiServer().start();
    const err = await client({ baseUrl: base, retries: 1 })
      .day(DAY)
      .catch((e: unknown) => e);
    expect((err as FetchError).code).toBe(ErrorCode.Fetch);
    expect((err as Error).message).toContain("network error (ECONNREFUSED)");
    expect(waits).toHaveLength(1);
  });
});

describe("backoff", () => {
  it("caps the jittered delay at maxMs", () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1_000 }, () => 0.999)).toBe(99);
    expect(backoffDelay(10, { baseMs: 100, maxMs: 1_000 }, () => 0.999)).toBe(999);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 1_000 }, () => 0)).toBe(0);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = new Date("2026-02-02T08:00:00Z");
    expect(retryAfterMs("30", now)).toBe(30_000);
    expect(retryAfterMs("Mon, 02 Feb 2026 08:01:00 GMT", now)).toBe(60_000);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
