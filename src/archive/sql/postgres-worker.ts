/**
 * The worker thread that holds a process's PostgreSQL connections (node-postgres clients). The
 * main thread sends it one request at a time and waits for the answer (sync-call.ts), which is
 * how the synchronous archive interface reaches an asynchronous driver. Nothing else runs here.
 */
import { workerData } from "node:worker_threads";
import pg from "pg";
import type { WorkerReply, WorkerRequest } from "./postgres-protocol.js";
import { serveCalls, type WorkerSide } from "./sync-call.js";

// bigint (counts, primary keys) and numeric (sums) as numbers: every value the archive keeps fits
// in 2^53, and both engines then hand the stores the same types.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

interface Connection {
  config: pg.ClientConfig;
  client: pg.Client | null;
  /** The last connection error, when the client died between requests. */
  lost: Error | null;
}

const connections = new Map<number, Connection>();

async function connect(conn: Connection): Promise<pg.Client> {
  const client = new pg.Client(conn.config);
  // A connection that dies while idle (server restart, network) is noted and replaced on the next
  // request outside a transaction; an unhandled 'error' event would end the worker.
  client.on("error", (err) => {
    conn.lost = err;
    conn.client = null;
  });
  await client.connect();
  conn.client = client;
  conn.lost = null;
  return client;
}

async function handle(req: WorkerRequest): Promise<WorkerReply> {
  switch (req.kind) {
    case "connect": {
      const conn: Connection = { config: req.config, client: null, lost: null };
      await connect(conn);
      connections.set(req.id, conn);
      return { kind: "connected" };
    }
    case "query": {
      const conn = connections.get(req.id);
      if (!conn) throw Object.assign(new Error("the PostgreSQL connection is closed"), { code: "PB_CLOSED" });
      let client = conn.client;
      if (!client) {
        // Inside a transaction a new connection would silently lose its earlier statements.
        if (!req.reconnect)
          throw Object.assign(
            new Error(`the connection to PostgreSQL was lost (${conn.lost?.message ?? "closed"})`),
            { code: "PB_CONNECTION_LOST" },
          );
        client = await connect(conn);
      }
      const result = await client.query({ text: req.sql, values: req.params as unknown[] });
      return { kind: "rows", rows: result.rows, rowCount: result.rowCount ?? 0 };
    }
    case "close": {
      const conn = connections.get(req.id);
      connections.delete(req.id);
      await conn?.client?.end().catch(() => undefined);
      return { kind: "closed" };
    }
  }
}

serveCalls((workerData as { side: WorkerSide }).side, handle);
