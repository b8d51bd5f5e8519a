import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

/** One French département (code as on `clients.department`, null when unknown) and its figures. */
export type DepartmentFigures = { department: string | null; clients: number; revenue: string; overdue: string };

/**
 * Chiffre d'affaires (invoices minus credit notes, TTC, issued in the 12 months up to `today`) and échu
 * (as the latest snapshot left it on each client) of the scope, by département of the client, in one
 * grouped statement. Largest revenue first.
 */
export async function homeGeography(db: Queryable, scope: Scope, today: string): Promise<DepartmentFigures[]> {
  return queryRows<DepartmentFigures>(
    db,
    sql`select nullif(trim(clients.department), '') as department,
        count(*)::int as clients,
        coalesce(sum(sales.total), 0)::text as revenue,
        coalesce(sum(clients.overdue), 0)::text as overdue
      from clients
      left join lateral (
        select sum(d.amount) as total from documents d
        where d.client_id = clients.id and d.type in ('invoice', 'credit_note')
          and d.issue_date > (${today}::date - interval '12 months')::date and d.issue_date <= ${today}::date
      ) sales on true
      where ${clientInScope(scope)}
      group by 1
      order by coalesce(sum(sales.total), 0) desc, 1 nulls last`,
  );
}
