import { and, eq, inArray, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients, disputes, documents } from "../schema";
import { clientInScope } from "./scope";

/**
 * Opens a dispute on each given document that is open, not yet disputed and in the user's scope — the others
 * are left alone (a forged id outside the scope changes nothing). Returns how many were flagged.
 */
export async function openDisputes(db: Queryable, scope: Scope, documentIds: number[], reason: string): Promise<number> {
  if (documentIds.length === 0) return 0;
  const flagged = await db
    .update(documents)
    .set({ disputed: true, updatedAt: new Date() })
    .from(clients)
    .where(
      and(
        eq(clients.id, documents.clientId),
        clientInScope(scope),
        inArray(documents.id, documentIds),
        eq(documents.status, "open"),
        eq(documents.disputed, false),
      ),
    )
    .returning({ documentId: documents.id, clientId: documents.clientId });
  if (flagged.length > 0) {
    await db.insert(disputes).values(flagged.map((d) => ({ ...d, reason, openedById: scope.userId })));
  }
  return flagged.length;
}

export async function countOpenDisputes(db: Queryable, documentIds: number[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disputes)
    .where(and(inArray(disputes.documentId, documentIds), eq(disputes.status, "open")));
  return row.n;
}

/**
 * Closes the open dispute of each given document in the user's scope and clears its flag, so the document is
 * chased again; documents outside the scope or not disputed are left alone. Returns how many were closed.
 */
export async function closeDisputes(db: Queryable, scope: Scope, documentIds: number[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const cleared = await db
    .update(documents)
    .set({ disputed: false, updatedAt: new Date() })
    .from(clients)
    .where(and(eq(clients.id, documents.clientId), clientInScope(scope), inArray(documents.id, documentIds), eq(documents.disputed, true)))
    .returning({ documentId: documents.id });
  if (cleared.length > 0) {
    await db
      .update(disputes)
      .set({ status: "closed", closedById: scope.userId, closedAt: new Date() })
      .where(and(inArray(disputes.documentId, cleared.map((d) => d.documentId)), eq(disputes.status, "open")));
  }
  return cleared.length;
}
