import { createHash, randomBytes } from "node:crypto";

/**
 * API keys read `enc_<prefix>_<secret>`: the prefix is shown in lists so people tell keys apart; the secret is
 * shown once, and only its SHA-256 is kept (a key is random enough that a slow hash would add nothing).
 */
export type NewApiKey = { token: string; prefix: string; secretHash: string };

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Letters and digits only: a key is selected whole by a double click, and its `_` separators stay unambiguous
 * (base64url's `-` and `_` broke both). Bytes from 248 up are dropped so every character is equally likely.
 */
function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length)) if (byte < 248 && out.length < length) out += alphabet[byte % 62];
  }
  return out;
}

export function newApiKey(): NewApiKey {
  const prefix = `enc_${randomAlphanumeric(8)}`;
  // 32 characters of 62: 190 bits.
  const token = `${prefix}_${randomAlphanumeric(32)}`;
  return { token, prefix, secretHash: hashApiKey(token) };
}

export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}
