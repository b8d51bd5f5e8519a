/**
 * « Résultat de l'action » on a planned manual action: the outcome, note, promise or dispute recorded with its audit
 * entry in one transaction. The agenda and the open API both write it here.
 */
import type { Db } from "@/db/client";
import { completeAction, type CompletionInput, type CompletionResult } from "@/db/queries/agenda-writes";
import { recordAudit } from "@/db/queries/audit";
import type { Scope } from "@/lib/auth/scope";

export function recordActionOutcome(db: Db, scope: Scope, actionId: string, completion: CompletionInput, via?: "api"): Promise<CompletionResult> {
  return db.transaction(async (tx) => {
    const outcome = await completeAction(tx, scope, actionId, completion);
    if (outcome.status === "ok") {
      const details = { outcome: completion.outcome, promiseId: outcome.promiseId, disputes: outcome.disputes, ...(via ? { via } : {}) };
      await recordAudit(tx, { userId: scope.userId, action: "action.complete", targetType: "action", targetId: actionId, details });
    }
    return outcome;
  });
}
