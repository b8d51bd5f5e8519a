import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { portfolioSnapshots } from "../schema";
import { aggregateInScope } from "./home-aggregates";
import { type KpiFigures, kpisAt } from "./kpi";

export type TrendPoint = {
  date: string;
  outstanding: string;
  overdue: string;
  recorded: boolean;
  /** DSO, BPDSO, DBT, CEI… of the day, as the home computes them for that date; null when the scope has none. */
  kpis: KpiFigures | null;
};

/** The last day of each of the 12 months before `today`'s month, oldest first. */
export function lastMonthEnds(today: string, months = 12): string[] {
  const [y, m] = today.split("-").map(Number);
  const dates: string[] = [];
  // Day 0 of month m - i + 1 (1-based) is the last day of month m - i.
  for (let i = months; i >= 1; i--) dates.push(new Date(Date.UTC(y, m - i, 0)).toISOString().slice(0, 10));
  return dates;
}

/**
 * Encours and échu of the scope at each of the last 12 month ends and at the latest snapshot up to `today`,
 * read from the home aggregates in one grouped statement, with every indicator of those days. A day with no
 * snapshot comes back with `recorded: false` and zero amounts, so the chart can leave it out rather than draw a
 * fall to zero.
 */
export async function homeTrend(db: Queryable, scope: Scope, today: string, entityId?: string): Promise<TrendPoint[]> {
  const [{ latest }] = await queryRows<{ latest: string | null }>(
    db,
    sql`select max(snapshot_date)::text as latest from portfolio_snapshots where snapshot_date <= ${today}::date`,
  );
  const dates = [...new Set([...lastMonthEnds(today), ...(latest ? [latest] : [])])];
  const days = dates.map((d) => sql`(${d}::date)`);
  // The amounts and the indicators side by side: the indicators skip the days the scope has no row for.
  const [points, { byDate }] = await Promise.all([
    queryRows<Omit<TrendPoint, "kpis">>(
      db,
      sql`with days(d) as (select d from (values ${sql.join(days, sql`, `)}) v(d)),
        recorded as (select distinct snapshot_date from portfolio_snapshots where snapshot_date in (select d from days)),
        scoped as (
          select snapshot_date, sum(outstanding) as outstanding, sum(overdue) as overdue from portfolio_snapshots
          where snapshot_date in (select d from days) and ${aggregateInScope(portfolioSnapshots, scope, entityId)}
          group by snapshot_date
        )
        select days.d::text as date, coalesce(scoped.outstanding, 0)::text as outstanding,
          coalesce(scoped.overdue, 0)::text as overdue, recorded.snapshot_date is not null as recorded
        from days left join scoped on scoped.snapshot_date = days.d left join recorded on recorded.snapshot_date = days.d
        order by days.d`,
    ),
    kpisAt(db, scope, dates, entityId),
  ]);
  return points.map((point) => ({ ...point, kpis: byDate.get(point.date) ?? null }));
}
