/**
 * Dispute cases by cursor, for the open API: the /litiges filters in keyset order (one statement per page), then
 * the cases of a page with their pièces (one statement each).
 */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { DisputeFilters } from "@/lib/disputes/filters";
import type { Queryable } from "../client";
import { clients, disputeDocuments, disputes, documents } from "../schema";
import { ageDays, caseColumns, disputeVisible, filterWhere, owner } from "./dispute-cases";
import { daysLate } from "./documents";

export const disputeKeysetKeys = ["opened_at", "age", "amount", "target_date", "client", "status"] as const;
export type DisputeKeysetSort = { key: (typeof disputeKeysetKeys)[number]; order: "asc" | "desc" };

/**
 * Each sort as a never-null expression, so that a row comparison can resume after any row: a case without amount
 * sorts as -1, one without target date as the last day representable.
 */
const keysetExpressions = (today: string): Record<DisputeKeysetSort["key"], { expr: SQL; cast: SQL }> => ({
  opened_at: { expr: sql`${disputes.openedAt}`, cast: sql`::timestamptz` },
  age: { expr: sql`coalesce(${ageDays(today)}, 0)`, cast: sql`::int` },
  amount: { expr: sql`coalesce(${disputes.amount}, -1)`, cast: sql`::numeric` },
  target_date: { expr: sql`coalesce(${disputes.targetDate}, '9999-12-31'::date)`, cast: sql`::date` },
  client: { expr: sql`${clients.name}`, cast: sql`::text` },
  status: { expr: sql`${disputes.status}`, cast: sql`::dispute_status` },
});

/** Ids (and sort values, as text) of the cases after `after`, in the sort's order; `limit` rows at most. */
export function listDisputeCaseIdsAfter(
  db: Queryable,
  scope: Scope,
  filters: DisputeFilters & { clientId?: string },
  sort: DisputeKeysetSort,
  today: string,
  after: [string, string] | null,
  limit: number,
) {
  const { expr, cast } = keysetExpressions(today)[sort.key];
  const direction = sort.order === "asc" ? sql`asc` : sql`desc`;
  const position = after ? sql`(${expr}, ${disputes.id}) ${sort.order === "asc" ? sql`>` : sql`<`} (${after[0]}${cast}, ${after[1]}::uuid)` : undefined;
  return db
    .select({ id: disputes.id, value: sql<string>`(${expr})::text` })
    .from(disputes)
    .innerJoin(clients, eq(clients.id, disputes.clientId))
    .where(and(filterWhere(scope, filters, today), filters.clientId ? eq(disputes.clientId, filters.clientId) : undefined, position))
    .orderBy(sql`${expr} ${direction}`, sql`${disputes.id} ${direction}`)
    .limit(limit);
}

export type DisputeCaseRecord = Awaited<ReturnType<typeof readDisputeCases>>[number];

/** The cases among `ids` the user may read, in the order of `ids`, each with its pièces. */
export async function readDisputeCases(db: Queryable, scope: Scope, ids: string[], today: string) {
  if (ids.length === 0) return [];
  const [cases, pieces] = await Promise.all([
    db
      .select(caseColumns(today))
      .from(disputes)
      .innerJoin(clients, eq(clients.id, disputes.clientId))
      .leftJoin(owner, eq(owner.id, disputes.ownerId))
      .where(and(inArray(disputes.id, ids), disputeVisible(scope))),
    db
      .select({
        disputeId: disputeDocuments.disputeId,
        id: documents.id,
        number: documents.number,
        type: documents.type,
        dueDate: documents.dueDate,
        amount: documents.amount,
        openAmount: documents.openAmount,
        currency: documents.currency,
        status: documents.status,
        daysLate: daysLate(today),
      })
      .from(disputeDocuments)
      .innerJoin(documents, eq(documents.id, disputeDocuments.documentId))
      .where(inArray(disputeDocuments.disputeId, ids))
      .orderBy(asc(documents.dueDate), asc(documents.number)),
  ]);
  const byId = new Map(cases.map((c) => [c.id, { ...c, pieces: [] as typeof pieces }]));
  for (const piece of pieces) byId.get(piece.disputeId)?.pieces.push(piece);
  return ids.flatMap((id) => byId.get(id) ?? []);
}
