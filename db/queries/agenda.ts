/** Reads of the Relance agenda: one set-based query per list, filtered by the user's scope and the URL filters. */
import { and, asc, desc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/auth/scope";
import type { AutomaticState } from "@/lib/relance/automatic-states";
import type { Queryable } from "../client";
import { actionDocuments, actions, actionType, clients, documents, scenarioSteps, users } from "../schema";
import { listActionClientContacts } from "./contacts";
import { daysLate } from "./documents";
import { orderedBatches } from "./ordered-batches";
import { clientInScope, seesEveryClient } from "./scope";
import { clientMatches, foldedEquals } from "./search";
import { simulatedSend } from "./send-state";

export type AgendaTab = "manual" | "automatic" | "history";

export const tabStatuses = {
  manual: ["planned"],
  automatic: ["to_confirm", "scheduled", "error"],
  history: ["done", "sent", "cancelled"],
} as const;

export const pendingStatuses = ["planned", "to_confirm", "scheduled", "error"] as const;

export type AgendaFilters = {
  /** The user the action is assigned to; undefined for every action in scope. */
  assignedUserId?: string;
  entityId?: string;
  q?: string;
  type?: (typeof actionType.enumValues)[number];
  /** Planned dates, inclusive. */
  from?: string;
  to?: string;
  customField?: { name: string; value: string };
  /** An état of the automatic tab; « à venir » reads the date against `today`. */
  state?: { key: AutomaticState; today: string };
};

export function automaticStateWhere(key: AutomaticState, today: string): SQL {
  if (key === "a_confirmer") return eq(actions.status, "to_confirm");
  if (key === "confirmee") return eq(actions.status, "scheduled");
  if (key === "erreur") return eq(actions.status, "error");
  return sql`${actions.plannedDate} > ${today}`;
}

/**
 * Whose actions a user may see: those of the clients in scope, and for a collector also those handed to them (or
 * to a colleague they cover) by a supervisor, even on a client of another portfolio.
 */
export function actionInScope(scope: Scope): SQL {
  return scope.role === "collector" ? or(clientInScope(scope), inArray(actions.assignedUserId, scope.collectorIds))! : clientInScope(scope);
}

/**
 * The scope and the filters, on `actions` and `clients` only, so that the same condition serves the lists, the
 * counters and the set-based updates (`UPDATE actions … FROM clients`).
 */
export function agendaWhere(scope: Scope, f: AgendaFilters): SQL {
  return and(
    eq(clients.id, actions.clientId),
    actionInScope(scope),
    actionFilters(f),
    f.entityId ? eq(clients.entityId, f.entityId) : undefined,
    f.q ? clientMatches(f.q) : undefined,
    f.customField ? foldedEquals(sql`${clients.customFields} ->> ${f.customField.name}`, f.customField.value) : undefined,
  )!;
}

/** The filters that read `actions` alone. */
function actionFilters(f: AgendaFilters): SQL {
  return and(
    f.assignedUserId ? eq(actions.assignedUserId, f.assignedUserId) : undefined,
    f.type ? eq(actions.type, f.type) : undefined,
    f.from ? gte(actions.plannedDate, f.from) : undefined,
    f.to ? lte(actions.plannedDate, f.to) : undefined,
    f.state ? automaticStateWhere(f.state.key, f.state.today) : undefined,
  ) ?? sql`true`;
}

/**
 * Whether the scope and the filters need the clients. They do not when the scope is everything, nor for a
 * collector's own actions (or a covered colleague's): every action assigned to them is theirs to see, whatever the
 * client.
 */
function needsClients(scope: Scope, f: AgendaFilters): boolean {
  if (f.entityId || f.q || f.customField) return true;
  if (seesEveryClient(scope)) return false;
  return !(scope.role === "collector" && f.assignedUserId !== undefined && scope.collectorIds.includes(f.assignedUserId));
}

/**
 * `agendaWhere` on `actions` alone, for the counters and the ranking that need no client column: without a join
 * of every client when the scope and the filters hold on the actions, so a counter reads the actions' indexes.
 */
export function agendaActionsWhere(scope: Scope, f: AgendaFilters): SQL {
  return needsClients(scope, f) ? sql`exists (select 1 from ${clients} where ${agendaWhere(scope, f)})` : actionFilters(f);
}

const assignee = alias(users, "assignee");

const rowColumns = {
  id: actions.id,
  type: actions.type,
  mode: actions.mode,
  status: actions.status,
  plannedDate: actions.plannedDate,
  amountCovered: actions.amountCovered,
  errorMessage: actions.errorMessage,
  outcome: actions.outcome,
  note: actions.note,
  disputeReason: actions.disputeReason,
  cancelReason: actions.cancelReason,
  confirmedAt: actions.confirmedAt,
  doneAt: actions.doneAt,
  sentAt: actions.sentAt,
  clientId: clients.id,
  clientCode: clients.code,
  clientName: clients.name,
  assigneeName: assignee.name,
  stepLabel: scenarioSteps.label,
  documentCount: sql<number>`(select count(*)::int from action_documents ad where ad.action_id = ${actions.id})`,
  /** Sent only to the outbox: shown « Simulé (non envoyé) ». */
  simulated: sql<boolean>`${simulatedSend(sql`${actions.id}`)}`,
};

function listQuery(db: Queryable, scope: Scope) {
  return db
    // A collector's actions may include some a supervisor handed them on a colleague's client: no fiche for those.
    .select({ ...rowColumns, clientOpen: sql<boolean>`${clientInScope(scope)}` })
    .from(actions)
    .innerJoin(clients, eq(clients.id, actions.clientId))
    .leftJoin(assignee, eq(assignee.id, actions.assignedUserId))
    .leftJoin(scenarioSteps, eq(scenarioSteps.id, actions.stepId));
}

// Within a day, failed sends come first: they are the ones needing attention.
const tabOrder = (tab: AgendaTab) =>
  tab === "history"
    ? [desc(actions.plannedDate), sql`coalesce(${actions.doneAt}, ${actions.sentAt}) desc nulls last`, asc(actions.id)]
    : [asc(actions.plannedDate), sql`${actions.status} = 'error' desc`, asc(clients.name), asc(actions.id)];

export type AgendaRow = Awaited<ReturnType<typeof listAgendaActions>>[number];

/**
 * The planned date of the page's last row in date order: the page holds no action beyond it, so only the actions up
 * to it (from it, in the history) are joined to their clients and sorted, not every action of the tab.
 */
function pageDateLimit(scope: Scope, tab: AgendaTab, filters: AgendaFilters, rows: number): SQL {
  const newestFirst = tab === "history";
  const last = sql`(select ${actions.plannedDate} from ${actions}
    where ${agendaActionsWhere(scope, filters)} and ${inArray(actions.status, [...tabStatuses[tab]])}
    order by ${actions.plannedDate} ${sql.raw(newestFirst ? "desc" : "asc")} offset ${rows - 1} limit 1)`;
  return newestFirst ? sql`${actions.plannedDate} >= coalesce(${last}, '-infinity'::date)` : sql`${actions.plannedDate} <= coalesce(${last}, 'infinity'::date)`;
}

/** One page of a tab, oldest first for the pending tabs and newest first for the history. */
export function listAgendaActions(db: Queryable, scope: Scope, tab: AgendaTab, filters: AgendaFilters, page: { page: number; pageSize: number }) {
  return listQuery(db, scope)
    .where(
      and(
        agendaWhere(scope, filters),
        inArray(actions.status, [...tabStatuses[tab]]),
        // Read on the actions' own indexes only; with the clients it would cost what it saves.
        needsClients(scope, filters) ? undefined : pageDateLimit(scope, tab, filters, page.page * page.pageSize),
      ),
    )
    .orderBy(...tabOrder(tab))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
}

/** The history as filtered, batch by batch, for the export. */
export async function* streamHistory(db: Queryable, scope: Scope, filters: AgendaFilters, batch = 5000) {
  const order = await db
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(clients, eq(clients.id, actions.clientId))
    .where(and(agendaWhere(scope, filters), inArray(actions.status, [...tabStatuses.history])))
    .orderBy(...tabOrder("history"));
  yield* orderedBatches(
    order.map((r) => r.id),
    batch,
    (ids) => listQuery(db, scope).where(inArray(actions.id, ids)),
  );
}

export type AgendaCounts = Record<AgendaTab, { total: number; due: number }>;

/**
 * The counters of the tabs in one pass: every action of the tab, and those waiting on someone — manual ones due by
 * `today`, automatic ones due and still unconfirmed, or in error (a scheduled one goes out on its own).
 */
export async function countAgenda(db: Queryable, scope: Scope, filters: AgendaFilters, today: string): Promise<AgendaCounts> {
  const inTab = (tab: AgendaTab) => sql.raw(`"actions"."status" in (${tabStatuses[tab].map((s) => `'${s}'`).join(", ")})`);
  const total = (tab: AgendaTab) => sql<number>`(count(*) filter (where ${inTab(tab)}))::int`;
  const due = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
  const dueBy = sql`${actions.plannedDate} <= ${today}`;
  const [row] = await db
    .select({
      manualTotal: total("manual"),
      manualDue: due(sql`${actions.status} = 'planned' and ${dueBy}`),
      automaticTotal: total("automatic"),
      automaticDue: due(sql`(${actions.status} = 'to_confirm' and ${dueBy}) or ${actions.status} = 'error'`),
      historyTotal: total("history"),
    })
    .from(actions)
    .where(agendaActionsWhere(scope, filters));
  return {
    manual: { total: row.manualTotal, due: row.manualDue },
    automatic: { total: row.automaticTotal, due: row.automaticDue },
    history: { total: row.historyTotal, due: 0 },
  };
}

/** One action in scope with what the collector needs to work it: client, contacts, documents covered. */
export async function getAgendaAction(db: Queryable, scope: Scope, id: string, today: string) {
  const [action] = await listQuery(db, scope).where(and(agendaWhere(scope, {}), eq(actions.id, id)));
  if (!action) return null;
  const [docs, contacts] = await Promise.all([
    db
      .select({
        id: documents.id,
        type: documents.type,
        number: documents.number,
        dueDate: documents.dueDate,
        amount: documents.amount,
        openAmount: documents.openAmount,
        status: documents.status,
        disputed: documents.disputed,
        daysLate: daysLate(today),
      })
      .from(actionDocuments)
      .innerJoin(documents, eq(documents.id, actionDocuments.documentId))
      .where(eq(actionDocuments.actionId, id))
      .orderBy(asc(documents.dueDate), asc(documents.number)),
    listActionClientContacts(db, action),
  ]);
  return { action, documents: docs, contacts };
}

/** A client's pending actions (soonest first) and its last sent or done ones, for the fiche client. */
export async function listClientActions(db: Queryable, scope: Scope, clientId: string, recent = 5) {
  const where = and(agendaWhere(scope, {}), eq(actions.clientId, clientId));
  const [pending, past] = await Promise.all([
    listQuery(db, scope)
      .where(and(where, inArray(actions.status, [...pendingStatuses])))
      .orderBy(asc(actions.plannedDate), asc(actions.id))
      .limit(50),
    listQuery(db, scope)
      .where(and(where, inArray(actions.status, ["done", "sent"])))
      .orderBy(sql`coalesce(${actions.doneAt}, ${actions.sentAt}) desc nulls last`, desc(actions.plannedDate))
      .limit(recent),
  ]);
  return { pending, past };
}
