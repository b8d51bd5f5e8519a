/**
 * Delivery of webhook events: claims the due deliveries, posts each signed to its subscription's address,
 * records the attempt, then marks it delivered (2xx) or schedules the next try (backoff) until it is given up.
 */
import type { Db, Queryable } from "@/db/client";
import { claimDueWebhookDeliveries, type DeliveryToSend, loadWebhookDelivery, recordWebhookAttempt } from "@/db/queries/webhook-deliveries";
import { nextRetryAt } from "./backoff";
import { type PostOptions, type PostResult, postWebhook } from "./post";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody } from "./sign";

export type DeliverOptions = PostOptions & {
  /** When the signature says the request was sent; the real clock by default, as receivers check it against theirs. */
  signedAt?: Date;
};

/** The body receivers get: the event id to dedupe on, the event's name and its payload. */
export function webhookBody(delivery: Pick<DeliveryToSend, "eventId" | "event" | "payload">): string {
  return JSON.stringify({ event_id: delivery.eventId, event: delivery.event, data: delivery.payload });
}

export function webhookHeaders(delivery: Pick<DeliveryToSend, "id" | "event" | "secret">, body: string, signedAt: Date): Record<string, string> {
  return {
    [SIGNATURE_HEADER]: signWebhookBody(delivery.secret, body, Math.floor(signedAt.getTime() / 1000)),
    [EVENT_HEADER]: delivery.event,
    [DELIVERY_HEADER]: delivery.id,
  };
}

const succeeded = (result: PostResult) => result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;

function errorOf(result: PostResult): string | null {
  if (result.error) return result.error;
  return succeeded(result) ? null : `Réponse HTTP ${result.statusCode}`;
}

export type AttemptReport = { deliveryId: string; statusCode: number | null; error: string | null; outcome: "delivered" | "retry" | "failed" | "replayed" };

/** Posts one delivery at `now` and records the attempt; `replay` for a try asked for by a person. */
async function attempt(db: Queryable, delivery: DeliveryToSend, now: Date, replay: boolean, options: DeliverOptions): Promise<AttemptReport> {
  const body = webhookBody(delivery);
  const result = await postWebhook(delivery.url, webhookHeaders(delivery, body, options.signedAt ?? new Date()), body, options);
  const error = errorOf(result);
  const ok = succeeded(result);
  const retryAt = ok || replay ? null : nextRetryAt(delivery.attempts + 1, now);
  await db.transaction((tx) =>
    recordWebhookAttempt(
      tx,
      delivery.id,
      { attemptedAt: now, statusCode: result.statusCode, error, durationMs: result.durationMs, replay },
      ok ? { delivered: true } : { delivered: false, retryAt },
    ),
  );
  const outcome = ok ? "delivered" : replay ? "replayed" : retryAt ? "retry" : "failed";
  return { deliveryId: delivery.id, statusCode: result.statusCode, error, outcome };
}

export type DeliveryRunReport = { claimed: number; delivered: number; retried: number; failed: number };

const CONCURRENCY = 8;

/**
 * Sends every delivery due at `now`, batch after batch, a few at a time. Safe to run in several processes at
 * once: each claims different rows (see claimDueWebhookDeliveries).
 */
export async function deliverDueWebhooks(db: Db, now: Date = new Date(), options: DeliverOptions & { batchSize?: number; maxBatches?: number } = {}): Promise<DeliveryRunReport> {
  const report: DeliveryRunReport = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  const { batchSize = 50, maxBatches = 20 } = options;
  for (let batch = 0; batch < maxBatches; batch++) {
    const claimed = await claimDueWebhookDeliveries(db, now, { limit: batchSize });
    report.claimed += claimed.length;
    for (let i = 0; i < claimed.length; i += CONCURRENCY) {
      // One delivery that cannot be recorded (its subscription deleted meanwhile) does not stop the others.
      const settled = await Promise.allSettled(claimed.slice(i, i + CONCURRENCY).map((d) => attempt(db, d, now, false, options)));
      for (const result of settled) {
        if (result.status === "rejected") {
          console.error("[webhooks] envoi non enregistré :", result.reason);
          report.failed++;
          continue;
        }
        const o = result.value;
        if (o.outcome === "delivered") report.delivered++;
        else if (o.outcome === "retry") report.retried++;
        else report.failed++;
      }
    }
    if (claimed.length < batchSize) break;
  }
  return report;
}

/** Sends a delivery again now, whatever its status, and logs the attempt as a replay; null when it does not exist. */
export async function replayWebhookDelivery(db: Db, id: string, now: Date = new Date(), options: DeliverOptions = {}): Promise<AttemptReport | null> {
  const delivery = await loadWebhookDelivery(db, id);
  if (!delivery) return null;
  return attempt(db, delivery, now, true, options);
}
