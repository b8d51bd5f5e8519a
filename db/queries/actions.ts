import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { actions, clients } from "../schema";
import { actionInScope } from "./agenda";
import { clientInScope, seesEveryClient } from "./scope";

/**
 * What is waiting on the user: manual actions to do and sends in error (to reschedule or cancel), and those
 * awaiting confirmation only for whoever may confirm them.
 */
function statusesFor(scope: Scope) {
  return can(scope.role, "actions.confirm") ? (["planned", "to_confirm", "error"] as const) : (["planned", "error"] as const);
}

const actsOnClients = (scope: Scope) => seesEveryClient(scope) || scope.role === "collector";

/**
 * The user's pending actions due by `date`, oldest and largest first: the same ones as their agenda, those a
 * supervisor handed them on a colleague's client included, and only those they can act on.
 */
export async function listMyPendingActions(db: Queryable, scope: Scope, date: string, entityId?: string, limit = 8) {
  const mine = and(
    eq(actions.assignedUserId, scope.userId),
    inArray(actions.status, [...statusesFor(scope)]),
    lte(actions.plannedDate, date),
  );
  // An action assigned to those who act is within their scope (a collector's own id is in it): the actions alone
  // answer, through their assignee's index, unless a société narrows them.
  const narrowed = entityId !== undefined || !actsOnClients(scope);
  const where = narrowed ? and(mine, actionInScope(scope), entityId ? eq(clients.entityId, entityId) : undefined) : mine;
  const count = db.select({ total: sql<number>`count(*)::int` }).from(actions).$dynamic();
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: actions.id,
        type: actions.type,
        status: actions.status,
        plannedDate: actions.plannedDate,
        amountCovered: actions.amountCovered,
        clientId: clients.id,
        clientName: clients.name,
        clientOpen: sql<boolean>`${clientInScope(scope)}`,
      })
      .from(actions)
      .innerJoin(clients, eq(clients.id, actions.clientId))
      .where(where)
      // Within a day, the largest amounts first.
      .orderBy(asc(actions.plannedDate), desc(actions.amountCovered), asc(actions.id))
      .limit(limit),
    (narrowed ? count.innerJoin(clients, eq(clients.id, actions.clientId)) : count).where(where),
  ]);
  return { rows, total };
}
