/** Webhook subscriptions and their deliveries: what Paramétrage lists, what the delivery job claims and records. */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { type WebhookDelivery, type WebhookEvent, webhookAttempts, webhookDeliveries, webhookSubscriptions } from "../schema";

export async function createWebhookSubscription(
  db: Queryable,
  values: { url: string; description: string; events: WebhookEvent[]; secret: string; createdBy: string | null },
): Promise<string> {
  const [row] = await db.insert(webhookSubscriptions).values(values).returning({ id: webhookSubscriptions.id });
  return row.id;
}

/** Every subscription, newest first, with how its deliveries stand; the secret is never read here. */
export async function listWebhookSubscriptions(db: Queryable) {
  return db
    .select({
      id: webhookSubscriptions.id,
      url: webhookSubscriptions.url,
      description: webhookSubscriptions.description,
      events: webhookSubscriptions.events,
      active: webhookSubscriptions.active,
      createdAt: webhookSubscriptions.createdAt,
      pending: sql<number>`(select count(*)::int from webhook_deliveries d where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'pending')`,
      failed: sql<number>`(select count(*)::int from webhook_deliveries d where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'failed')`,
      lastDeliveryAt: sql<string | null>`(select max(d.created_at) from webhook_deliveries d where d.subscription_id = ${webhookSubscriptions.id})`,
    })
    .from(webhookSubscriptions)
    .orderBy(desc(webhookSubscriptions.createdAt), webhookSubscriptions.id);
}

export async function getWebhookSubscription(db: Queryable, id: string) {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row ?? null;
}

/** A subscription turned off receives no new event; those already pending are still delivered. */
export async function setWebhookSubscriptionActive(db: Queryable, id: string, active: boolean): Promise<boolean> {
  const rows = await db.update(webhookSubscriptions).set({ active }).where(eq(webhookSubscriptions.id, id)).returning({ id: webhookSubscriptions.id });
  return rows.length === 1;
}

/** Deletes a subscription with its deliveries and attempts (on delete cascade). */
export async function deleteWebhookSubscription(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).returning({ id: webhookSubscriptions.id });
  return rows.length === 1;
}

/** The delivery log of a subscription, newest first. */
export async function listWebhookDeliveries(db: Queryable, subscriptionId: string, limit = 100) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** The attempts of these deliveries, oldest first, in one query. */
export async function listWebhookAttempts(db: Queryable, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(webhookAttempts.deliveryId, webhookAttempts.attemptedAt);
}

export type DeliveryToSend = Pick<WebhookDelivery, "id" | "eventId" | "event" | "payload" | "attempts"> & { url: string; secret: string };

/**
 * Takes up to `limit` pending deliveries due at `now`, oldest first, for this worker. FOR UPDATE SKIP LOCKED lets
 * two workers claim at the same time without taking the same rows; the claim moves `next_attempt_at` on by
 * `leaseMs`, so once committed the rows are not due for anyone else while this worker posts them (the request
 * times out well before). A worker that dies mid-way leaves them due again when the lease ends.
 */
export async function claimDueWebhookDeliveries(db: Queryable, now: Date, { limit = 50, leaseMs = 120_000 } = {}): Promise<DeliveryToSend[]> {
  const rows = await queryRows<{ id: string; event_id: string; event: WebhookEvent; payload: unknown; attempts: number; url: string; secret: string }>(
    db,
    sql`with due as (
      select d.id from webhook_deliveries d
      where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
      order by d.next_attempt_at, d.id
      limit ${limit}
      for update skip locked
    ), claimed as (
      update webhook_deliveries d set next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
      from due where d.id = due.id
      returning d.id, d.event_id, d.event, d.payload, d.attempts, d.subscription_id, d.next_attempt_at
    )
    select c.id, c.event_id, c.event, c.payload, c.attempts, s.url, s.secret
    from claimed c join webhook_subscriptions s on s.id = c.subscription_id
    order by c.next_attempt_at, c.id`,
  );
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, event: r.event, payload: r.payload, attempts: r.attempts, url: r.url, secret: r.secret }));
}

/** One delivery with its subscription's address and secret, whatever its status (a replay). */
export async function loadWebhookDelivery(db: Queryable, id: string): Promise<DeliveryToSend | null> {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      event: webhookDeliveries.event,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      url: webhookSubscriptions.url,
      secret: webhookSubscriptions.secret,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

export type AttemptOutcome = { attemptedAt: Date; statusCode: number | null; error: string | null; durationMs: number; replay: boolean };

/**
 * Records a try and its consequence: delivered on a 2xx; otherwise pending until `retryAt`, or failed when there
 * is none. A replay that fails leaves the delivery's status and schedule as they were. Run it in a transaction.
 */
export async function recordWebhookAttempt(
  db: Queryable,
  deliveryId: string,
  outcome: AttemptOutcome,
  next: { delivered: true } | { delivered: false; retryAt: Date | null },
): Promise<void> {
  await db.insert(webhookAttempts).values({ deliveryId, ...outcome });
  // A replay is asked for by a person: it does not use up the scheduled tries.
  const common = {
    ...(outcome.replay ? {} : { attempts: sql`${webhookDeliveries.attempts} + 1` }),
    lastStatusCode: outcome.statusCode,
    lastError: outcome.error,
  };
  if (next.delivered) {
    await db
      .update(webhookDeliveries)
      .set({ ...common, status: "delivered", deliveredAt: outcome.attemptedAt })
      .where(eq(webhookDeliveries.id, deliveryId));
  } else if (outcome.replay) {
    await db.update(webhookDeliveries).set(common).where(eq(webhookDeliveries.id, deliveryId));
  } else {
    await db
      .update(webhookDeliveries)
      .set(next.retryAt ? { ...common, nextAttemptAt: next.retryAt } : { ...common, status: "failed" })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending")));
  }
}
