/**
 * A call nobody planned — the client rang, or the collector called from the fiche — logged with the agenda's
 * outcome form and write path: a manual `call` action is created for the chosen documents, then completed exactly
 * as a planned one (outcome, note, promise or dispute), with its audit entry, in one transaction.
 */
import type { Db } from "@/db/client";
import { completeAction, type CompletionInput } from "@/db/queries/agenda-writes";
import { recordAudit } from "@/db/queries/audit";
import { createClientAction } from "@/db/queries/client-actions";
import type { Scope } from "@/lib/auth/scope";

export type UnplannedCall = { id: string; clientId: string; documentIds: number[]; completion: CompletionInput };

export type UnplannedCallResult = { status: "ok" | "exists" | "not_found" | "no_document" };

class Cancelled extends Error {
  constructor(readonly result: UnplannedCallResult) {
    super(result.status);
  }
}

export async function logUnplannedCall(db: Db, scope: Scope, call: UnplannedCall, today: string, via?: "api"): Promise<UnplannedCallResult> {
  try {
    return await db.transaction(async (tx) => {
      const created = await createClientAction(tx, scope, { id: call.id, clientId: call.clientId, type: "call", status: "planned", plannedDate: today, documents: call.documentIds });
      if (created.status !== "created") return created;
      // A promise or a dispute is about documents: none of those chosen is an open one of this client.
      const needsDocuments = call.completion.outcome === "promise" || call.completion.outcome === "dispute";
      if (needsDocuments && created.documents === 0) throw new Cancelled({ status: "no_document" });
      const completion = { ...call.completion, dispute: call.completion.dispute && { ...call.completion.dispute, documentIds: call.documentIds } };
      const done = await completeAction(tx, scope, call.id, completion);
      if (done.status !== "ok") throw new Cancelled(done);
      const details = { clientId: call.clientId, outcome: completion.outcome, promiseId: done.promiseId, disputes: done.disputes, unplanned: true, ...(via ? { via } : {}) };
      await recordAudit(tx, { userId: scope.userId, action: "action.complete", targetType: "action", targetId: call.id, details });
      return { status: "ok" as const };
    });
  } catch (error) {
    if (error instanceof Cancelled) return error.result;
    throw error;
  }
}

export type PlannedCall = { id: string; clientId: string; plannedDate: string; documents: number[] | "all_open"; note: string | null };

/**
 * A call to make later, recorded as the manual `call` an unplanned one starts as: it waits in the agenda's
 * « Actions manuelles » of the user of `scope` until its outcome is logged.
 */
export async function planManualCall(db: Db, scope: Scope, call: PlannedCall, via?: "api"): Promise<UnplannedCallResult> {
  try {
    return await db.transaction(async (tx) => {
      const created = await createClientAction(tx, scope, { ...call, type: "call", status: "planned" });
      if (created.status !== "created") return created;
      // Documents were chosen and none is an open one of this client.
      if (call.documents !== "all_open" && call.documents.length && created.documents === 0) throw new Cancelled({ status: "no_document" });
      const details = { clientId: call.clientId, plannedDate: call.plannedDate, documents: created.documents, ...(via ? { via } : {}) };
      await recordAudit(tx, { userId: scope.userId, action: "action.create", targetType: "action", targetId: call.id, details });
      return { status: "ok" as const };
    });
  } catch (error) {
    if (error instanceof Cancelled) return error.result;
    throw error;
  }
}
