/**
 * Calls into a worker thread and waits for its answer: the main thread posts a request, sleeps on
 * a shared flag (Atomics.wait) until the worker has answered, and reads the answer synchronously
 * off a message port. This is how synchronous callers reach an asynchronous driver; the worker's
 * own event loop does the I/O while the caller waits. (synckit does the same, but cannot start a
 * TypeScript worker under Node 20, which tests need.)
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";

interface Envelope<T> {
  id: number;
  ok: boolean;
  value?: T;
  error?: { message: string; props: Record<string, unknown> };
}

export interface WorkerSide {
  flag: Int32Array;
  port: MessagePort;
}

/** The worker's half: answers each request with `handle`, one at a time, in order. */
export function serveCalls<Req, Res>(side: WorkerSide, handle: (req: Req) => Promise<Res>): void {
  let queue = Promise.resolve();
  side.port.on("message", ({ id, req }: { id: number; req: Req }) => {
    queue = queue.then(async () => {
      let envelope: Envelope<Res>;
      try {
        envelope = { id, ok: true, value: await handle(req) };
      } catch (err) {
        const e = err as Error & Record<string, unknown>;
        // Own properties (a driver error's code, detail, …) survive the trip; the class does not.
        const props: Record<string, unknown> = {};
        for (const key of Object.keys(e)) {
          const v = e[key];
          if (v === null || ["string", "number", "boolean"].includes(typeof v)) props[key] = v;
        }
        envelope = { id, ok: false, error: { message: e?.message ?? String(err), props } };
      }
      side.port.postMessage(envelope);
      Atomics.store(side.flag, 0, 1);
      Atomics.notify(side.flag, 0);
    });
  });
}

export class SyncCaller<Req, Res> {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private nextId = 1;

  /**
   * `entry` is the worker's module (a file URL), or JavaScript to evaluate; `workerData.side` is
   * what the worker passes to `serveCalls`.
   */
  constructor(entry: URL | string, options: { eval?: boolean; timeoutMs: number }) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(entry, {
      eval: options.eval === true,
      workerData: { side: { flag: this.flag, port: channel.port2 } },
      transferList: [channel.port2],
    });
    // The worker never keeps the process alive on its own.
    this.worker.unref();
    this.port.unref();
    this.timeoutMs = options.timeoutMs;
  }

  private readonly timeoutMs: number;

  call(req: Req): Res {
    const id = this.nextId++;
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ id, req });
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.flag, 0, 0, left) === "timed-out")
        throw Object.assign(new Error(`no answer from the database worker within ${this.timeoutMs} ms`), {
          code: "PB_WORKER_TIMEOUT",
        });
      Atomics.store(this.flag, 0, 0);
      // Answers to requests given up on earlier are read and dropped.
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const envelope = m.message as Envelope<Res>;
        if (envelope.id !== id) continue;
        if (envelope.ok) return envelope.value as Res;
        const error = envelope.error as { message: string; props: Record<string, unknown> };
        throw Object.assign(new Error(error.message), error.props);
      }
    }
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
