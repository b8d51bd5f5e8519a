import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./organisation";

/**
 * A key for the open API (`/api/v1`): acts as its user, within their role and scope. Only the SHA-256 of the
 * secret is kept; `prefix` is the visible start of the key, for people to tell their keys apart.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull().unique(),
    secretHash: text().notNull().unique(),
    readOnly: boolean().notNull().default(false),
    requestsPerMinute: integer().notNull().default(600),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/** Requests of one key in one minute: the rate limit holds across every instance of the app. */
export const apiRateWindows = pgTable(
  "api_rate_windows",
  {
    keyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] })],
);

/**
 * The answer to a POST sent with an `Idempotency-Key`, replayed when the same key sends the same request again.
 * `status` stays null while the first request runs.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    keyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text().notNull(),
    requestHash: text().notNull(),
    status: integer(),
    body: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index().on(t.createdAt)],
);

export const webhookEvents = [
  "action.sent",
  "action.error",
  "promise.kept",
  "promise.broken",
  "dispute.opened",
  "dispute.resolved",
  "import.finished",
  "import.failed",
  "payment.received",
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** An address told of events as they happen; `secret` signs each delivery (HMAC-SHA256) and is shown once. */
export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: uuid().primaryKey().defaultRandom(),
  url: text().notNull(),
  description: text().notNull().default(""),
  events: text().array().$type<WebhookEvent[]>().notNull(),
  secret: text().notNull(),
  active: boolean().notNull().default(true),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event for one subscription, written in the transaction that made the event happen (so it is neither lost
 * nor sent twice), then delivered by a background job with retries.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    subscriptionId: uuid()
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    /** Same for every subscription told of one occurrence; receivers dedupe on it. */
    eventId: uuid().notNull(),
    event: text().$type<WebhookEvent>().notNull(),
    payload: jsonb().notNull(),
    status: text().$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.subscriptionId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index().on(t.subscriptionId, t.createdAt),
  ],
);

/** Each try of a delivery, for the delivery log: the receiver's status code or the network error. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusCode: integer(),
    error: text(),
    durationMs: integer().notNull(),
    /** A replay asked for by a person, not a scheduled retry. */
    replay: boolean().notNull().default(false),
  },
  (t) => [index().on(t.deliveryId, t.attemptedAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
