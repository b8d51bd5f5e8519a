import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { channel } from "./enums";
import { entities, users } from "./organisation";
import { groups } from "./relance";

export const clients = pgTable(
  "clients",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityId: uuid()
      .notNull()
      .references(() => entities.id, { onDelete: "restrict" }),
    code: text().notNull(),
    name: text().notNull(),
    siren: text(),
    siret: text(),
    vatNumber: text(),
    address: text(),
    postalCode: text(),
    city: text(),
    department: text(),
    region: text(),
    country: text().notNull().default("FR"),
    phone: text(),
    email: text(),
    paymentTermsDays: integer().notNull().default(30),
    creditLimit: numeric({ precision: 16, scale: 2 }),
    collectorId: uuid().references(() => users.id, { onDelete: "set null" }),
    salesRepId: uuid().references(() => users.id, { onDelete: "set null" }),
    groupId: uuid().references(() => groups.id, { onDelete: "set null" }),
    forcedGroupId: uuid().references(() => groups.id, { onDelete: "set null" }),
    /** The group that decides the client's scenario: the forced one, else the computed one. Stored so that the
     * planner knows how the clients spread over the groups when the engine joins them. */
    effectiveGroupId: uuid().generatedAlwaysAs(sql`coalesce(forced_group_id, group_id)`),
    pausedUntil: date({ mode: "string" }),
    pauseReason: text(),
    riskScore: integer(),
    /** Code, raison sociale and SIREN folded (lower case, no accents): what search reads (db/queries/search.ts). */
    searchText: text().generatedAlwaysAs(sql`encaisse_fold(code || ' ' || name || ' ' || coalesce(siren, ''))`),
    customFields: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    // Kept current by imports and the nightly job so lists never aggregate documents per request.
    outstanding: numeric({ precision: 16, scale: 2 }).notNull().default("0"),
    overdue: numeric({ precision: 16, scale: 2 }).notNull().default("0"),
    /** Overdue amounts per aging bucket (Paramétrage limits), as of `balancesAsOf`. */
    aged: numeric().array(),
    balancesAsOf: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.entityId, t.code),
    // Also carries the id (INCLUDE, migration 0028): a portfolio's clients are then an index-only scan.
    index().on(t.collectorId),
    index().on(t.salesRepId),
    index().on(t.groupId),
    index().on(t.effectiveGroupId),
    index().on(t.department),
    index().on(t.name),
    index().on(t.siren),
    index().on(t.overdue),
    index().on(t.outstanding),
    // Search forgives case, accents and typos (db/queries/search.ts).
    index("clients_search_text_trgm").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    civility: text(),
    name: text().notNull(),
    role: text().notNull().default("facturation"),
    email: text(),
    phone: text(),
    mobile: text(),
    /** Channels on which this contact receives the client's reminders; at most one contact per channel. */
    recipientFor: channel().array().notNull().default(sql`'{}'`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.clientId)],
);

export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
export type Contact = typeof contacts.$inferSelect;

/** Names of the custom fields imports have put on clients, so the columns chooser never scans every client. */
export const clientCustomFields = pgTable("client_custom_fields", {
  name: text().primaryKey(),
});
