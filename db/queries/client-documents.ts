import { type AnyColumn, and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { ClientDocumentSort, ClientDocumentSortKey } from "@/lib/documents/client-sort";
import type { Queryable } from "../client";
import { clients, documents } from "../schema";
import { daysLate, documentColumns } from "./documents";
import { clientInScope } from "./scope";

const sortColumns = (today: string): Record<ClientDocumentSortKey, AnyColumn | SQL> => ({
  piece: documents.number,
  date: documents.issueDate,
  echeance: documents.dueDate,
  montant: documents.amount,
  reste: documents.openAmount,
  retard: daysLate(today),
});

export type ClientDocumentRow = Awaited<ReturnType<typeof listClientOpenDocuments>>[number];

/**
 * Open documents of a client in scope, in the order asked for (ties by due date, then number), each with the
 * reason of the latest active case covering it.
 */
export function listClientOpenDocuments(db: Queryable, scope: Scope, clientId: string, today: string, sort: ClientDocumentSort) {
  const direction = sort.direction === "desc" ? desc : asc;
  return db
    .select({
      ...documentColumns(today),
      disputeReason: sql<string | null>`(select ds.reason from dispute_documents dd join disputes ds on ds.id = dd.dispute_id
        where dd.document_id = ${documents.id} and ds.status in ('open', 'in_progress', 'waiting_customer') order by ds.opened_at desc limit 1)`,
    })
    .from(documents)
    .innerJoin(clients, eq(clients.id, documents.clientId))
    .where(and(eq(documents.clientId, clientId), eq(documents.status, "open"), clientInScope(scope)))
    .orderBy(direction(sortColumns(today)[sort.key]), asc(documents.dueDate), asc(documents.number));
}
