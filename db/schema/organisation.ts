import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { userRole } from "./enums";

export const entities = pgTable("entities", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    /** "Madame" or "Monsieur", for the agreement of « votre interlocuteur/interlocutrice » in letters. */
    civility: text(),
    phone: text(),
    passwordHash: text().notNull(),
    role: userRole().notNull(),
    active: boolean().notNull().default(true),
    absenceFrom: date({ mode: "string" }),
    absenceTo: date({ mode: "string" }),
    coveringUserId: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    /** Wants the unread notifications of the day by e-mail each working morning. */
    notificationDigest: boolean().notNull().default(false),
    /** When the last digest went out: the next one holds what arrived since. */
    lastDigestAt: timestamp({ withTimezone: true }),
    // Sessions opened before this instant are refused: logout holds even if a stale cookie comes back.
    sessionsRevokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.coveringUserId)],
);

export const userEntities = pgTable(
  "user_entities",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    entityId: uuid()
      .notNull()
      .references(() => entities.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.entityId] }), index().on(t.entityId)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    ip: text(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.email, t.at), index().on(t.email, t.ip, t.at)],
);

/** Company-wide options edited in Paramétrage (aging buckets, horizon, company identity…), validated in lib/settings. */
export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
});

export type Entity = typeof entities.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
