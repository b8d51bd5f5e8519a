import { type SQL, sql } from "drizzle-orm";
import { addDays, monthStart } from "@/lib/dates";
import type { Queryable } from "../client";
import { queryRows } from "../client";
import { countsInIndicators } from "./currencies";
import { addMonthlySalesChanges, refreshMonthlySales, refreshPortfolioSnapshot } from "./home-aggregates";
import { getOption } from "./settings";

/** What an import changed: `clients` selects the ids of the clients whose pièces it wrote. */
export type SnapshotScope = {
  clients?: SQL;
  /** The import recorded how its pièces change the sales (`document_sales_changes`): they are added, not rebuilt. */
  salesChanges?: boolean;
};

export type SnapshotReport = { date: string; clients: number; outstanding: string; overdue: string };

/** Sum of the open amount of overdue documents whose days past due fall in (low, high]. */
function bucketSum(low: number, high: number | null): SQL {
  const upper = high === null ? sql`` : sql` and days_late <= ${high}`;
  return sql`coalesce(sum(open_at_date) filter (where days_late > ${low}${upper}), 0)`;
}

/**
 * Records, for every client, its encours, échu, non échu, aged buckets, month-to-date sales, what the DBT and
 * the taux de recouvrement need and the invoices settled in the last 30 days, as of `date`, in one statement;
 * then the home page's aggregates of that day. A document counts as open at `date` when issued by then and not settled by then, so past days can be
 * rebuilt; running it twice for the same day replaces that day's rows. Today's figures are also copied onto
 * `clients` so lists read them without aggregating documents. With `clients`, the newest day, already recorded,
 * is recorded again for those clients only (after an import).
 */
