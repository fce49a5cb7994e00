/**
 * Secrets at rest: chat platforms' OAuth tokens are sealed with AES-256-GCM (node:crypto) under a
 * key from the environment (PAPERBOY_SECRET_KEY) before they reach the archive, so a copied
 * database or backup does not hand out a workspace's bot. Each sealed value is bound to its row
 * (the additional data), so a value moved to another row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ConfigError, ErrorCode } from "../errors.js";

export const SECRET_KEY_ENV = "PAPERBOY_SECRET_KEY";
/** Sealed values start with this (and a version, for a future change of scheme). */
export const SEALED_PREFIX = "enc:v1:";
const KEY_BYTES = 32;
const IV_BYTES = 12;

const HOW =
  "32 random bytes written as 64 hex characters or as base64; make one with `openssl rand -base64 32`";

/** The key from its environment text; a ConfigError that says how to make one otherwise. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, "hex");
  else if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(t)) key = Buffer.from(t, "base64");
  if (!key || key.length !== KEY_BYTES)
    throw new ConfigError(
      ErrorCode.ConfigInvalid,
      `environment variable ${SECRET_KEY_ENV} is not a usable key: it must be ${HOW}`,
      { key: SECRET_KEY_ENV },
    );
  return key;
}

/** `plain` sealed under `key`, bound to `context` (e.g. "installations/slack/team:T1"). */
export function seal(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${SEALED_PREFIX}${[iv, tag, body].map((b) => b.toString("base64url")).join(":")}`;
}

/** The plain text of a sealed value; throws when the key or the context is not the one it was sealed with. */
export function open(sealed: string, key: Buffer, context: string): string {
  const [iv, tag, body] = sealed
    .slice(SEALED_PREFIX.length)
    .split(":")
    .map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !body) throw new Error("the sealed value is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}
