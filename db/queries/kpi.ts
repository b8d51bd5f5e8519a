/**
 * The indicators of the home page (SPEC §9) for a scope, optionally narrowed to one entity, read from the
 * home aggregates (a few rows per day) and fed to the pure formulas of lib/kpi. `date` is the day of the
 * snapshot to read, never the clock.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { addDays, monthStart } from "@/lib/dates";
import { DSO_MAX_MONTHS, dsoFigures } from "@/lib/kpi/dso";
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

const lastDayBefore = (month: string) => addDays(month, -1);

/** CEI of the last full month before `date`, from the encours at its two ends and its sales. */
function ceiBefore(totals: Map<string, DayTotals>, sales: Record<string, string>, date: string) {
  const start = monthStart(date, 1);
  const opening = totals.get(lastDayBefore(start));
  const closing = totals.get(lastDayBefore(monthStart(date)));
  if (!opening || !closing) return null;
  return cei({
    openingReceivables: opening.outstanding,
    sales: sales[start.slice(0, 7)] ?? "0",
    closingReceivables: closing.outstanding,
    closingNotDue: closing.notDue,
  });
}

function figures(date: string, day: DayTotals | undefined, sales: Record<string, string>, ceiValue: number | null): KpiFigures {
  const t = day ?? { outstanding: "0.00", overdue: "0.00", notDue: "0.00", salesMonth: "0", overdueInvoices: null, overdueDays: null, due: null, settled: null };
  return {
    outstanding: t.outstanding,
    overdue: t.overdue,
    notDue: t.notDue,
    overdueShare: Number(t.outstanding) > 0 ? Number(t.overdue) / Number(t.outstanding) : null,
    ...dsoFigures({ date, outstanding: t.outstanding, notDue: t.notDue, monthlySales: sales }),
    dbt: Number(t.overdueInvoices) > 0 ? Number(t.overdueDays) / Number(t.overdueInvoices) : null,
    recoveryRate: t.due === null || t.settled === null ? null : recoveryRate({ due: t.due, settled: t.settled }),
    cei: ceiValue,
  };
}

/** The home page's indicators at `date` and 30 days before, for the clients of `scope` (and `entityId`, `collectorId`). */
export async function homeKpis(db: Queryable, scope: Scope, date: string, entityId?: string, collectorId?: string): Promise<HomeKpis> {
  const earlier = addDays(date, -KPI_COMPARE_DAYS);
  const monthEnds = [date, earlier].flatMap((d) => [lastDayBefore(monthStart(d, 1)), lastDayBefore(monthStart(d))]);
  const [totals, sales] = await Promise.all([
    dayTotals(db, aggregateInScope(portfolioSnapshots, scope, entityId, collectorId), [date, earlier, ...monthEnds]),
    salesByMonth(db, aggregateInScope(monthlySales, scope, entityId, collectorId), monthStart(earlier, DSO_MAX_MONTHS - 1)),
  ]);

  const before = totals.get(earlier);
  // The DSO of 30 days before counts its own month up to that day: the sales that day's snapshot recorded.
  // Snapshots older than that column fall back to the whole month as known today.
  const earlierMonth = earlier.slice(0, 7);
  const salesEarlier = Object.fromEntries(Object.entries(sales).filter(([month]) => month <= earlierMonth));
  if (before?.salesMonth != null) salesEarlier[earlierMonth] = before.salesMonth;

  return {
    date,
    current: figures(date, totals.get(date), sales, ceiBefore(totals, sales, date)),
    previous: before ? figures(earlier, before, salesEarlier, ceiBefore(totals, sales, earlier)) : null,
    previousDate: earlier,
    ceiMonth: monthStart(date, 1).slice(0, 7),
  };
}
