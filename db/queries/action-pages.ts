/**
 * Actions read by the open API: the agenda's scope (clients in scope, and for a collector the actions handed to them)
 * in keyset pages by planned date then id, one statement a page.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { actions, actionStatus, actionType, clients, scenarioSteps, users } from "../schema";
import { agendaWhere } from "./agenda";
import { simulatedSend } from "./send-state";

export type ActionPageFilters = {
  clientId?: string;
  status?: (typeof actionStatus.enumValues)[number];
  type?: (typeof actionType.enumValues)[number];
  /** Planned dates, inclusive. */
  from?: string;
  to?: string;
};

const assignee = alias(users, "assignee");

const columns = {
  id: actions.id,
  type: actions.type,
  mode: actions.mode,
  status: actions.status,
  plannedDate: actions.plannedDate,
  amountCovered: actions.amountCovered,
  outcome: actions.outcome,
  note: actions.note,
  disputeReason: actions.disputeReason,
  cancelReason: actions.cancelReason,
  errorMessage: actions.errorMessage,
  doneAt: actions.doneAt,
  sentAt: actions.sentAt,
  createdAt: actions.createdAt,
  clientId: clients.id,
  clientCode: clients.code,
  clientName: clients.name,
  assigneeId: actions.assignedUserId,
  assigneeName: assignee.name,
  stepLabel: scenarioSteps.label,
  simulated: sql<boolean>`${simulatedSend(sql`${actions.id}`)}`,
  documentIds: sql<string[]>`array(select ad.document_id::text from action_documents ad where ad.action_id = ${actions.id} order by ad.document_id)`,
  // Through the client's promises (indexed by client), not a scan of every promise for its action.
  promiseId: sql<string | null>`(select p.id from promises p where p.client_id = ${actions.clientId} and p.action_id = ${actions.id} order by p.created_at limit 1)`,
};

function select(db: Queryable) {
  return db
    .select(columns)
    .from(actions)
    .innerJoin(clients, eq(clients.id, actions.clientId))
    .leftJoin(assignee, eq(assignee.id, actions.assignedUserId))
    .leftJoin(scenarioSteps, eq(scenarioSteps.id, actions.stepId));
}

function where(scope: Scope, f: ActionPageFilters): SQL {
  return and(
    agendaWhere(scope, { type: f.type, from: f.from, to: f.to }),
    f.clientId ? eq(actions.clientId, f.clientId) : undefined,
    f.status ? eq(actions.status, f.status) : undefined,
  )!;
}

/** The next `limit` actions after `after` ([planned date, id]) in the order of planned date then id. */
export function listActionsAfter(db: Queryable, scope: Scope, filters: ActionPageFilters, order: "asc" | "desc", after: [string, string] | null, limit: number) {
  const position = after
    ? sql`(${actions.plannedDate}, ${actions.id}) ${order === "asc" ? sql`>` : sql`<`} (${after[0]}::date, ${after[1]}::uuid)`
    : undefined;
  const direction = order === "asc" ? sql`asc` : sql`desc`;
  return select(db)
    .where(and(where(scope, filters), position))
    .orderBy(sql`${actions.plannedDate} ${direction}`, sql`${actions.id} ${direction}`)
    .limit(limit);
}

export type ApiActionRow = Awaited<ReturnType<typeof listActionsAfter>>[number];

export async function getActionInScope(db: Queryable, scope: Scope, id: string): Promise<ApiActionRow | undefined> {
  const [row] = await select(db).where(and(where(scope, {}), eq(actions.id, id)));
  return row;
}
