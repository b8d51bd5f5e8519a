/**
 * The home page's aggregates: the daily snapshots summed per société, collector, sales rep and département
 * (`portfolio_snapshots`), and the monthly sales the DSO counts back over (`monthly_sales`). Both are rebuilt from
 * their sources, so running a refresh twice, or after a reassignment, is harmless. Each refresh runs inside a
 * transaction and waits for the others: two interleaved rebuilds would both delete, then both insert.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import type { monthlySales, portfolioSnapshots } from "../schema";
import { inScope } from "./scope";
import { countsInIndicators } from "./currencies";

/** The rows of the home aggregates `scope` may see, narrowed to `entityId` and to `collectorId` when given. */
export function aggregateInScope(
  table: typeof portfolioSnapshots | typeof monthlySales,
  scope: Scope,
  entityId?: string,
  collectorId?: string,
): SQL {
  let where = inScope(scope, table);
  if (entityId) where = sql`${where} and ${table.entityId} = ${entityId}`;
  if (collectorId) where = sql`${where} and ${table.collectorId} = ${collectorId}`;
  return where;
}

async function lockAggregates(db: Queryable) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('encaisse:home-aggregates'))`);
}

/** The columns both aggregates are grouped by, as read from a client `c`. */
const dimensions = sql`c.entity_id, c.collector_id, c.sales_rep_id, nullif(trim(c.department), '')`;

/** Rebuilds `date`'s rows of `portfolio_snapshots` from that day's daily snapshots and today's assignments. */
export async function refreshPortfolioSnapshot(db: Queryable, date: string): Promise<void> {
  await lockAggregates(db);
  await db.execute(sql`delete from portfolio_snapshots where snapshot_date = ${date}::date`);
  // Every row of a day has as many aged buckets as that day's limits made.
  const [day] = await queryRows<{ aged_buckets: number }>(
    db,
    sql`select cardinality(aged) as aged_buckets from daily_snapshots where snapshot_date = ${date}::date limit 1`,
  );
  if (!day) return;
  const subscripts = Array.from({ length: day.aged_buckets }, (_, i) => i + 1);
  const agedSums = subscripts.map((i) => sql`coalesce(sum(s.aged[${sql.raw(String(i))}]), 0)`);
  const bucketClients = [
    sql`count(*) filter (where s.not_due <> 0)`,
    ...subscripts.map((i) => sql`count(*) filter (where s.aged[${sql.raw(String(i))}] <> 0)`),
  ];
  await db.execute(sql`
    insert into portfolio_snapshots (snapshot_date, entity_id, collector_id, sales_rep_id, department, clients,
      clients_with_balance, bucket_clients, outstanding, overdue, not_due, aged, aging_limits, sales_month,
      overdue_invoices, overdue_days, due30d, settled30d, invoices_settled30d, invoices_settled30d_count)
    select s.snapshot_date, ${dimensions}, count(*),
      count(*) filter (where s.not_due <> 0 or 0 <> any(s.aged)),
      array[${sql.join(bucketClients, sql`, `)}]::int[],
      sum(s.outstanding), sum(s.overdue), sum(s.not_due),
      array[${sql.join(agedSums, sql`, `)}]::numeric[],
      min(s.aging_limits::text)::jsonb,
      sum(s.sales_month), sum(s.overdue_invoices), sum(s.overdue_days), sum(s.due30d), sum(s.settled30d),
      sum(s.invoices_settled30d), sum(s.invoices_settled30d_count)
    from daily_snapshots s join clients c on c.id = s.client_id
    where s.snapshot_date = ${date}::date
    group by s.snapshot_date, ${dimensions}
  `);
}

/**
 * Rebuilds `monthly_sales` from the documents: invoices minus credit notes issued up to `date`, every month since
 * the first, so that the DSO of any past day counts back over the sales of its own 24 months.
 */
export async function refreshMonthlySales(db: Queryable, date: string): Promise<void> {
  await lockAggregates(db);
  await db.execute(sql`delete from monthly_sales`);
  await db.execute(sql`
    insert into monthly_sales (month, entity_id, collector_id, sales_rep_id, department, amount)
    select date_trunc('month', d.issue_date)::date, ${dimensions}, sum(d.amount)
    from documents d join clients c on c.id = d.client_id
    where d.type in ('invoice', 'credit_note') and ${countsInIndicators("d")}
      and d.issue_date <= ${date}::date
    group by 1, ${dimensions}
  `);
}

/**
 * Adds to `monthly_sales` the changes an import recorded in `document_sales_changes` (the pièces it wrote, each
 * old amount taken away), up to `date` as `refreshMonthlySales` rebuilds them: the same sums as a
 * rebuild, reading only the pièces written, as long as no client changed société, collector, sales rep or
 * département meanwhile.
 */
export async function addMonthlySalesChanges(db: Queryable, date: string): Promise<void> {
  await lockAggregates(db);
  const sameKey = sql`m.month = ch.month and m.entity_id = ch.entity_id and m.collector_id is not distinct from ch.collector_id
    and m.sales_rep_id is not distinct from ch.sales_rep_id and m.department is not distinct from ch.department`;
  await db.execute(sql`
    with changes as (
      select date_trunc('month', s.issue_date)::date as month, ${dimensions} as department, sum(s.amount) as amount
      from document_sales_changes s join clients c on c.id = s.client_id
      where s.issue_date <= ${date}::date
      group by 1, ${dimensions}
    ), added as (
      update monthly_sales m set amount = m.amount + ch.amount from changes ch where ${sameKey}
      returning m.month, m.entity_id, m.collector_id, m.sales_rep_id, m.department
    )
    insert into monthly_sales (month, entity_id, collector_id, sales_rep_id, department, amount)
    select ch.month, ch.entity_id, ch.collector_id, ch.sales_rep_id, ch.department, ch.amount from changes ch
    where not exists (select 1 from added m where ${sameKey})
  `);
  await db.execute(sql`truncate document_sales_changes`);
}

/**
 * After clients change société, collector or sales rep: the newest day's aggregates and the monthly sales
 * follow the new assignments, so each portfolio's home page agrees with its clients list.
 */
export async function refreshHomeAggregates(db: Queryable): Promise<void> {
  const [latest] = await queryRows<{ date: string | null }>(db, sql`select max(snapshot_date)::text as date from daily_snapshots`);
  if (!latest.date) return;
  await refreshPortfolioSnapshot(db, latest.date);
  await refreshMonthlySales(db, latest.date);
}
