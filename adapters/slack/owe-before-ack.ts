/**
 * Owes an event's answer before Bolt acks it. Bolt acknowledges an Events API request (HTTP 200,
 * or the Socket Mode envelope) inside App.processEvent, before any middleware or listener runs,
 * and Slack never resends an acked event: a replica killed between that ack and its listener
 * would lose the mention. Both receivers (HTTP, after verifying the signature; Socket Mode, over
 * the app-token socket) hand every request to `app.processEvent`, so wrapping it is the one place
 * that runs after a request is trusted and before it is acked.
 *
 * What was recorded is kept per delivery (the body object Bolt passes on to the middleware and
 * listeners) so the listener answers under that record instead of owing it again (which would
 * look like a repeat). A record no listener took by the time Bolt is done with the request (Bolt
 * did not authorize it, or its own ignore-self rule dropped it) is released, so that no other
 * replica re-runs what this one decided not to answer.
 */
import type { App } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/**
 * What the seam did with a delivery: owed under a record (`O`), found already owed ("repeat"),
 * or let through without a record (no store, or the archive refused: answered all the same).
 */
export type Early<O> = O | "repeat" | "unrecorded";

export interface OweBeforeAckOptions<O> {
  /** Owes the body's answer if paperboy answers it; undefined when it asks nothing. Never throws. */
  owe(body: Record<string, unknown>): Early<O> | undefined;
  /** A record no listener took: settled, so no replica re-runs it. Never throws. */
  release(owed: O): void;
  logger: Logger;
}

export interface OwedBeforeAck<O> {
  /** What the seam did with this delivery, without taking it (the dedupe middleware). */
  peek(body: object): Early<O> | undefined;
  /** What the seam did with this delivery; the listener now answers (or settles) it. */
  take(body: object): Early<O> | undefined;
}

export function oweBeforeAck<O extends object>(app: App, o: OweBeforeAckOptions<O>): OwedBeforeAck<O> {
  const early = new WeakMap<object, Early<O>>();
  const taken = new WeakSet<object>();
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const { body } = event;
    let done: Early<O> | undefined;
    try {
      done = o.owe(body);
    } catch (err) {
      // The ack must go out whatever happens here: the listener then owes it as it starts.
      o.logger.warn({ reason: (err as Error).message }, "could not owe a Slack event before its ack");
    }
    if (done !== undefined) early.set(body, done);
    try {
      await processEvent(event);
    } finally {
      if (typeof done === "object" && !taken.has(body)) o.release(done);
    }
  };
  return {
    peek: (body) => early.get(body),
    take(body) {
      taken.add(body);
      return early.get(body);
    },
  };
}
