/**
 * The indicators of the home page (SPEC §9) for a scope, optionally narrowed to one entity: a handful of
 * set-based queries feeding the pure formulas of lib/kpi. `date` is passed in, never read from the clock.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { addDays } from "@/lib/dates";
import { DSO_MAX_MONTHS, dsoFigures } from "@/lib/kpi/dso";
import { cei, recoveryRate } from "@/lib/kpi/ratios";
import { fromCents, toCents } from "@/lib/templates/decimal";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

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

/** First day of the month `back` months before the month of `date`. */
function monthStart(date: string, back = 0): string {
  const [y, m] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

function inScope(scope: Scope, entityId: string | undefined): SQL {
  return entityId ? sql`${clientInScope(scope)} and clients.entity_id = ${entityId}` : clientInScope(scope);
}

/** Encours, échu, non échu from a day's snapshots of the scope; `recorded` false when there is none. */
async function snapshotBalances(db: Queryable, where: SQL, date: string) {
  const [row] = await queryRows<{ recorded: boolean; outstanding: string; overdue: string; not_due: string }>(
    db,
    sql`select count(s.client_id) > 0 as recorded, coalesce(sum(s.outstanding), 0.00)::text as outstanding,
          coalesce(sum(s.overdue), 0.00)::text as overdue, coalesce(sum(s.not_due), 0.00)::text as not_due
        from daily_snapshots s join clients on clients.id = s.client_id
        where s.snapshot_date = ${date}::date and ${where}`,
  );
  return row;
}

/**
 * Sales (invoices minus credit notes, TTC, by issue date) per month over the countback window of `date`,
 * and of `earlier` (whose own month counts only up to `earlier`): one grouped query.
 */
async function monthlySales(db: Queryable, where: SQL, date: string, earlier: string) {
  const rows = await queryRows<{ month: string; sales: string; sales_earlier: string }>(
    db,
    sql`select to_char(d.issue_date, 'YYYY-MM') as month, sum(d.amount)::text as sales,
          coalesce(sum(d.amount) filter (where d.issue_date <= ${earlier}::date), 0.00)::text as sales_earlier
        from documents d join clients on clients.id = d.client_id
        where d.type in ('invoice', 'credit_note') and d.issue_date >= ${monthStart(earlier, DSO_MAX_MONTHS - 1)}::date
          and d.issue_date <= ${date}::date and ${where}
        group by 1`,
  );
  return {
    current: Object.fromEntries(rows.map((r) => [r.month, r.sales])),
    earlier: Object.fromEntries(rows.map((r) => [r.month, r.sales_earlier])),
  };
}

/**
 * DBT at `date` over invoices overdue then: open at a date means issued by then and not settled by then (the
 * open amount for a still-open invoice, its amount for one settled later), as in the daily snapshots.
 */
function dbtAt(date: string): SQL {
  const open = sql`case when d.status = 'open' then d.open_amount else d.amount end`;
  const filter = sql`d.issue_date <= ${date}::date and d.due_date < ${date}::date
    and (d.status = 'open' or d.settled_date > ${date}::date) and ${open} > 0`;
  return sql`(sum(${open} * (${date}::date - d.due_date)) filter (where ${filter})
    / nullif(sum(${open}) filter (where ${filter}), 0))::float8`;
}

/**
 * Taux de recouvrement over the 30 days ending at `end`: due = invoices whose due date falls in
 * [end − 29, end]; settled = the part of them paid by `end` — the whole amount when settled on or before
 * `end`, and for an invoice still open today the part already paid (amount − open amount). Partial
 * payments carry no date, so for a past period they count only once the invoice is settled.
 */
function recoveryAt(end: string, isToday: boolean): { due: SQL; settled: SQL } {
  const inPeriod = sql`d.due_date between ${addDays(end, -(KPI_COMPARE_DAYS - 1))}::date and ${end}::date
    and d.issue_date <= ${end}::date`;
  const partial = isToday ? sql`when d.status = 'open' then d.amount - d.open_amount` : sql``;
  return {
    due: sql`coalesce(sum(d.amount) filter (where ${inPeriod}), 0.00)::text`,
    settled: sql`coalesce(sum(case when d.status = 'settled' and d.settled_date <= ${end}::date then d.amount
      ${partial} else 0 end) filter (where ${inPeriod}), 0.00)::text`,
  };
}

async function documentRatios(db: Queryable, where: SQL, date: string, earlier: string) {
  const now = recoveryAt(date, true);
  const before = recoveryAt(earlier, false);
  const [row] = await queryRows<{
    dbt: number | null; dbt_earlier: number | null;
    due: string; settled: string; due_earlier: string; settled_earlier: string;
  }>(
    db,
    sql`select ${dbtAt(date)} as dbt, ${dbtAt(earlier)} as dbt_earlier,
          ${now.due} as due, ${now.settled} as settled, ${before.due} as due_earlier, ${before.settled} as settled_earlier
        from documents d join clients on clients.id = d.client_id
        where d.type = 'invoice' and d.due_date <= ${date}::date
          and (d.status = 'open' or d.settled_date > ${earlier}::date
            or d.due_date >= ${addDays(earlier, -(KPI_COMPARE_DAYS - 1))}::date) and ${where}`,
  );
  return {
    current: { dbt: row.dbt, recoveryRate: recoveryRate({ due: row.due, settled: row.settled }) },
    earlier: { dbt: row.dbt_earlier, recoveryRate: recoveryRate({ due: row.due_earlier, settled: row.settled_earlier }) },
  };
}

/** CEI of the last full calendar month before `date`, from the snapshots at its two ends. */
async function ceiBefore(db: Queryable, where: SQL, date: string, sales: Record<string, string>) {
  const start = monthStart(date, 1);
  const month = start.slice(0, 7);
  const [opening, closing] = await Promise.all([
    snapshotBalances(db, where, addDays(start, -1)),
    snapshotBalances(db, where, addDays(monthStart(date), -1)),
  ]);
  const value =
    opening.recorded && closing.recorded
      ? cei({
          openingReceivables: opening.outstanding,
          sales: sales[month] ?? "0",
          closingReceivables: closing.outstanding,
          closingNotDue: closing.not_due,
        })
      : null;
  return { month, value };
}

function share(part: string, whole: string): number | null {
  return Number(whole) > 0 ? Number(part) / Number(whole) : null;
}

/** The home page's indicators at `date` and 30 days before, for the clients of `scope` (and `entityId`). */
export async function homeKpis(db: Queryable, scope: Scope, date: string, entityId?: string): Promise<HomeKpis> {
  const where = inScope(scope, entityId);
  const earlier = addDays(date, -KPI_COMPARE_DAYS);
  // Today's balances are those the nightly snapshot copied onto the clients, as the clients list shows them.
  const [[balances], sales, ratios, previousBalances] = await Promise.all([
    queryRows<{ outstanding: string; overdue: string }>(
      db,
      sql`select coalesce(sum(clients.outstanding), 0.00)::text as outstanding, coalesce(sum(clients.overdue), 0.00)::text as overdue
          from clients where ${where}`,
    ),
    monthlySales(db, where, date, earlier),
    documentRatios(db, where, date, earlier),
    snapshotBalances(db, where, earlier),
  ]);
  const [ceiNow, ceiEarlier] = await Promise.all([ceiBefore(db, where, date, sales.current), ceiBefore(db, where, earlier, sales.current)]);

  const notDue = fromCents(toCents(balances.outstanding) - toCents(balances.overdue));
  const current: KpiFigures = {
    outstanding: balances.outstanding,
    overdue: balances.overdue,
    notDue,
    overdueShare: share(balances.overdue, balances.outstanding),
    ...dsoFigures({ date, outstanding: balances.outstanding, notDue, monthlySales: sales.current }),
    ...ratios.current,
    cei: ceiNow.value,
  };
  const previous: KpiFigures | null = previousBalances.recorded
    ? {
        outstanding: previousBalances.outstanding,
        overdue: previousBalances.overdue,
        notDue: previousBalances.not_due,
        overdueShare: share(previousBalances.overdue, previousBalances.outstanding),
        ...dsoFigures({ date: earlier, outstanding: previousBalances.outstanding, notDue: previousBalances.not_due, monthlySales: sales.earlier }),
        ...ratios.earlier,
        cei: ceiEarlier.value,
      }
    : null;
  return { date, current, previous, previousDate: earlier, ceiMonth: ceiNow.month };
}
