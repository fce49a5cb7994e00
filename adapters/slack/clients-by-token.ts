/**
 * Web API clients by token, made on first use and kept for the next request with that token (a
 * client per request would repeat its setup and lose its rate-limit queue); the least recently
 * used dropped past `TOKEN_CLIENTS_KEPT`, so rotating OAuth tokens do not pile up clients. A
 * dropped client still finishes what it was doing: the caller holds it.
 */
import type { webApi } from "@slack/bolt";
import { LRUCache } from "lru-cache";
import { TOKEN_CLIENTS_KEPT } from "./limits.js";

export class ClientsByToken {
  private readonly byToken: LRUCache<string, webApi.WebClient>;

  constructor(
    private readonly make: (token: string) => webApi.WebClient,
    max = TOKEN_CLIENTS_KEPT,
  ) {
    this.byToken = new LRUCache<string, webApi.WebClient>({ max });
  }

  /** The client for `token`: the one kept, or a new one, kept. */
  get(token: string): webApi.WebClient {
    let client = this.byToken.get(token);
    if (!client) {
      client = this.make(token);
      this.byToken.set(token, client);
    }
    return client;
  }

  /** How many clients are kept (at most the capacity). */
  get size(): number {
    return this.byToken.size;
  }
}
