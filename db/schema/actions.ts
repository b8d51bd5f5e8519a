import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { clients } from "./clients";
import { documents } from "./documents";
import { actionMode, actionStatus, actionType, disputeCategory, disputeOutcome, disputeStatus, promiseStatus } from "./enums";
import { users } from "./organisation";
import { scenarioSteps, type TemplateAttachments } from "./relance";

/** An e-mail written or chosen on the fiche client, as template text whose clips are filled when it is sent. */
export type ComposedMessage = { subject: string; body: string; attachments: TemplateAttachments };

export const actions = pgTable(
  "actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    stepId: uuid().references(() => scenarioSteps.id, { onDelete: "set null" }),
    /**
     * The step's offset when the engine created the action. A document covered at offset N counts as reminded
     * for every step at N or before, even after the step is edited or the client changes scenario.
     */
    stepOffsetDays: integer(),
    type: actionType().notNull(),
    mode: actionMode().notNull(),
    plannedDate: date({ mode: "string" }).notNull(),
    status: actionStatus().notNull(),
    amountCovered: numeric({ precision: 16, scale: 2 }).notNull().default("0"),
    assignedUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    outcome: text(),
    note: text(),
    /** The reason given when the outcome opened a dispute; the disputes themselves carry it per document. */
    disputeReason: text(),
    /** Sent instead of the step's template: the e-mail of a manual action started from the fiche client. */
    message: jsonb().$type<ComposedMessage>(),
    renderedSubject: text(),
    renderedBody: text(),
    renderedPdfPath: text(),
    sentAt: timestamp({ withTimezone: true }),
    errorMessage: text(),
    cancelReason: text(),
    confirmedById: uuid().references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp({ withTimezone: true }),
    doneById: uuid().references(() => users.id, { onDelete: "set null" }),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.assignedUserId, t.status, t.plannedDate),
    index().on(t.status, t.plannedDate),
    index().on(t.clientId, t.plannedDate),
    index().on(t.stepId),
    // The team's work over a period: what was done or sent, by the day it happened. Also carries (INCLUDE,
    // migration 0028) every column the team card reads of those actions: an index-only scan.
    index("actions_done_or_sent_at_idx")
      .on(sql`coalesce(${t.doneAt}, ${t.sentAt})`)
      .where(sql`${t.status} in ('sent', 'done')`),
    // One pending action per client, step and planned date: the engine merges into it rather than duplicating.
    uniqueIndex("actions_pending_step_uq")
      .on(t.clientId, t.stepId, t.plannedDate)
      .where(sql`${t.status} in ('planned', 'to_confirm', 'scheduled')`),
  ],
);

export const actionDocuments = pgTable(
  "action_documents",
  {
    actionId: uuid()
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    documentId: bigint({ mode: "number" })
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.documentId] }), index().on(t.documentId)],
);

export const promises = pgTable(
  "promises",
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    actionId: uuid().references(() => actions.id, { onDelete: "set null" }),
    promisedDate: date({ mode: "string" }).notNull(),
    amount: numeric({ precision: 16, scale: 2 }).notNull(),
    status: promiseStatus().notNull().default("pending"),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.clientId, t.status)],
);

export const promiseDocuments = pgTable(
  "promise_documents",
  {
    promiseId: uuid()
      .notNull()
      .references(() => promises.id, { onDelete: "cascade" }),
    documentId: bigint({ mode: "number" })
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.promiseId, t.documentId] }), index().on(t.documentId)],
);

export const disputes = pgTable(
  "disputes",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The pièce the dispute was first opened on; a case covers all of `dispute_documents`. */
    documentId: bigint({ mode: "number" }).references(() => documents.id, { onDelete: "set null" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    reason: text().notNull(),
    status: disputeStatus().notNull().default("open"),
    category: disputeCategory().notNull().default("autre"),
    /** The amount in dispute; by default the open amount of its pièces when the case was opened. */
    amount: numeric({ precision: 16, scale: 2 }),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    targetDate: date({ mode: "string" }),
    outcome: disputeOutcome(),
    resolutionNote: text(),
    openedById: uuid().references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedById: uuid().references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.documentId), index().on(t.clientId, t.status)],
);

export type Action = typeof actions.$inferSelect;
export type PromiseToPay = typeof promises.$inferSelect;
export type Dispute = typeof disputes.$inferSelect;
