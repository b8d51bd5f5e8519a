import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

export type TrendPoint = { date: string; outstanding: string; overdue: string; recorded: boolean };

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
 * read from the daily snapshots in one grouped statement. A day with no snapshot comes back with
 * `recorded: false` and zero amounts, so the chart can leave it out rather than draw a fall to zero.
 */
export async function homeTrend(db: Queryable, scope: Scope, today: string): Promise<TrendPoint[]> {
  const days = lastMonthEnds(today).map((d) => sql`(${d}::date)`);
  const rows = await queryRows<{ date: string; outstanding: string; overdue: string; recorded: boolean }>(
    db,
    sql`with days(d) as (
        select d from (values ${sql.join(days, sql`, `)}) v(d)
        union
        select max(snapshot_date) from daily_snapshots where snapshot_date <= ${today}::date
      ),
      scoped as (
        select s.snapshot_date, s.outstanding, s.overdue
        from daily_snapshots s join clients on clients.id = s.client_id
        where s.snapshot_date in (select d from days where d is not null) and ${clientInScope(scope)}
      )
      select days.d::text as date,
        coalesce(sum(scoped.outstanding), 0)::text as outstanding,
        coalesce(sum(scoped.overdue), 0)::text as overdue,
        exists (select 1 from daily_snapshots x where x.snapshot_date = days.d) as recorded
      from days left join scoped on scoped.snapshot_date = days.d
      where days.d is not null
      group by days.d
      order by days.d`,
  );
  return rows;
}
