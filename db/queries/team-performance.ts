/**
 * Collector performance over a period (SPEC §9): actions done by type, promises obtained and kept, amounts
 * settled on their portfolio, and the portfolio's encours, échu and DSO. One set-based query for every
 * collector, and one for the monthly sales of their portfolios.
 */
import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { addDays, monthStart } from "@/lib/dates";
import { DSO_MAX_MONTHS, dsoCountback } from "@/lib/kpi/dso";
import { queryRows, type Queryable } from "../client";
import { monthlySales, portfolioSnapshots } from "../schema";
import { aggregateInScope } from "./home-aggregates";
import { clientInScope, seesEveryClient } from "./scope";
import { simulatedSend } from "./send-state";

export type TeamPerformanceRow = {
  userId: string;
  name: string;
  /** Actions sent or done in the period, per type (call, email, letter, sms, task, formal_notice). */
  actions: Record<string, number>;
  actionsTotal: number;
  calls: number;
  promisesObtained: number;
  promisesKept: number;
  /** Échéanciers of the portfolio that ended kept, or broken, in the period. */
  plansKept: number;
  plansBroken: number;
  /** Σ amount of the portfolio's invoices settled in the period. */
  settled: string;
  settledDocuments: number;
  clients: number;
  outstanding: string;
  overdue: string;
  /** DSO (countback) of the portfolio at the end of the period. */
  dso: number;
};

/** The 30 days ending on `date`: the period the daily snapshot sums settled invoices over. */
export function teamPeriod(date: string): { from: string; to: string } {
  return { from: addDays(date, -29), to: date };
}

/** The instant a Paris calendar day begins. */
const parisDayStart = (date: string) => sql`(${date}::date::timestamp at time zone 'Europe/Paris')`;

/**
 * One row per active collector, by name, over the 30 days ending on `date`. An action counts for whoever did
 * it (done by, else confirmed by, else assigned to, else the client's collector for automatic sendings) on the
 * day it was done or sent; a promise for whoever recorded it on the day it was recorded. The portfolio, and
 * the invoices it settled, are read from the home aggregates of `date`.
 */
export async function teamPerformance(db: Queryable, scope: Scope, date: string, entityId?: string): Promise<TeamPerformanceRow[]> {
  const { from, to } = teamPeriod(date);
  const clients = entityId ? sql`${clientInScope(scope)} and clients.entity_id = ${entityId}` : clientInScope(scope);
  const everyClient = !entityId && seesEveryClient(scope);
  const nextDay = sql`(${to}::date + 1)`;
  const [rows, sales] = await Promise.all([
    queryRows<{
      user_id: string;
      name: string;
      actions: Record<string, number> | null;
      promises_obtained: number;
      promises_kept: number;
      plans_kept: number;
      plans_broken: number;
      settled: string;
      settled_documents: number;
      clients: number;
      outstanding: string;
      overdue: string;
    }>(
      db,
      // Materialized: inlined into the per-collector subquery below, the month's actions were read once per collector.
      sql`with acts as materialized (
          -- The client is read only for the rare action nobody did, confirmed or was assigned, and for a narrower scope.
          select coalesce(a.done_by_id, a.confirmed_by_id, a.assigned_user_id,
              (select c.collector_id from clients c where c.id = a.client_id)) as user_id, a.type::text as type, count(*)::int as n
          from actions a
          -- A send that stayed in the outbox (no provider configured) reached no one: it is not counted.
          where a.status in ('sent', 'done') and not ${simulatedSend(sql`a.id`)}
            ${everyClient ? sql`` : sql`and exists (select 1 from clients where clients.id = a.client_id and ${clients})`}
            and coalesce(a.done_at, a.sent_at) >= ${parisDayStart(from)}
            and coalesce(a.done_at, a.sent_at) < (${nextDay}::timestamp at time zone 'Europe/Paris')
          group by 1, 2),
        proms as (
          select p.created_by_id as user_id, count(*)::int as obtained, (count(*) filter (where p.status = 'kept'))::int as kept
          from promises p join clients on clients.id = p.client_id
          where ${clients} and p.created_at >= ${parisDayStart(from)}
            and p.created_at < (${nextDay}::timestamp at time zone 'Europe/Paris')
          group by 1),
        plans as (
          select clients.collector_id as user_id, (count(*) filter (where pp.status = 'kept'))::int as kept,
            (count(*) filter (where pp.status = 'broken'))::int as broken
          from payment_plans pp join clients on clients.id = pp.client_id
          where ${clients} and pp.status in ('kept', 'broken') and pp.ended_on between ${from}::date and ${to}::date
          group by 1),
        portfolio as (
          select collector_id as user_id, sum(clients)::int as n, sum(outstanding) as outstanding, sum(overdue) as overdue,
            sum(invoices_settled30d) as settled, sum(invoices_settled30d_count)::int as settled_documents
          from portfolio_snapshots
          where snapshot_date = ${to}::date and collector_id is not null and ${aggregateInScope(portfolioSnapshots, scope, entityId)}
          group by 1)
        select u.id as user_id, u.name,
          (select jsonb_object_agg(acts.type, acts.n) from acts where acts.user_id = u.id) as actions,
          coalesce(proms.obtained, 0) as promises_obtained, coalesce(proms.kept, 0) as promises_kept,
          coalesce(plans.kept, 0) as plans_kept, coalesce(plans.broken, 0) as plans_broken,
          coalesce(portfolio.settled, 0)::text as settled, coalesce(portfolio.settled_documents, 0) as settled_documents,
          coalesce(portfolio.n, 0) as clients,
          coalesce(portfolio.outstanding, 0)::text as outstanding, coalesce(portfolio.overdue, 0)::text as overdue
        from users u
        left join proms on proms.user_id = u.id
        left join plans on plans.user_id = u.id
        left join portfolio on portfolio.user_id = u.id
        where u.role = 'collector' and u.active
        order by u.name, u.id`,
    ),
    queryRows<{ user_id: string; month: string; amount: string }>(
      db,
      sql`select collector_id as user_id, to_char(month, 'YYYY-MM') as month, sum(amount)::text as amount from monthly_sales
          where month >= ${monthStart(to, DSO_MAX_MONTHS - 1)}::date and collector_id is not null
            and ${aggregateInScope(monthlySales, scope, entityId)}
          group by 1, 2`,
    ),
  ]);
  const salesOf = (userId: string) => Object.fromEntries(sales.filter((s) => s.user_id === userId).map((s) => [s.month, s.amount]));
  return rows.map((r) => {
    const actions = r.actions ?? {};
    return {
      userId: r.user_id,
      name: r.name,
      actions,
      actionsTotal: Object.values(actions).reduce((sum, n) => sum + n, 0),
      calls: actions.call ?? 0,
      promisesObtained: r.promises_obtained,
      promisesKept: r.promises_kept,
      plansKept: r.plans_kept,
      plansBroken: r.plans_broken,
      settled: r.settled,
      settledDocuments: r.settled_documents,
      clients: r.clients,
      outstanding: r.outstanding,
      overdue: r.overdue,
      dso: dsoCountback({ date: to, receivable: r.outstanding, monthlySales: salesOf(r.user_id) }),
    };
  });
}
