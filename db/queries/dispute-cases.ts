/** Reading dispute cases: the /litiges list, one case with its pièces, a client's cases and the home figures. */
import { type AnyColumn, and, asc, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/auth/scope";
import type { DisputeFilters, DisputeSort } from "@/lib/disputes/filters";
import { queryRows, type Queryable } from "../client";
import { clients, disputeDocuments, disputes, documents, users } from "../schema";
import { ACTIVE_DISPUTE_STATUSES } from "./disputes";
import { daysLate } from "./documents";
import { clientInScope, seesEveryClient } from "./scope";
import { clientMatches } from "./search";

/** The cases a user may read: those of their clients, and those they own even on a client outside their scope. */
export const disputeVisible = (scope: Scope) => or(clientInScope(scope), eq(disputes.ownerId, scope.userId))!;

const isActive = inArray(disputes.status, [...ACTIVE_DISPUTE_STATUSES]);

/** Days since the case opened, or for a case over, the days it took. */
export const ageDays = (today: string) =>
  sql<number>`(case when ${isActive} then ${today}::date else ${disputes.closedAt}::date end - ${disputes.openedAt}::date)`;

const sortColumns = (today: string): Record<DisputeSort["key"], AnyColumn | SQL> => ({
  client: clients.name,
  montant: disputes.amount,
  age: ageDays(today),
  cible: disputes.targetDate,
  statut: disputes.status,
  ouvert: disputes.openedAt,
});

export function filterWhere(scope: Scope, f: DisputeFilters, today: string): SQL {
  return and(
    disputeVisible(scope),
    f.status === "actifs" ? isActive : f.status === "tous" ? undefined : eq(disputes.status, f.status),
    f.category ? eq(disputes.category, f.category) : undefined,
    f.ownerId ? eq(disputes.ownerId, f.ownerId) : undefined,
    f.overdue ? and(isActive, lt(disputes.targetDate, today)) : undefined,
    f.q ? clientMatches(f.q) : undefined,
  )!;
}

export const owner = alias(users, "owner");

export const caseColumns = (today: string) => ({
  id: disputes.id,
  clientId: disputes.clientId,
  clientName: clients.name,
  clientCode: clients.code,
  reason: disputes.reason,
  category: disputes.category,
  amount: disputes.amount,
  status: disputes.status,
  ownerId: disputes.ownerId,
  ownerName: owner.name,
  targetDate: disputes.targetDate,
  outcome: disputes.outcome,
  resolutionNote: disputes.resolutionNote,
  openedAt: disputes.openedAt,
  openedById: disputes.openedById,
  openedByName: sql<string | null>`(select u.name from users u where u.id = ${disputes.openedById})`,
  closedAt: disputes.closedAt,
  ageDays: ageDays(today),
  overdue: sql<boolean>`coalesce(${isActive} and ${disputes.targetDate} < ${today}::date, false)`,
  documentCount: sql<number>`(select count(*)::int from ${disputeDocuments} where ${disputeDocuments.disputeId} = ${disputes.id})`,
  documentNumbers: sql<string[]>`array(select d.number from dispute_documents dd join documents d on d.id = dd.document_id
    where dd.dispute_id = ${disputes.id} order by d.number limit 3)`,
});

export type DisputeCaseRow = Awaited<ReturnType<typeof listDisputeCases>>["rows"][number];

export async function listDisputeCases(
  db: Queryable,
  scope: Scope,
  filters: DisputeFilters,
  sort: DisputeSort,
  today: string,
  page: { page: number; pageSize: number },
) {
  const where = filterWhere(scope, filters, today);
  const direction = sort.order === "desc" ? desc : asc;
  const [rows, [totals]] = await Promise.all([
    db
      .select(caseColumns(today))
      .from(disputes)
      .innerJoin(clients, eq(clients.id, disputes.clientId))
      .leftJoin(owner, eq(owner.id, disputes.ownerId))
      .where(where)
      .orderBy(direction(sortColumns(today)[sort.key]), desc(disputes.openedAt), asc(disputes.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ count: sql<number>`count(*)::int`, amount: sql<string>`coalesce(sum(${disputes.amount}), 0)` })
      .from(disputes)
      .innerJoin(clients, eq(clients.id, disputes.clientId))
      .where(where),
  ]);
  return { rows, totals };
}

/** One case the user may read, with its pièces; null when unknown or out of reach. */
export async function getDisputeCase(db: Queryable, scope: Scope, id: string, today: string) {
  const [found] = await db
    .select(caseColumns(today))
    .from(disputes)
    .innerJoin(clients, eq(clients.id, disputes.clientId))
    .leftJoin(owner, eq(owner.id, disputes.ownerId))
    .where(and(eq(disputes.id, id), disputeVisible(scope)));
  if (!found) return null;
  const pieces = await db
    .select({
      id: documents.id,
      number: documents.number,
      type: documents.type,
      dueDate: documents.dueDate,
      amount: documents.amount,
      openAmount: documents.openAmount,
      currency: documents.currency,
      status: documents.status,
      disputed: documents.disputed,
      daysLate: daysLate(today),
    })
    .from(disputeDocuments)
    .innerJoin(documents, eq(documents.id, disputeDocuments.documentId))
    .where(eq(disputeDocuments.disputeId, id))
    .orderBy(asc(documents.dueDate), asc(documents.number));
  return { ...found, pieces };
}

/** A client's cases, active ones first, for the fiche client. */
export function listClientDisputes(db: Queryable, scope: Scope, clientId: string, today: string) {
  return db
    .select(caseColumns(today))
    .from(disputes)
    .innerJoin(clients, eq(clients.id, disputes.clientId))
    .leftJoin(owner, eq(owner.id, disputes.ownerId))
    .where(and(eq(disputes.clientId, clientId), clientInScope(scope)))
    .orderBy(desc(isActive), desc(disputes.openedAt))
    .limit(20);
}

/**
 * The home figures: active cases and their amount, and the average days from opening to resolution of the
 * cases resolved or closed in the twelve months up to `today`.
 */
export async function getDisputeSummary(db: Queryable, scope: Scope, today: string) {
  const [row] = await queryRows<{ open_count: number; open_amount: string; avg_days: string | null; resolved_count: number }>(
    db,
    sql`select
      count(*) filter (where ${isActive})::int as open_count,
      coalesce(sum(${disputes.amount}) filter (where ${isActive}), 0)::text as open_amount,
      round(avg(${disputes.closedAt}::date - ${disputes.openedAt}::date) filter (where ${resolvedWithinYear(today)}), 1)::text as avg_days,
      count(*) filter (where ${resolvedWithinYear(today)})::int as resolved_count
    from ${disputes}
    ${seesEveryClient(scope) ? sql`` : sql`join ${clients} on ${clients.id} = ${disputes.clientId} where ${disputeVisible(scope)}`}`,
  );
  return {
    openCount: row.open_count,
    openAmount: row.open_amount,
    averageResolutionDays: row.avg_days === null ? null : Number(row.avg_days),
    resolvedCount: row.resolved_count,
  };
}

const resolvedWithinYear = (today: string) =>
  sql`${disputes.status} in ('resolved', 'closed') and ${disputes.closedAt}::date > ${today}::date - interval '12 months'
    and ${disputes.closedAt}::date <= ${today}::date`;

/** Who may own a case: any active user, sales reps included. */
export function listDisputeOwners(db: Queryable) {
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.active, true)).orderBy(asc(users.name));
}
