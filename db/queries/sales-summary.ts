import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { actions, clients, disputes, tasks } from "../schema";
import { clientInScope } from "./scope";

/** Dispute statuses that keep a case open; `resolved` and `closed` end it. */
const openDisputeStatuses = ["open", "in_progress", "waiting_customer"] as const;

/**
 * What a sales rep checks before a meeting, over the clients of their scope: balances, credit used, open
 * disputes, their own open tasks and the latest actions done on those clients.
 */
export async function salesSummary(db: Queryable, scope: Scope, { recent = 10, taskCount = 5 } = {}) {
  const inScope = clientInScope(scope);
  const [[balances], [disputed], [taskTotals], openTasks, recentActions] = await Promise.all([
    db
      .select({
        clients: sql<number>`count(*)::int`,
        outstanding: sql<string>`coalesce(sum(${clients.outstanding}), 0)::numeric(16,2)::text`,
        overdue: sql<string>`coalesce(sum(${clients.overdue}), 0)::numeric(16,2)::text`,
        // Credit used counts only the clients that have a limit, on both sides of the ratio.
        outstandingWithLimit: sql<string>`coalesce(sum(${clients.outstanding}) filter (where ${clients.creditLimit} > 0), 0)::numeric(16,2)::text`,
        creditLimit: sql<string>`coalesce(sum(${clients.creditLimit}) filter (where ${clients.creditLimit} > 0), 0)::numeric(16,2)::text`,
      })
      .from(clients)
      .where(inScope),
    db
      .select({
        count: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${disputes.amount}), 0)::numeric(16,2)::text`,
      })
      .from(disputes)
      .innerJoin(clients, eq(clients.id, disputes.clientId))
      .where(and(inScope, inArray(disputes.status, [...openDisputeStatuses]))),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(tasks)
      .innerJoin(clients, eq(clients.id, tasks.clientId))
      .where(and(eq(tasks.assigneeId, scope.userId), eq(tasks.status, "open"), inScope)),
    db
      .select({ id: tasks.id, kind: tasks.kind, description: tasks.description, dueDate: tasks.dueDate, clientId: clients.id, clientName: clients.name })
      .from(tasks)
      .innerJoin(clients, eq(clients.id, tasks.clientId))
      .where(and(eq(tasks.assigneeId, scope.userId), eq(tasks.status, "open"), inScope))
      .orderBy(asc(tasks.dueDate), asc(tasks.id))
      .limit(taskCount),
    db
      .select({
        id: actions.id,
        type: actions.type,
        status: actions.status,
        outcome: actions.outcome,
        note: actions.note,
        disputeReason: actions.disputeReason,
        at: sql<Date>`coalesce(${actions.doneAt}, ${actions.sentAt})`.mapWith(actions.doneAt),
        clientId: clients.id,
        clientName: clients.name,
      })
      .from(actions)
      .innerJoin(clients, eq(clients.id, actions.clientId))
      .where(and(inScope, inArray(actions.status, ["done", "sent"])))
      .orderBy(sql`coalesce(${actions.doneAt}, ${actions.sentAt}) desc nulls last`, desc(actions.plannedDate), desc(actions.id))
      .limit(recent),
  ]);
  const limit = Number(balances.creditLimit);
  return {
    ...balances,
    creditUsed: limit > 0 ? Number(balances.outstandingWithLimit) / limit : null,
    disputes: disputed,
    tasks: { total: taskTotals.count, rows: openTasks },
    recentActions,
  };
}

export type SalesSummary = Awaited<ReturnType<typeof salesSummary>>;
