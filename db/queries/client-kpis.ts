/** The figures at the top of a fiche client, in one query; `today` is passed in, never read from the clock. */
import { and, eq, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients } from "../schema";
import { clientInScope } from "./scope";
import { countsInIndicators } from "./currencies";

export type ClientKpis = {
  outstanding: string;
  overdue: string;
  creditLimit: string | null;
  /** Échu / encours; null when nothing is owed. */
  overdueShare: number | null;
  /** Encours / limite de crédit; null without a limit. */
  creditUsed: number | null;
  /** Days beyond terms: Σ(open amount × days past due) / Σ open amount, over overdue invoices. */
  dbt: number | null;
  /** Amount-weighted days between due date and settlement (0 when paid early), invoices settled over 12 months. */
  averageDaysLate: number | null;
};

// Subqueries name the outer row by hand: in a one-table select Drizzle leaves columns unqualified.
const dbt = (today: string) => sql<number | null>`(
  select (sum(d.open_amount * (${today}::date - d.due_date)) / nullif(sum(d.open_amount), 0))::float8
  from documents d
  where d.client_id = "clients"."id" and d.status = 'open' and d.type = 'invoice' and ${countsInIndicators("d")}
    and d.open_amount > 0 and d.due_date < ${today}::date)`;

const averageDaysLate = (today: string) => sql<number | null>`(
  select (sum(d.amount * greatest(d.settled_date - d.due_date, 0)) / nullif(sum(d.amount), 0))::float8
  from documents d
  where d.client_id = "clients"."id" and d.status = 'settled' and d.type = 'invoice' and ${countsInIndicators("d")} and d.amount > 0
    and d.settled_date > (${today}::date - interval '12 months')::date and d.settled_date <= ${today}::date)`;

/** The KPI strip of one client in scope, or null when it is not found there. */
export async function getClientKpis(db: Queryable, scope: Scope, clientId: string, today: string): Promise<ClientKpis | null> {
  const [row] = await db
    .select({
      outstanding: clients.outstanding,
      overdue: clients.overdue,
      creditLimit: clients.creditLimit,
      overdueShare: sql<number | null>`case when "clients"."outstanding" > 0 then ("clients"."overdue" / "clients"."outstanding")::float8 end`,
      creditUsed: sql<number | null>`case when "clients"."credit_limit" > 0 then ("clients"."outstanding" / "clients"."credit_limit")::float8 end`,
      dbt: dbt(today),
      averageDaysLate: averageDaysLate(today),
    })
    .from(clients)
    .where(and(eq(clients.id, clientId), clientInScope(scope)));
  return row ?? null;
}
