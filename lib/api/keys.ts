import { createHash, randomBytes } from "node:crypto";

/**
 * API keys read `enc_<prefix>_<secret>`: the prefix is shown in lists so people tell keys apart; the secret is
 * shown once, and only its SHA-256 is kept (a key is random enough that a slow hash would add nothing).
 */
export type NewApiKey = { token: string; prefix: string; secretHash: string };

export function newApiKey(): NewApiKey {
  const prefix = `enc_${randomBytes(6).toString("base64url")}`;
  const token = `${prefix}_${randomBytes(24).toString("base64url")}`;
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
