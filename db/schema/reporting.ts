import {
  bigint,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { jobStatus } from "./enums";
import { entities, users } from "./organisation";

/** One row per client and day: the figures the KPIs and trends read instead of scanning documents. */
export const dailySnapshots = pgTable(
  "daily_snapshots",
  {
    snapshotDate: date({ mode: "string" }).notNull(),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    entityId: uuid()
      .notNull()
      .references(() => entities.id, { onDelete: "cascade" }),
    outstanding: numeric({ precision: 16, scale: 2 }).notNull(),
    overdue: numeric({ precision: 16, scale: 2 }).notNull(),
    notDue: numeric({ precision: 16, scale: 2 }).notNull(),
    // Amounts per aging bucket, overdue only; the bucket limits used are in `agingLimits`.
    aged: numeric({ precision: 16, scale: 2 }).array().notNull(),
    agingLimits: jsonb().$type<number[]>().notNull(),
    // Invoices minus credit notes issued on that day (TTC), for CEI and DSO.
    sales: numeric({ precision: 16, scale: 2 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.snapshotDate, t.clientId] }), index().on(t.entityId, t.snapshotDate), index().on(t.clientId)],
);

export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    job: text().notNull(),
    runDate: date({ mode: "string" }).notNull(),
    status: jobStatus().notNull(),
    report: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    error: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.job, t.startedAt)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.targetType, t.targetId), index().on(t.at)],
);

export type DailySnapshot = typeof dailySnapshots.$inferSelect;
export type JobRun = typeof jobRuns.$inferSelect;
