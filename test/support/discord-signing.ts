/**
 * Signing Discord interactions as Discord does, for tests that post to `/discord/interactions`:
 * an Ed25519 keypair (its public key in hex is what DISCORD_PUBLIC_KEY holds), and the headers of
 * a signed request (`X-Signature-Ed25519` over `X-Signature-Timestamp` + the raw body).
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface SigningKeys {
  privateKey: KeyObject;
  /** The public key as the Developer Portal shows it: 64 hex characters. */
  publicKeyHex: string;
}

export function signingKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  // The raw key is the last 32 bytes of the SubjectPublicKeyInfo.
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString("hex") };
}

/** The headers of a request Discord signed at `nowMs` (default now) for this body. */
export function signedHeaders(
  keys: SigningKeys,
  body: string,
  nowMs: number = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const signature = sign(null, Buffer.from(timestamp + body, "utf8"), keys.privateKey).toString("hex");
  return {
    "content-type": "application/json",
    "x-signature-ed25519": signature,
    "x-signature-timestamp": timestamp,
  };
}

/** POSTs an interaction, signed, to a paperboy endpoint; the response's status and JSON body. */
export async function postInteraction(
  url: string,
  keys: SigningKeys,
  payload: unknown,
  options: { nowMs?: number; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, {
    method: "POST",
    headers: { ...signedHeaders(keys, body, options.nowMs), ...options.headers },
    body,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}
