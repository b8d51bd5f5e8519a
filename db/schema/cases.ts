import { sql } from "drizzle-orm";
import { bigint, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actions, disputes } from "./actions";
import { clients } from "./clients";
import { documents } from "./documents";
import { paymentPlanStatus, taskKind, taskStatus, threadStatus, threadSubject } from "./enums";
import { users } from "./organisation";

/** The pièces a dispute case covers; their `disputed` flag keeps them out of reminders while the case is open. */
export const disputeDocuments = pgTable(
  "dispute_documents",
  {
    disputeId: uuid()
      .notNull()
      .references(() => disputes.id, { onDelete: "cascade" }),
    documentId: bigint({ mode: "number" })
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.disputeId, t.documentId] }), index().on(t.documentId)],
);

/** A discussion about a client, one of its pièces, a dispute or an action. */
export const threads = pgTable(
  "threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    documentId: bigint({ mode: "number" }).references(() => documents.id, { onDelete: "cascade" }),
    disputeId: uuid().references(() => disputes.id, { onDelete: "cascade" }),
    actionId: uuid().references(() => actions.id, { onDelete: "cascade" }),
    subject: threadSubject().notNull().default("autre"),
    title: text().notNull(),
    status: threadStatus().notNull().default("open"),
    resolutionNote: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.clientId, t.lastMessageAt),
    index().on(t.documentId),
    index().on(t.disputeId),
    index().on(t.actionId),
  ],
);

/**
 * Who takes part in a thread: its author, whoever wrote or was mentioned in it. A participant who cannot see the
 * client otherwise reads this thread and the client's summary, nothing else.
 */
export const threadParticipants = pgTable(
  "thread_participants",
  {
    threadId: uuid()
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastReadAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index().on(t.userId)],
);

/** A file kept through the storage interface; read only through the authorised download route. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    storageKey: text().notNull().unique(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    clientId: uuid().references(() => clients.id, { onDelete: "cascade" }),
    threadId: uuid().references(() => threads.id, { onDelete: "cascade" }),
    /** The message it was sent with; null while uploaded but not yet posted. */
    commentId: uuid(),
    uploadedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.threadId), index().on(t.commentId)],
);

/** Work one user asks of another (often a sales rep): call, chase, negotiate a plan, obtain a proof. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    kind: taskKind().notNull(),
    description: text(),
    dueDate: date({ mode: "string" }).notNull(),
    assigneeId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    status: taskStatus().notNull().default("open"),
    outcome: text(),
    note: text(),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.assigneeId, t.status, t.dueDate), index().on(t.clientId)],
);

export const taskDocuments = pgTable(
  "task_documents",
  {
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    documentId: bigint({ mode: "number" })
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.documentId] }), index().on(t.documentId)],
);

/** An échéancier: the covered pièces are paid in instalments and are not chased while it is active. */
export const paymentPlans = pgTable(
  "payment_plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    actionId: uuid().references(() => actions.id, { onDelete: "set null" }),
    status: paymentPlanStatus().notNull().default("active"),
    amount: numeric({ precision: 16, scale: 2 }).notNull(),
    /** Days an instalment may run late before the plan breaks. */
    graceDays: integer().notNull().default(5),
    note: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the plan ended: kept (every instalment paid), broken or cancelled. */
    endedAt: timestamp({ withTimezone: true }),
    endedOn: date({ mode: "string" }),
  },
  (t) => [index().on(t.clientId, t.status), index("payment_plans_active_idx").on(t.status).where(sql`${t.status} = 'active'`)],
);

export const paymentPlanDocuments = pgTable(
  "payment_plan_documents",
  {
    planId: uuid()
      .notNull()
      .references(() => paymentPlans.id, { onDelete: "cascade" }),
    documentId: bigint({ mode: "number" })
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.documentId] }), index().on(t.documentId)],
);

export const paymentPlanInstalments = pgTable(
  "payment_plan_instalments",
  {
    planId: uuid()
      .notNull()
      .references(() => paymentPlans.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    dueDate: date({ mode: "string" }).notNull(),
    amount: numeric({ precision: 16, scale: 2 }).notNull(),
    /** The date the payments on the plan's pièces first reached this instalment's cumulative amount. */
    paidOn: date({ mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.seq] }), index().on(t.dueDate)],
);

export type Thread = typeof threads.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type PaymentPlan = typeof paymentPlans.$inferSelect;
