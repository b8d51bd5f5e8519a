/**
 * Changes made from the Relance agenda. Each statement carries the user's scope, so an action outside it is
 * simply not found; callers wrap them in a transaction with the audit entry.
 */
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { ActionOutcome } from "@/lib/collection/labels";
import type { Queryable } from "../client";
import { actionDocuments, actions, clients, documents, promiseDocuments, promises, users } from "../schema";
import { agendaWhere, type AgendaFilters, pendingStatuses } from "./agenda";
import { openDisputes } from "./disputes";

/** Chosen rows, or every action matching the filters (« tout ce qui correspond aux filtres »). */
export type AgendaSelection = { ids: string[] } | { filters: AgendaFilters };

function selectionWhere(scope: Scope, selection: AgendaSelection): SQL {
  return "ids" in selection ? and(agendaWhere(scope, {}), inArray(actions.id, selection.ids))! : agendaWhere(scope, selection.filters);
}

/** Confirms the awaiting automatic actions of the selection in one statement; returns how many. */
/** Confirms the awaiting actions of the selection; returns the ids confirmed. */
export async function confirmActions(db: Queryable, scope: Scope, selection: AgendaSelection): Promise<string[]> {
  if ("ids" in selection && selection.ids.length === 0) return [];
  const rows = await db
    .update(actions)
    .set({ status: "scheduled", confirmedById: scope.userId, confirmedAt: new Date() })
    .from(clients)
    .where(and(selectionWhere(scope, selection), eq(actions.status, "to_confirm")))
    .returning({ id: actions.id });
  return rows.map((r) => r.id);
}

const pendingList = sql.raw(pendingStatuses.map((s) => `'${s}'`).join(", "));

/**
 * Moves pending actions to `date`. An action in error goes back to the queue it came from (confirmed or not), as
 * the date was the fix. An action that would collide with another pending one of the same client and step on that
 * date is left alone, as is the second of two chosen ones that would collide with each other.
 */
export async function rescheduleActions(db: Queryable, scope: Scope, ids: string[], date: string): Promise<number> {
  if (ids.length === 0) return 0;
  const idList = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await db
    .update(actions)
    .set({
      plannedDate: date,
      status: sql`case when ${actions.status} <> 'error' then ${actions.status}
        when ${actions.mode} = 'automatic_to_confirm' and ${actions.confirmedAt} is null then 'to_confirm'
        else 'scheduled' end::action_status`,
      errorMessage: sql`case when ${actions.status} = 'error' then null else ${actions.errorMessage} end`,
    })
    .from(clients)
    .where(
      and(
        selectionWhere(scope, { ids }),
        inArray(actions.status, [...pendingStatuses]),
        sql`not exists (select 1 from actions o where o.client_id = ${actions.clientId} and o.step_id = ${actions.stepId}
              and o.id <> ${actions.id} and o.status in (${pendingList})
              and (o.planned_date = ${date} or (o.id in (${idList}) and o.id < ${actions.id})))`,
      ),
    )
    .returning({ id: actions.id });
  return rows.length;
}

export async function cancelActions(db: Queryable, scope: Scope, ids: string[], reason: string): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(actions)
    .set({ status: "cancelled", cancelReason: reason })
    .from(clients)
    .where(and(selectionWhere(scope, { ids }), inArray(actions.status, [...pendingStatuses])))
    .returning({ id: actions.id });
  return rows.length;
}

/** Hands pending actions to another active collector (or supervisor); null when that person cannot take them. */
export async function reassignActions(db: Queryable, scope: Scope, ids: string[], userId: string): Promise<number | null> {
  const [assignee] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, ["collector", "supervisor"])));
  if (!assignee) return null;
  if (ids.length === 0) return 0;
  const rows = await db
    .update(actions)
    .set({ assignedUserId: userId })
    .from(clients)
    .where(and(selectionWhere(scope, { ids }), inArray(actions.status, [...pendingStatuses])))
    .returning({ id: actions.id });
  return rows.length;
}

export type CompletionInput = {
  outcome: ActionOutcome;
  note: string | null;
  promise?: { date: string; amount: string };
  dispute?: { reason: string; documentIds: number[] };
};

export type CompletionResult =
  | { status: "ok"; clientId: string; promiseId: string | null; disputes: number }
  | { status: "not_found" }
  | { status: "no_document" };

/**
 * Logs the outcome of a manual action and marks it done. A promise covers the action's open documents; a dispute
 * is opened on the chosen documents among those the action covers.
 */
export async function completeAction(db: Queryable, scope: Scope, id: string, input: CompletionInput): Promise<CompletionResult> {
  const covered = await db
    .select({ documentId: actionDocuments.documentId, open: sql<boolean>`${documents.status} = 'open'` })
    .from(actionDocuments)
    .innerJoin(documents, eq(documents.id, actionDocuments.documentId))
    .innerJoin(actions, eq(actions.id, actionDocuments.actionId))
    .innerJoin(clients, eq(clients.id, actions.clientId))
    .where(and(agendaWhere(scope, {}), eq(actionDocuments.actionId, id)));
  const openIds = covered.filter((d) => d.open).map((d) => d.documentId);
  const disputedIds = input.dispute ? input.dispute.documentIds.filter((d) => openIds.includes(d)) : [];
  if (input.outcome === "dispute" && disputedIds.length === 0) return covered.length ? { status: "no_document" } : { status: "not_found" };

  const [done] = await db
    .update(actions)
    .set({
      status: "done",
      outcome: input.outcome,
      note: input.note,
      disputeReason: input.outcome === "dispute" ? (input.dispute?.reason ?? null) : null,
      doneById: scope.userId,
      doneAt: new Date(),
    })
    .from(clients)
    .where(and(agendaWhere(scope, {}), eq(actions.id, id), eq(actions.status, "planned")))
    .returning({ clientId: actions.clientId });
  if (!done) return { status: "not_found" };

  let promiseId: string | null = null;
  if (input.outcome === "promise" && input.promise) {
    const [promise] = await db
      .insert(promises)
      .values({ clientId: done.clientId, actionId: id, promisedDate: input.promise.date, amount: input.promise.amount, createdById: scope.userId })
      .returning({ id: promises.id });
    promiseId = promise.id;
    if (openIds.length) await db.insert(promiseDocuments).values(openIds.map((documentId) => ({ promiseId: promise.id, documentId })));
  }
  const disputes = input.outcome === "dispute" && input.dispute ? await openDisputes(db, scope, disputedIds, input.dispute.reason) : 0;
  return { status: "ok", clientId: done.clientId, promiseId, disputes };
}
