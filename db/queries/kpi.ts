/**
 * The indicators of the home page (SPEC §9) for a scope, optionally narrowed to one entity, read from the
 * home aggregates (a few rows per day) and fed to the pure formulas of lib/kpi. `date` is the day of the
 * snapshot to read, never the clock.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { addDays, monthStart } from "@/lib/dates";
import { DSO_MAX_MONTHS, dsoFigures, monthsKnown } from "@/lib/kpi/dso";
import { cei, recoveryRate } from "@/lib/kpi/ratios";
import { queryRows, type Queryable } from "../client";
import { monthlySales, portfolioSnapshots } from "../schema";
import { aggregateInScope } from "./home-aggregates";

export type KpiFigures = {
  outstanding: string;
  overdue: string;
  notDue: string;
  /** Échu / encours; null when nothing is owed. */
  overdueShare: number | null;
  dso: number;
  bpdso: number;
  add: number;
  /** The countback reached the first month of known sales: the DSO (BPDSO) is only a minimum. */
  dsoLowerBound: boolean;
  bpdsoLowerBound: boolean;
  dbt: number | null;
  /** CEI (percent) of the last full calendar month before the date; null without both snapshots. */
  cei: number | null;
  /** Settled / due over the 30 days ending on the date; null when nothing fell due. */
  recoveryRate: number | null;
};

export type HomeKpis = {
  date: string;
  current: KpiFigures;
  /** The same figures 30 days earlier, from that day's snapshot; null when it was not recorded. */
  previous: KpiFigures | null;
  previousDate: string;
  /** The month (`yyyy-mm`) the current CEI is about. */
  ceiMonth: string;
  /** The first month (`yyyy-mm`) with known sales, and how many months up to the date's are known. */
  salesKnownFrom: string | null;
  salesMonthsKnown: number;
};

export const KPI_COMPARE_DAYS = 30;

type DayTotals = {
  outstanding: string;
  overdue: string;
  notDue: string;
  salesMonth: string | null;
  overdueInvoices: string | null;
  overdueDays: string | null;
  due: string | null;
  settled: string | null;
};

/** The scope's totals on each of `days` that has a snapshot (absent days are missing from the map). */
async function dayTotals(db: Queryable, where: SQL, days: string[]): Promise<Map<string, DayTotals>> {
  const rows = await queryRows<DayTotals & { date: string }>(
    db,
    sql`select snapshot_date::text as date, sum(outstanding)::text as outstanding, sum(overdue)::text as overdue,
          sum(not_due)::text as "notDue", sum(sales_month)::text as "salesMonth",
          sum(overdue_invoices)::text as "overdueInvoices", sum(overdue_days)::text as "overdueDays",
          sum(due30d)::text as due, sum(settled30d)::text as settled
        from portfolio_snapshots
        where snapshot_date in (${sql.join([...new Set(days)].map((d) => sql`${d}::date`), sql`, `)}) and ${where}
        group by snapshot_date`,
  );
  return new Map(rows.map(({ date, ...totals }) => [date, totals]));
}

/** Sales per month (`yyyy-mm`) of the scope over the countback window of `from`'s month and after. */
async function salesByMonth(db: Queryable, where: SQL, from: string): Promise<Record<string, string>> {
  const rows = await queryRows<{ month: string; amount: string }>(
    db,
    sql`select to_char(month, 'YYYY-MM') as month, sum(amount)::text as amount from monthly_sales
        where month >= ${from}::date and ${where} group by month`,
  );
  return Object.fromEntries(rows.map((r) => [r.month, r.amount]));
}

/**
 * The first month (`yyyy-mm`) with known sales, of the société when one is chosen: before it the platform holds
 * no invoice, so a countback that reaches it gives only a minimum. Not narrowed to a portfolio, whose clients may
 * simply have bought nothing before.
 */
async function salesKnownFrom(db: Queryable, entityId?: string): Promise<string | null> {
  const [row] = await queryRows<{ month: string | null }>(
    db,
    sql`select to_char(min(month), 'YYYY-MM') as month from monthly_sales
        ${entityId ? sql`where entity_id = ${entityId}` : sql``}`,
  );
  return row.month;
}

const lastDayBefore = (month: string) => addDays(month, -1);
/** The two month ends the CEI of `date` reads: before and after the last full month before it. */
const ceiDays = (date: string) => [lastDayBefore(monthStart(date, 1)), lastDayBefore(monthStart(date))];

