/**
 * Emission of webhook events (outbox): an event becomes one `webhook_deliveries` row per active subscription
 * listening to it, written by the statement sequence that makes the event happen, in the caller's transaction.
 * A rollback takes the event with it; a commit makes it deliverable. The background job sends them.
 */
import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { signalWebhooksPending } from "@/lib/webhooks/signal";
import { type Queryable, queryRows } from "../client";
import type { WebhookEvent } from "../schema";

/** The instant of the statement, in UTC with milliseconds: `occurred_at` of the events written in SQL. */
export const OCCURRED_AT = sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A numeric column as the decimal string the API uses for money ("1250.00"). */
export const moneyJson = (column: SQL | string) => sql`(${typeof column === "string" ? sql.raw(column) : column})::numeric(16, 2)::text`;

/**
 * The INSERT … SELECT that turns the rows of `events` — a SELECT of `(event_id uuid, payload jsonb)`, which may
 * read the CTEs of the statement it is placed in — into deliveries of `event`. The events are materialised first
 * so that an event id drawn by gen_random_uuid() is the same for every subscription. Usable as a CTE body.
 */
export function webhookDeliveriesFrom(event: WebhookEvent, events: SQL): SQL {
  return sql`with webhook_event_rows as materialized (${events})
    insert into webhook_deliveries (subscription_id, event_id, event, payload)
    select s.id, e.event_id, ${event}, e.payload
    from webhook_event_rows e cross join webhook_subscriptions s
    where s.active and ${event}::text = any(s.events)
    on conflict (subscription_id, event_id) do nothing
    returning 1`;
}

/** Records the events `events` selects (see webhookDeliveriesFrom) in one statement; returns the deliveries written. */
export async function enqueueWebhookEvents(db: Queryable, event: WebhookEvent, events: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`with written as (${webhookDeliveriesFrom(event, events)}) select count(*)::int as n from written`);
  if (row.n > 0) signalWebhooksPending();
  return row.n;
}

/**
 * Records one event with its payload (snake_case, amounts as strings); `occurred_at` is added when absent.
 * `eventId` lets a caller make the emission idempotent: the same id is never delivered twice to a subscription.
 */
export async function enqueueWebhookEvent(
  db: Queryable,
  event: WebhookEvent,
  payload: Record<string, unknown>,
  eventId: string = randomUUID(),
): Promise<number> {
  const body = { ...payload, occurred_at: payload.occurred_at ?? new Date().toISOString() };
  return enqueueWebhookEvents(db, event, sql`select ${eventId}::uuid as event_id, ${JSON.stringify(body)}::jsonb as payload`);
}
