/**
 * The home figures the browser tests expect, computed straight from the documents table with SQL of their own
 * (SPEC §9), never through the app's KPI queries, snapshots or the balances kept on clients.
 */
import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";

export type ExpectedBalances = { outstanding: string; overdue: string; notDue: string; overdueShare: number | null };
export type ExpectedHomeFigures = ExpectedBalances & { dso: number };

/** Documents of the whole book, or of the clients a collector (by e-mail) is assigned. */
function clientsOf(collectorEmail: string | null): SQL {
  return collectorEmail === null
    ? sql`true`
    : sql`c.collector_id = (select id from users where email = ${collectorEmail})`;
}

/** Encours = Σ open amount of open documents; échu = those due before `date`; non échu = the rest. */
export async function expectedBalances(db: Queryable, date: string, collectorEmail: string | null): Promise<ExpectedBalances> {
  const [row] = await queryRows<{ outstanding: string; overdue: string; not_due: string; overdue_share: number | null }>(
    db,
    sql`select coalesce(sum(d.open_amount), 0)::text as outstanding,
          coalesce(sum(d.open_amount) filter (where d.due_date < ${date}::date), 0)::text as overdue,
          coalesce(sum(d.open_amount) filter (where d.due_date >= ${date}::date), 0)::text as not_due,
          (sum(d.open_amount) filter (where d.due_date < ${date}::date) / nullif(sum(d.open_amount), 0))::float8 as overdue_share
        from documents d join clients c on c.id = d.client_id
        where d.status = 'open' and ${clientsOf(collectorEmail)}`,
  );
  return { outstanding: row.outstanding, overdue: row.overdue, notDue: row.not_due, overdueShare: row.overdue_share };
}

/** The 24 countback periods of `date`, newest first: days counted and sales (invoices + credit notes, signed) in cents. */
async function countbackPeriods(db: Queryable, date: string, collectorEmail: string | null) {
  return queryRows<{ days: number; sales_cents: string }>(
    db,
    sql`with periods as (
          select back, (date_trunc('month', ${date}::date::timestamp) - make_interval(months => back))::date as first_day
          from generate_series(0, 23) as back
        ),
        monthly as (
          select date_trunc('month', d.issue_date::timestamp)::date as first_day, sum(d.amount) as sales
          from documents d join clients c on c.id = d.client_id
          where d.type in ('invoice', 'credit_note') and d.issue_date <= ${date}::date and ${clientsOf(collectorEmail)}
          group by 1
        )
        select case when p.back = 0 then ${date}::date - p.first_day + 1
                    else (p.first_day + interval '1 month')::date - p.first_day end as days,
          (coalesce(m.sales, 0) * 100)::bigint::text as sales_cents
        from periods p left join monthly m on m.first_day = p.first_day
        order by p.back`,
  );
}

/**
 * DSO by countback: start from the encours at D; for the month of D (its days up to D) and then each earlier
 * calendar month (its full length), 24 at most: while the remainder ≥ that month's sales, add its days and
 * subtract its sales; otherwise add remainder / sales × its days and stop.
 */
export async function expectedDso(db: Queryable, date: string, outstanding: string, collectorEmail: string | null): Promise<number> {
  let remainder = Math.round(Number(outstanding) * 100);
  let dso = 0;
  for (const period of await countbackPeriods(db, date, collectorEmail)) {
    if (remainder <= 0) break;
    const sales = Number(period.sales_cents);
    if (remainder < sales) return dso + (remainder / sales) * period.days;
    dso += period.days;
    remainder -= sales;
  }
  return dso;
}

export async function expectedHomeFigures(db: Queryable, date: string, collectorEmail: string | null): Promise<ExpectedHomeFigures> {
  const balances = await expectedBalances(db, date, collectorEmail);
  return { ...balances, dso: await expectedDso(db, date, balances.outstanding, collectorEmail) };
}