/** The days the indicators at `date` read: its own and the two month ends of its CEI. */
export const daysReadAt = (date: string) => [date, ...ceiDays(date)];

/** CEI of the last full month before `date`, from the encours at its two ends and its sales. */
function ceiBefore(totals: Map<string, DayTotals>, sales: Record<string, string>, date: string) {
  const [openingDay, closingDay] = ceiDays(date);
  const opening = totals.get(openingDay);
  const closing = totals.get(closingDay);
  if (!opening || !closing) return null;
  return cei({
    openingReceivables: opening.outstanding,
    sales: sales[monthStart(date, 1).slice(0, 7)] ?? "0",
    closingReceivables: closing.outstanding,
    closingNotDue: closing.notDue,
  });
}

const noTotals: DayTotals = { outstanding: "0.00", overdue: "0.00", notDue: "0.00", salesMonth: "0", overdueInvoices: null, overdueDays: null, due: null, settled: null };

function figures(date: string, t: DayTotals, sales: Record<string, string>, knownFrom: string | null, ceiValue: number | null): KpiFigures {
  // The month of the date counts its sales up to that day: what that day's snapshot recorded. Snapshots older than
  // that column fall back to the whole month as known today.
  const month = date.slice(0, 7);
  const salesToDate = t.salesMonth == null ? sales : { ...sales, [month]: t.salesMonth };
  return {
    outstanding: t.outstanding,
    overdue: t.overdue,
    notDue: t.notDue,
    overdueShare: Number(t.outstanding) > 0 ? Number(t.overdue) / Number(t.outstanding) : null,
    ...dsoFigures({ date, outstanding: t.outstanding, notDue: t.notDue, monthlySales: salesToDate, knownFrom }),
    dbt: Number(t.overdueInvoices) > 0 ? Number(t.overdueDays) / Number(t.overdueInvoices) : null,
    recoveryRate: t.due === null || t.settled === null ? null : recoveryRate({ due: t.due, settled: t.settled }),
    cei: ceiValue,
  };
}

export type KpisAt = {
  /** The figures of each date that has a snapshot; dates without one are missing. */
  byDate: Map<string, KpiFigures>;
  /** The first month (`yyyy-mm`) with known sales; null when none is. */
  salesKnownFrom: string | null;
};

/**
 * The indicators at each of `dates`, for the clients of `scope` (and `entityId`, `collectorId`), from that day's
 * snapshot and the sales of the 24 months before it, whatever today is: three statements for any number of dates.
 */
export async function kpisAt(db: Queryable, scope: Scope, dates: string[], entityId?: string, collectorId?: string): Promise<KpisAt> {
  if (dates.length === 0) return { byDate: new Map(), salesKnownFrom: null };
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  const [totals, sales, knownFrom] = await Promise.all([
    dayTotals(db, aggregateInScope(portfolioSnapshots, scope, entityId, collectorId), [...dates, ...dates.flatMap(ceiDays)]),
    salesByMonth(db, aggregateInScope(monthlySales, scope, entityId, collectorId), monthStart(earliest, DSO_MAX_MONTHS)),
    salesKnownFrom(db, entityId),
  ]);
  const byDate = new Map<string, KpiFigures>();
  for (const date of dates) {
    const day = totals.get(date);
    if (day) byDate.set(date, figures(date, day, sales, knownFrom, ceiBefore(totals, sales, date)));
  }
  return { byDate, salesKnownFrom: knownFrom };
}

/** The home page's indicators at `date` and 30 days before, for the clients of `scope` (and `entityId`, `collectorId`). */
export async function homeKpis(db: Queryable, scope: Scope, date: string, entityId?: string, collectorId?: string): Promise<HomeKpis> {
  const earlier = addDays(date, -KPI_COMPARE_DAYS);
  const { byDate, salesKnownFrom } = await kpisAt(db, scope, [date, earlier], entityId, collectorId);
  return {
    date,
    current: byDate.get(date) ?? figures(date, noTotals, {}, salesKnownFrom, null),
    previous: byDate.get(earlier) ?? null,
    previousDate: earlier,
    ceiMonth: monthStart(date, 1).slice(0, 7),
    salesKnownFrom,
    salesMonthsKnown: monthsKnown(date, salesKnownFrom),
  };
}
