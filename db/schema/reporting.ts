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
  uuid,
} from "drizzle-orm/pg-core";
import { clients } from "./clients";
import { jobStatus } from "./enums";
import { entities, users } from "./organisation";

/** The figures of a day, for one client (`daily_snapshots`) or summed over many (`portfolio_snapshots`). */
const snapshotFigures = () => ({
  outstanding: numeric({ precision: 16, scale: 2 }).notNull(),
  overdue: numeric({ precision: 16, scale: 2 }).notNull(),
  notDue: numeric({ precision: 16, scale: 2 }).notNull(),
  // Amounts per aging bucket, overdue only; the bucket limits used are in `agingLimits`.
  aged: numeric({ precision: 16, scale: 2 }).array().notNull(),
  agingLimits: jsonb().$type<number[]>().notNull(),
  // Sales (invoices minus credit notes, TTC) from the first of the month to that day, for the DSO of a past day.
  salesMonth: numeric({ precision: 16, scale: 2 }),
  // Open amount of the invoices overdue that day, and that amount weighted by days late: DBT = days / amount.
  overdueInvoices: numeric({ precision: 16, scale: 2 }),
  overdueDays: numeric({ precision: 22, scale: 2 }),
  // Invoices falling due in the 30 days ending that day, and the part of them settled: taux de recouvrement.
  due30d: numeric({ precision: 16, scale: 2 }),
  settled30d: numeric({ precision: 16, scale: 2 }),
  // Invoices settled in the 30 days ending that day, whenever due: what each portfolio brought in.
  invoicesSettled30d: numeric({ precision: 16, scale: 2 }),
  invoicesSettled30dCount: integer(),
});

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
    ...snapshotFigures(),
    // Invoices minus credit notes issued on that day (TTC), for CEI and DSO.
    sales: numeric({ precision: 16, scale: 2 }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.snapshotDate, t.clientId] }), index().on(t.entityId, t.snapshotDate), index().on(t.clientId)],
);

/** What the home aggregates are summed by: the columns a scope filters on, and the département the map shows. */
const aggregateKeys = () => ({
  entityId: uuid()
    .notNull()
    .references(() => entities.id, { onDelete: "cascade" }),
  collectorId: uuid().references(() => users.id, { onDelete: "set null" }),
  salesRepId: uuid().references(() => users.id, { onDelete: "set null" }),
  department: text(),
});

/**
 * The daily snapshots summed per day and per combination of the columns a scope filters on (société,
 * collector, sales rep) and the département the map shows: a few hundred rows a day instead of one per
 * client, so the home page of any role reads a handful of rows. Rebuilt with each daily snapshot.
 */
export const portfolioSnapshots = pgTable(
  "portfolio_snapshots",
  {
    snapshotDate: date({ mode: "string" }).notNull(),
    ...aggregateKeys(),
    clients: integer().notNull(),
    // Clients with a non-zero amount in any bucket, and per bucket (non échu first, then the aged buckets).
    clientsWithBalance: integer().notNull(),
    bucketClients: integer().array().notNull(),
    ...snapshotFigures(),
  },
  (t) => [index().on(t.snapshotDate)],
);

/**
 * Sales (invoices minus credit notes, TTC, by issue date) per month and per the same combinations as
 * `portfolio_snapshots`, every month up to the newest snapshot: rebuilt from the documents by that snapshot.
 */
export const monthlySales = pgTable(
  "monthly_sales",
  {
    month: date({ mode: "string" }).notNull(),
    ...aggregateKeys(),
    amount: numeric({ precision: 16, scale: 2 }).notNull(),
  },
  (t) => [index().on(t.month)],
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

/**
 * One row per job that must never run twice at once (the nightly run): held by `holder` until `expiresAt`,
 * which the holder pushes back while it works. A crashed holder's lease simply expires.
 */
export const jobLeases = pgTable("job_leases", {
  job: text().primaryKey(),
  holder: uuid().notNull(),
  acquiredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

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

/**
 * The Scénarios page's forecast of the coming nights, for every scenario at once (a client follows one scenario,
 * so each scenario's share is its steps' rows). Computed by the nightly run and again after a change of the
 * scenarios or groups: the page reads it instead of replaying the engine on every request. One row.
 */
export const scenarioForecasts = pgTable("scenario_forecasts", {
  id: integer().primaryKey().default(1),
  // Null until the first computation ends.
  fromDate: date({ mode: "string" }),
  forecast: jsonb(),
  // When the computation began reading: a change made while it ran is not in it.
  computedAt: timestamp({ withTimezone: true }),
  // When a change last asked for a new forecast; later than computedAt while the new one is on its way.
  requestedAt: timestamp({ withTimezone: true }),
});