export async function recordDailySnapshot(db: Queryable, date: string, options: SnapshotScope = {}): Promise<SnapshotReport> {
  const limits = await getOption(db, "agingLimits");
  const buckets = limits.map((limit, i) => bucketSum(i === 0 ? 0 : limits[i - 1], limit));
  buckets.push(bucketSum(limits[limits.length - 1], null));
  const [{ newest, recorded }] = await queryRows<{ newest: boolean; recorded: boolean }>(
    db,
    sql`select coalesce(max(snapshot_date) <= ${date}::date, true) as newest,
          exists (select 1 from daily_snapshots where snapshot_date = ${date}::date)
            and not exists (select 1 from daily_snapshots where snapshot_date = ${date}::date
                            and aging_limits <> ${JSON.stringify(limits)}::jsonb) as recorded
        from daily_snapshots`,
  );
  // The other clients' rows of a day already recorded (with today's aging limits) are as they were: only their own
  // pièces move them.
  const only = options.clients && recorded && newest ? sql`and c.id in (${options.clients})` : sql``;
  const d = sql`${date}::date`;
  const month = sql`${monthStart(date)}::date`;
  const dueFrom = sql`${addDays(date, -29)}::date`;
  // Partial payments carry no date: they count as settled only in the newest snapshot, the one of the day the
  // open amounts were read; rebuilding a past day counts an invoice as settled once it is settled in full.
  const partlyPaid = newest ? sql`when doc.status = 'open' then doc.amount - doc.open_amount` : sql``;

  await db.execute(sql`
    insert into daily_snapshots
      (snapshot_date, client_id, entity_id, outstanding, overdue, not_due, aged, aging_limits, sales,
       sales_month, overdue_invoices, overdue_days, due30d, settled30d, invoices_settled30d, invoices_settled30d_count)
    select ${d}, c.id, c.entity_id,
      coalesce(sum(open_at_date), 0),
      coalesce(sum(open_at_date) filter (where days_late > 0), 0),
      coalesce(sum(open_at_date) filter (where days_late <= 0), 0),
      array[${sql.join(buckets, sql`, `)}]::numeric[],
      ${JSON.stringify(limits)}::jsonb,
      coalesce(sum(sale) filter (where issue_date = ${d}), 0),
      coalesce(sum(sale), 0),
      coalesce(sum(open_at_date) filter (where late_invoice), 0),
      coalesce(sum(open_at_date * days_late) filter (where late_invoice), 0),
      coalesce(sum(due), 0),
      coalesce(sum(paid), 0),
      coalesce(sum(settled_recently), 0),
      count(settled_recently)
    from clients c
    left join lateral (
      select doc.issue_date, open_at_date, ${d} - doc.due_date as days_late,
        doc.type = 'invoice' and ${d} - doc.due_date > 0 and open_at_date > 0 as late_invoice,
        case when doc.issue_date >= ${month} and doc.issue_date <= ${d} and doc.type in ('invoice', 'credit_note')
          then doc.amount end as sale,
        case when falls_due then doc.amount end as due,
        case when falls_due then case when doc.status = 'settled' and doc.settled_date <= ${d} then doc.amount
          ${partlyPaid} else 0 end end as paid,
        case when doc.type = 'invoice' and doc.status = 'settled' and doc.settled_date between ${dueFrom} and ${d}
          then doc.amount end as settled_recently
      from documents doc
      cross join lateral (select
        case when doc.issue_date <= ${d} and (doc.status = 'open' or doc.settled_date > ${d})
          then case when doc.status = 'open' then doc.open_amount else doc.amount end end as open_at_date,
        doc.type = 'invoice' and doc.due_date between ${dueFrom} and ${d} and doc.issue_date <= ${d} as falls_due) v
      where doc.client_id = c.id and ${countsInIndicators("doc")}
        and (doc.status = 'open' or doc.settled_date >= ${dueFrom} or doc.issue_date >= ${month}
          or doc.due_date between ${dueFrom} and ${d})
    ) docs on true
    where true ${only}
    group by c.id, c.entity_id
    on conflict (snapshot_date, client_id) do update set
      entity_id = excluded.entity_id, outstanding = excluded.outstanding, overdue = excluded.overdue,
      not_due = excluded.not_due, aged = excluded.aged, aging_limits = excluded.aging_limits,
      sales = excluded.sales, sales_month = excluded.sales_month, overdue_invoices = excluded.overdue_invoices,
      overdue_days = excluded.overdue_days, due30d = excluded.due30d, settled30d = excluded.settled30d,
      invoices_settled30d = excluded.invoices_settled30d, invoices_settled30d_count = excluded.invoices_settled30d_count,
      created_at = now()
  `);

  await db.execute(sql`
    update clients c set outstanding = s.outstanding, overdue = s.overdue, aged = s.aged,
      balances_as_of = s.snapshot_date
    from daily_snapshots s
    where s.snapshot_date = ${d} and s.client_id = c.id ${only}
      and (c.balances_as_of is null or c.balances_as_of <= s.snapshot_date)
      -- Re-running a day (after each import) leaves unchanged clients alone: a row rewritten for nothing is a
      -- dead tuple every list then has to skip.
      and (c.outstanding, c.overdue, c.aged, c.balances_as_of) is distinct from (s.outstanding, s.overdue, s.aged, s.snapshot_date)
  `);

  await refreshPortfolioSnapshot(db, date);
  if (newest) await (options.salesChanges ? addMonthlySalesChanges(db, date) : refreshMonthlySales(db, date));

  const [totals] = await queryRows<{ clients: number; outstanding: string; overdue: string }>(
    db,
    sql`select count(*)::int as clients, coalesce(sum(outstanding), 0)::text as outstanding,
          coalesce(sum(overdue), 0)::text as overdue
        from daily_snapshots where snapshot_date = ${d}`,
  );
  return { date, ...totals };
}

/**
 * Records the snapshot of each of `dates` that has none, rebuilt from the pièces: the past days a chosen date, the
 * trend or `npm run kpi` read. Days after the newest snapshot are tomorrow's nightly run's, days before the first
 * pièce have nothing to show: both are left alone. Returns the days recorded, oldest first.
 */
export async function recordMissingSnapshots(db: Queryable, dates: string[]): Promise<string[]> {
  if (dates.length === 0) return [];
  const rows = await queryRows<{ date: string }>(
    db,
    sql`select d::text as date from (values ${sql.join(dates.map((day) => sql`(${day}::date)`), sql`, `)}) v(d)
        where not exists (select 1 from daily_snapshots s where s.snapshot_date = v.d)
          and v.d <= (select max(snapshot_date) from daily_snapshots)
          and v.d >= (select min(issue_date) from documents)
        group by d order by d`,
  );
  for (const { date } of rows) await recordDailySnapshot(db, date);
  return rows.map((row) => row.date);
}
