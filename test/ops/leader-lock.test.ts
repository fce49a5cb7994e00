/**
 * The leader lock's decisions, with sessions standing in for PostgreSQL connections and a timer
 * the test ticks: a standby leads once its session gets the lock, a leader steps down at once when
 * its connection closes or stops answering, and stop() lets the lock go. (The real advisory lock,
 * with two replicas, is test/postgres/gateway-leader.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { LeaderLock, type LockSession } from "../../src/ops/leader-lock.js";

/** One lock shared by fake sessions, as the server holds it for one connection at a time. */
class FakeServer {
  holder: FakeSession | null = null;
  sessions: FakeSession[] = [];
  connect = async (): Promise<LockSession> => {
    const s = new FakeSession(this);
    this.sessions.push(s);
    return s;
  };
}

class FakeSession implements LockSession {
  closedBy: ((reason: string) => void) | null = null;
  open = true;
  answers = true;
  constructor(private readonly server: FakeServer) {}
  async tryLock() {
    if (!this.open) throw new Error("connection closed");
    if (this.server.holder === null) this.server.holder = this;
    return this.server.holder === this;
  }
  async ping() {
    if (!this.answers) throw new Error("query timeout");
  }
  onClosed(listener: (reason: string) => void) {
    this.closedBy = listener;
  }
  /** The server ends the connection: its locks are freed. */
  kill() {
    this.open = false;
    if (this.server.holder === this) this.server.holder = null;
    this.closedBy?.("terminated");
  }
  async close() {
    this.open = false;
    if (this.server.holder === this) this.server.holder = null;
  }
}

const manualTimer = { setInterval: () => 1, clearInterval: () => {} };

function lock(server: FakeServer | null) {
  const l = new LeaderLock({ connect: server?.connect ?? null, logger: silentLogger(), timer: manualTimer });
  const events: string[] = [];
  l.on("lead", () => events.push("lead"));
  l.on("lost", () => events.push("lost"));
  return { l, events };
}

describe("LeaderLock", () => {
  it("on SQLite (no lock server) leads at once", async () => {
    const { l, events } = lock(null);
    await l.start();
    expect(l.role()).toBe("single");
    expect(events).toEqual(["lead"]);
  });

  it("one of two leads; the standby takes over when the leader's connection is killed, never both", async () => {
    const server = new FakeServer();
    const a = lock(server);
    const b = lock(server);
    await a.l.start();
    await b.l.start();
    expect([a.l.role(), b.l.role()]).toEqual(["leader", "standby"]);
    await b.l.tick();
    expect(b.l.role()).toBe("standby");
    server.holder?.kill();
    expect(a.l.role()).toBe("standby");
    expect(a.events).toEqual(["lead", "lost"]);
    await b.l.tick();
    expect([a.l.role(), b.l.role()]).toEqual(["standby", "leader"]);
    await a.l.tick();
    expect(a.l.role()).toBe("standby");
  });

  it("a leader whose connection stops answering steps down on its next check; stop() frees the lock", async () => {
    const server = new FakeServer();
    const a = lock(server);
    await a.l.start();
    const session = server.holder as FakeSession;
    session.answers = false;
    await a.l.tick();
    expect(a.l.role()).toBe("standby");
    expect(server.holder).toBeNull();
    await a.l.tick();
    expect(a.l.role()).toBe("leader");
    await a.l.stop();
    expect(server.holder).toBeNull();
    expect(a.l.role()).toBe("standby");
  });
});
