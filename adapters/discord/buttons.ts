/**
 * Buttons carry the core command they run ("related 2601.23265") in their custom_id. Discord caps
 * custom_id at 100 characters; a longer command (a long search's "More") is kept in a bounded
 * cache under a short key derived from the command, so the same command always gets the same id.
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { CUSTOM_ID_MAX } from "./limits.js";

const INLINE = "pb:";
const KEYED = "pb#";
/** A select menu's custom_id carries a command's verb; the chosen option's value completes it. */
const SELECT = "pbs:";
/** Long commands remembered; beyond this the oldest buttons answer "expired". */
const REMEMBERED = 5000;
/** Buttons older than this are not worth resurrecting. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

export class ButtonCommands {
  private readonly long = new LRUCache<string, string>({ max: REMEMBERED, ttl: REMEMBER_MS });

  encode(command: string): string {
    if (INLINE.length + command.length <= CUSTOM_ID_MAX) return INLINE + command;
    const key = createHash("sha256").update(command).digest("base64url").slice(0, 24);
    this.long.set(key, command);
    return KEYED + key;
  }

  /** The command a button runs; null when it is not ours or has expired. */
  decode(customId: string): string | null {
    if (customId.startsWith(INLINE)) return customId.slice(INLINE.length);
    if (customId.startsWith(KEYED)) return this.long.get(customId.slice(KEYED.length)) ?? null;
    return null;
  }
}

/**
 * A select menu's custom_id: the command's verb ("queue add"), numbered so two menus of one message
 * differ; the chosen option's value (a paper id) completes the command.
 */
export function selectId(verb: string, n: number): string {
  return `${SELECT}${n}:${verb}`;
}

/** The command a select menu's choice runs; null when the menu is not ours. */
export function selectCommand(customId: string, value: string | undefined): string | null {
  const m = /^pbs:\d+:(.+)$/.exec(customId);
  return m && value ? `${m[1]} ${value}` : null;
}
