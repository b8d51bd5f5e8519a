/** Counters of the états of « Relances automatiques », for the chips that filter by them. */
import { and, inArray, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type AutomaticState, automaticStates } from "@/lib/relance/automatic-states";
import type { Queryable } from "../client";
import { actions } from "../schema";
import { type AgendaFilters, agendaActionsWhere, automaticStateWhere, tabStatuses } from "./agenda";

/** How many automatic actions match the filters in each état, in one pass (the états may overlap: « à venir »). */
export async function countAutomaticStates(db: Queryable, scope: Scope, filters: AgendaFilters, today: string): Promise<Record<AutomaticState, number>> {
  const columns = Object.fromEntries(
    automaticStates.map((key) => [key, sql<number>`(count(*) filter (where ${automaticStateWhere(key, today)}))::int`]),
  ) as Record<AutomaticState, ReturnType<typeof sql<number>>>;
  const [row] = await db
    .select(columns)
    .from(actions)
    .where(and(agendaActionsWhere(scope, { ...filters, state: undefined }), inArray(actions.status, [...tabStatuses.automatic])));
  return row;
}

/** How many automatic actions a selection holds, whatever their état: what a bulk confirmation was asked about. */
export async function countAutomaticMatching(db: Queryable, scope: Scope, filters: AgendaFilters): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(actions)
    .where(and(agendaActionsWhere(scope, filters), inArray(actions.status, [...tabStatuses.automatic])));
  return row.n;
}
