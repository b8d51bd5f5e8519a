import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { queryRows } from "../client";
import { getOption } from "./settings";

export type SnapshotReport = { date: string; clients: number; outstanding: string; overdue: string };

/** Sum of the open amount of overdue documents whose days past due fall in (low, high]. */
function bucketSum(low: number, high: number | null): SQL {
  const upper = high === null ? sql`` : sql` and days_late <= ${high}`;
  return sql`coalesce(sum(open_at_date) filter (where days_late > ${low}${upper}), 0)`;
}

/**
 * Records, for every client, its encours, échu, non échu and aged buckets as of `date`, in one statement.
 * A document counts as open at `date` when issued by then and not settled by then, so past days can be
 * rebuilt; running it twice for the same day replaces that day's rows. Today's figures are also copied
 * onto `clients` so lists read them without aggregating documents.
 */
export async function recordDailySnapshot(db: Queryable, date: string): Promise<SnapshotReport> {
  const limits = await getOption(db, "agingLimits");
  const buckets = limits.map((limit, i) => bucketSum(i === 0 ? 0 : limits[i - 1], limit));
  buckets.push(bucketSum(limits[limits.length - 1], null));
  const d = sql`${date}::date`;

  await db.execute(sql`
    insert into daily_snapshots
      (snapshot_date, client_id, entity_id, outstanding, overdue, not_due, aged, aging_limits, sales)
    select ${d}, c.id, c.entity_id,
      coalesce(sum(open_at_date), 0),
      coalesce(sum(open_at_date) filter (where days_late > 0), 0),
      coalesce(sum(open_at_date) filter (where days_late <= 0), 0),
      array[${sql.join(buckets, sql`, `)}]::numeric[],
      ${JSON.stringify(limits)}::jsonb,
      coalesce(sum(sale), 0)
    from clients c
    left join lateral (
      select
        case when doc.issue_date <= ${d} and (doc.status = 'open' or doc.settled_date > ${d})
          then case when doc.status = 'open' then doc.open_amount else doc.amount end end as open_at_date,
        ${d} - doc.due_date as days_late,
        case when doc.issue_date = ${d} and doc.type in ('invoice', 'credit_note') then doc.amount end as sale
      from documents doc
      where doc.client_id = c.id
        and (doc.status = 'open' or doc.settled_date > ${d} or doc.issue_date = ${d})
    ) docs on true
    group by c.id, c.entity_id
    on conflict (snapshot_date, client_id) do update set
      entity_id = excluded.entity_id, outstanding = excluded.outstanding, overdue = excluded.overdue,
      not_due = excluded.not_due, aged = excluded.aged, aging_limits = excluded.aging_limits,
      sales = excluded.sales, created_at = now()
  `);

  await db.execute(sql`
    update clients c set outstanding = s.outstanding, overdue = s.overdue, aged = s.aged,
      balances_as_of = s.snapshot_date
    from daily_snapshots s
    where s.snapshot_date = ${d} and s.client_id = c.id
      and (c.balances_as_of is null or c.balances_as_of <= s.snapshot_date)
      -- Re-running a day (after each import) leaves unchanged clients alone: a row rewritten for nothing is a
      -- dead tuple every list then has to skip.
      and (c.outstanding, c.overdue, c.aged, c.balances_as_of) is distinct from (s.outstanding, s.overdue, s.aged, s.snapshot_date)
  `);

  const [totals] = await queryRows<{ clients: number; outstanding: string; overdue: string }>(
    db,
    sql`select count(*)::int as clients, coalesce(sum(outstanding), 0)::text as outstanding,
          coalesce(sum(overdue), 0)::text as overdue
        from daily_snapshots where snapshot_date = ${d}`,
  );
  return { date, ...totals };
}
