/**
 * Delivery marks in Slack: every message of a roundup carries message metadata naming the
 * delivery and its part, and a process that takes over a claim reads the channel's history
 * (`conversations.history` with `include_all_metadata`, from the delivery's due time) to find
 * the parts already posted. Reading history needs channels:history / groups:history, which the
 * manifest asks for.
 */
import type { webApi } from "@slack/bolt";
import type { DeliveryMark } from "../../src/bot/adapter.js";
import { HISTORY_PAGE_SIZE, MAX_HISTORY_PAGES } from "./limits.js";

/** The metadata event type of paperboy's deliveries. */
export const MARK_EVENT = "paperboy_delivery";

export interface MarkPayload {
  delivery: string;
  /** 1-based part of `parts`. */
  part: number;
  parts: number;
  [key: string]: string | number;
}

export function markMetadata(
  mark: DeliveryMark,
  part: number,
  parts: number,
): { event_type: string; event_payload: MarkPayload } {
  return { event_type: MARK_EVENT, event_payload: { delivery: mark.id, part, parts } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Partial<MarkPayload> };
}

/**
 * The parts of `mark` already in the channel, by 1-based part number → message ts. Throws when
 * the history cannot be read (the caller decides what to do without it).
 */
export async function markedParts(
  client: webApi.WebClient,
  channel: string,
  mark: DeliveryMark,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const res = (await client.conversations.history({
      channel,
      oldest: (mark.since.getTime() / 1000).toFixed(6),
      limit: HISTORY_PAGE_SIZE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    })) as { messages?: HistoryMessage[]; has_more?: boolean; response_metadata?: { next_cursor?: string } };
    for (const m of res.messages ?? []) {
      const meta = m.metadata;
      if (meta?.event_type !== MARK_EVENT || meta.event_payload?.delivery !== mark.id || !m.ts) continue;
      const part = Number(meta.event_payload.part);
      if (Number.isInteger(part) && part > 0) found.set(part, m.ts);
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) break;
  }
  return found;
}
