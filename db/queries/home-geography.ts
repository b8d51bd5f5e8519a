import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { monthStart } from "@/lib/dates";
import { queryRows, type Queryable } from "../client";
import { monthlySales, portfolioSnapshots } from "../schema";
import { aggregateInScope } from "./home-aggregates";

/** One French département (code as on `clients.department`, null when unknown) and its figures. */
export type DepartmentFigures = { department: string | null; clients: number; revenue: string; overdue: string };

/** How many calendar months of sales the map shows, the month of the snapshot included. */
export const GEOGRAPHY_MONTHS = 12;

/**
 * Chiffre d'affaires (invoices minus credit notes, TTC, issued from the first of the month 11 months before
 * `date`'s month up to `date`) and échu and clients (as the snapshot of `date` left them) of the scope, by
 * département of the client, from the home aggregates. Largest revenue first.
 */
export async function homeGeography(db: Queryable, scope: Scope, date: string, entityId?: string): Promise<DepartmentFigures[]> {
  return queryRows<DepartmentFigures>(
    db,
    sql`with balances as (
        select coalesce(department, '') as department, sum(clients)::int as clients, sum(overdue) as overdue
        from portfolio_snapshots
        where snapshot_date = ${date}::date and ${aggregateInScope(portfolioSnapshots, scope, entityId)}
        group by 1),
      sales as (
        select coalesce(department, '') as department, sum(amount) as revenue from monthly_sales
        where month >= ${monthStart(date, GEOGRAPHY_MONTHS - 1)}::date and month <= ${date}::date
          and ${aggregateInScope(monthlySales, scope, entityId)}
        group by 1)
      -- A full join matches no nulls: unknown départements meet as '' and leave as null.
      select nullif(department, '') as department, coalesce(balances.clients, 0) as clients,
        coalesce(sales.revenue, 0)::text as revenue, coalesce(balances.overdue, 0)::text as overdue
      from balances full join sales using (department)
      order by coalesce(sales.revenue, 0) desc, 1 nulls last`,
  );
}
