/**
 * Collector performance over a period (SPEC §9): actions done by type, promises obtained and kept, amounts
 * settled on their portfolio, and the portfolio's encours and échu. One set-based query for every collector.
 */
import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

export type TeamPerformanceRow = {
  userId: string;
  name: string;
  /** Actions sent or done in the period, per type (call, email, letter, sms, task, formal_notice). */
  actions: Record<string, number>;
  actionsTotal: number;
  calls: number;
  promisesObtained: number;
  promisesKept: number;
  /** Σ amount of the portfolio's invoices settled in the period. */
  settled: string;
  settledDocuments: number;
  clients: number;
  outstanding: string;
  overdue: string;
};

/**
 * One row per active collector, by name. An action counts for whoever did it (done by, else confirmed by,
 * else assigned to, else the client's collector for automatic sendings) on the day it was done or sent;
 * a promise for whoever recorded it on the day it was recorded; settled invoices for the client's collector.
 */
export async function teamPerformance(db: Queryable, scope: Scope, period: { from: string; to: string }): Promise<TeamPerformanceRow[]> {
  const { from, to } = period;
  const rows = await queryRows<{
    user_id: string;
    name: string;
    actions: Record<string, number> | null;
    promises_obtained: number;
    promises_kept: number;
    settled: string;
    settled_documents: number;
    clients: number;
    outstanding: string;
    overdue: string;
  }>(
    db,
    sql`with acts as (
        select coalesce(a.done_by_id, a.confirmed_by_id, a.assigned_user_id, clients.collector_id) as user_id, a.type::text as type, count(*)::int as n
        from actions a join clients on clients.id = a.client_id
        where a.status in ('sent', 'done') and ${clientInScope(scope)}
          and (coalesce(a.done_at, a.sent_at) at time zone 'Europe/Paris')::date between ${from}::date and ${to}::date
        group by 1, 2),
      proms as (
        select p.created_by_id as user_id, count(*)::int as obtained, (count(*) filter (where p.status = 'kept'))::int as kept
        from promises p join clients on clients.id = p.client_id
        where ${clientInScope(scope)} and (p.created_at at time zone 'Europe/Paris')::date between ${from}::date and ${to}::date
        group by 1),
      settled as (
        select clients.collector_id as user_id, sum(d.amount) as amount, count(*)::int as n
        from documents d join clients on clients.id = d.client_id
        where d.status = 'settled' and d.type = 'invoice' and d.settled_date between ${from}::date and ${to}::date and ${clientInScope(scope)}
        group by 1),
      portfolio as (
        select clients.collector_id as user_id, count(*)::int as n, sum(clients.outstanding) as outstanding, sum(clients.overdue) as overdue
        from clients where ${clientInScope(scope)} and clients.collector_id is not null
        group by 1)
      select u.id as user_id, u.name,
        (select jsonb_object_agg(acts.type, acts.n) from acts where acts.user_id = u.id) as actions,
        coalesce(proms.obtained, 0) as promises_obtained, coalesce(proms.kept, 0) as promises_kept,
        coalesce(settled.amount, 0)::text as settled, coalesce(settled.n, 0) as settled_documents,
        coalesce(portfolio.n, 0) as clients,
        coalesce(portfolio.outstanding, 0)::text as outstanding, coalesce(portfolio.overdue, 0)::text as overdue
      from users u
      left join proms on proms.user_id = u.id
      left join settled on settled.user_id = u.id
      left join portfolio on portfolio.user_id = u.id
      where u.role = 'collector' and u.active
      order by u.name, u.id`,
  );
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
      settled: r.settled,
      settledDocuments: r.settled_documents,
      clients: r.clients,
      outstanding: r.outstanding,
      overdue: r.overdue,
    };
  });
}
