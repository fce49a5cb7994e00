/**
 * Discord signs every request it sends to an Interactions Endpoint URL with the application's
 * Ed25519 key: `X-Signature-Ed25519` (hex) over `X-Signature-Timestamp` followed by the raw body.
 * node:crypto verifies Ed25519 natively; the public key (DISCORD_PUBLIC_KEY, 64 hex characters
 * from the Developer Portal) becomes a KeyObject once, at start.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const PUBLIC_KEY_HEX = /^[0-9a-fA-F]{64}$/;
const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;

/** True when `hex` has the shape of an Ed25519 public key (32 bytes in hex). */
export function isPublicKeyHex(hex: string): boolean {
  return PUBLIC_KEY_HEX.test(hex);
}

/** The KeyObject of a hex public key; throws on a malformed one (the config checks the shape first). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKeyHex(hex)) throw new Error("an Ed25519 public key is 64 hex characters");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

/** True when `signature` (hex) signs `timestamp + body` under `key`. Never throws. */
export function signatureValid(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (!signature || !timestamp || !SIGNATURE_HEX.test(signature)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, "utf8"), body]),
      key,
      Buffer.from(signature, "hex"),
    );
  } catch {
    return false;
  }
}
