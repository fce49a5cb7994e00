/** What the main thread and the PostgreSQL worker say to each other (postgres.ts, postgres-worker.ts). */
import type { ClientConfig } from "pg";

export type WorkerRequest =
  | { kind: "connect"; id: number; config: ClientConfig }
  | {
      kind: "query";
      id: number;
      sql: string;
      params: readonly unknown[];
      /** May a lost connection be replaced first? Only outside a transaction. */
      reconnect: boolean;
    }
  | { kind: "close"; id: number };

export type WorkerReply =
  | { kind: "connected" }
  | { kind: "rows"; rows: Record<string, unknown>[]; rowCount: number }
  | { kind: "closed" };
