import { and, gte, lte, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { addDays } from "@/lib/dates";
import { type Queryable, queryRows } from "../client";
import { actions } from "../schema";
import { type AgendaFilters, agendaActionsWhere } from "./agenda";
import { shownActionStatus } from "./send-state";

/**
 * Where an action stands for the charts: carried out, sent only to the outbox (simulated, not a real send), to do
 * now (due or late), or still to come.
 */
export type ChartState = "done" | "simulated" | "todo" | "future";
export type AgendaChartRow = { day: string; type: string; status: string; state: ChartState; actions: number };

export const CHART_DAYS_BEFORE = 14;
export const CHART_DAYS_AFTER = 14;

/**
 * Actions of the agenda's filters, counted per planned day, type and status over the weeks around `today` (or the
 * filters' own period): one grouped query, shaped into charts by the page. Cancelled actions are left out.
 */
export function agendaChartRows(db: Queryable, scope: Scope, filters: AgendaFilters, today: string): Promise<AgendaChartRow[]> {
  const from = filters.from ?? addDays(today, -CHART_DAYS_BEFORE);
  const to = filters.to ?? addDays(today, CHART_DAYS_AFTER);
  const status = shownActionStatus(sql`${actions.status}`, sql`${actions.id}`);
  return queryRows<AgendaChartRow>(
    db,
    sql`select ${actions.plannedDate}::text as day, ${actions.type}::text as type, ${status} as status,
          case when ${status} = 'simulated' then 'simulated'
               when ${actions.status} in ('done', 'sent') then 'done'
               when ${actions.plannedDate} <= ${today}::date then 'todo' else 'future' end as state,
          count(*)::int as actions
        from ${actions}
        where ${and(agendaActionsWhere(scope, filters), gte(actions.plannedDate, from), lte(actions.plannedDate, to))}
          and ${actions.status} <> 'cancelled'
        group by 1, 2, 3, 4
        order by 1, 2, 3`,
  );
}
