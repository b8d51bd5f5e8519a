/** Test helpers: a subscription listening to some events, and the deliveries written for an event. */
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { createWebhookSubscription } from "@/db/queries/webhook-deliveries";
import { type WebhookEvent, webhookDeliveries, webhookSubscriptions } from "@/db/schema";

export async function subscribe(db: Queryable, events: WebhookEvent[], url = "https://hooks.example.com/encaisse", secret = "whsec_test") {
  return createWebhookSubscription(db, { url, description: "", events, secret, createdBy: null });
}

/** The payloads delivered for `event`, oldest first (one per subscription listening). */
export async function payloadsOf(db: Queryable, event: WebhookEvent) {
  const rows = await db
    .select({ payload: webhookDeliveries.payload, eventId: webhookDeliveries.eventId, subscriptionId: webhookDeliveries.subscriptionId })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.event, event))
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id));
  return rows as { payload: Record<string, unknown>; eventId: string; subscriptionId: string }[];
}

/** Starts each test from no subscription and no delivery. */
export async function clearWebhooks(db: Queryable) {
  await db.delete(webhookSubscriptions);
}
