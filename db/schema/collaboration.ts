import { type AnyPgColumn, bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actions, disputes } from "./actions";
import { threads } from "./cases";
import { clients } from "./clients";
import { documents } from "./documents";
import { users } from "./organisation";

export const comments = pgTable(
  "comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    documentId: bigint({ mode: "number" }).references(() => documents.id, { onDelete: "cascade" }),
    actionId: uuid().references(() => actions.id, { onDelete: "cascade" }),
    disputeId: uuid().references(() => disputes.id, { onDelete: "cascade" }),
    parentId: uuid().references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    /** Set when the comment is a message of a discussion thread. */
    threadId: uuid().references((): AnyPgColumn => threads.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.clientId, t.createdAt), index().on(t.actionId), index().on(t.parentId), index().on(t.threadId, t.createdAt)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text(),
    link: text(),
    /** The thread, task, dispute or plan it is about, so that reading it there marks it read. */
    subjectId: uuid(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.readAt, t.createdAt)],
);

export const alerts = pgTable(
  "alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    criteria: jsonb().$type<{ field: string; operator: string; value: unknown }[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

export type Notification = typeof notifications.$inferSelect;
export type Comment = typeof comments.$inferSelect;
