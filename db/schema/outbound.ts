import { sql } from "drizzle-orm";
import { customType, date, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { actions } from "./actions";
import { clients } from "./clients";
import { channel } from "./enums";

/** Raw bytes (a letter's PDF), as Buffer in and out. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

export const outboundStatus = pgEnum("outbound_status", ["queued", "sent", "failed"]);

export type OutboundAttachment = { fileName: string; contentType: string; size: number };

/**
 * The outbox and the record of every send (SPEC §8): one row per action sent, whatever the provider. The unique
 * action id is the send key — an action is sent at most once; a failed send is the only row a retry may replace.
 */
export const outboundMessages = pgTable(
  "outbound_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    actionId: uuid().references(() => actions.id, { onDelete: "set null" }),
    /** The send key of messages that are not actions (a user's daily digest: `digest:<user>:<day>`). */
    dedupeKey: text(),
    clientId: uuid().references(() => clients.id, { onDelete: "set null" }),
    channel: channel().notNull(),
    /** E-mail address, postal address on one line, or mobile number. */
    recipient: text().notNull(),
    subject: text(),
    /** E-mail: the HTML document; letter: the body HTML; SMS: the text. */
    body: text().notNull(),
    attachments: jsonb().$type<OutboundAttachment[]>().notNull().default([]),
    /** Letters: the PDF as sent to print. */
    pdf: bytea(),
    /** Letters: what the PDF was drawn from (without the logo), so the day's print batch redraws them in one file. */
    letter: jsonb().$type<Record<string, unknown>>(),
    /** "outbox" when nothing leaves the application, else the provider's name ("resend"). */
    provider: text().notNull(),
    providerMessageId: text(),
    status: outboundStatus().notNull().default("queued"),
    error: text(),
    /** Letters: the business day of the print batch they belong to. */
    batchDate: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("outbound_messages_action_uq").on(t.actionId),
    uniqueIndex("outbound_messages_dedupe_key_uq").on(t.dedupeKey),
    index().on(t.createdAt),
    index().on(t.channel, t.createdAt),
    index().on(t.batchDate),
    index().on(t.clientId),
    // The sends that stayed in the outbox (db/queries/send-state.ts), found by their action from the index alone.
    index("outbound_messages_simulated_idx").on(t.actionId).where(sql`${t.provider} = 'outbox' and ${t.channel} <> 'letter'`),
  ],
);

export type OutboundMessage = typeof outboundMessages.$inferSelect;
