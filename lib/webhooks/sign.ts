/**
 * Signing of webhook deliveries. Each request carries
 *   Encaisse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the subscription secret>
 *   Encaisse-Event: <event>      Encaisse-Delivery: <delivery id>
 * The timestamp inside the signed text lets receivers refuse a request replayed later.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Encaisse-Signature";
export const EVENT_HEADER = "Encaisse-Event";
export const DELIVERY_HEADER = "Encaisse-Delivery";

/** A new subscription secret: shown once to the administrator, kept to sign. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

const hmac = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export function signWebhookBody(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * For receivers (self-contained, copy it with `node:crypto`): true when `header` signs the raw `body` with
 * `secret` and its timestamp is within `toleranceSeconds` of `nowSeconds`. Any of several `v1=` values may match
 * (a secret being rotated). Compare the raw bytes received, before any JSON parsing.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && /^\d+$/.test(value ?? "")) timestamp = Number(value);
    else if (key === "v1" && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex"), "utf8");
  return signatures.some((s) => {
    const given = Buffer.from(s, "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
