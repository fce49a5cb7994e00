/**
 * Create Message nonces. discord.js retries a request that timed out, lost its connection or got a
 * 5xx (`retries: 3`); creating a message is not idempotent, so a message Discord stored before its
 * answer was lost would appear twice. Every message paperboy creates in a channel or thread
 * therefore carries a nonce derived from what it is (a delivery's or a scheduled post's key and the
 * part, the thread message it answers and the part) with `enforce_nonce: true`: Discord then
 * returns the message the same author created with that nonce in the past few minutes instead of
 * creating another. Interaction responses and webhook follow-ups take no nonce (docs/postgres.md,
 * "A slow Discord").
 */
import { createHash } from "node:crypto";
import { NONCE_MAX } from "./limits.js";

/**
 * The nonce of part `part` of the message(s) identified by `key`: the same on every try, different
 * for every other key or part. Hashed, since a key is longer than Discord's 25 characters; 25
 * base64url characters keep 150 bits of the hash.
 */
export function messageNonce(key: string, part: number): string {
  return createHash("sha256").update(`${key}#${part}`).digest("base64url").slice(0, NONCE_MAX);
}

/** The Create Message body fields (REST, snake case) that make Discord deduplicate by the nonce. */
export function enforcedNonce(key: string, part: number): { nonce: string; enforce_nonce: true } {
  return { nonce: messageNonce(key, part), enforce_nonce: true };
}
