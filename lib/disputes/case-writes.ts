/**
 * Opening a dispute case with its fields, and changing one, as /litiges and the open API both do: one transaction
 * each, with its audit entry. What must follow an opening or a change of status belongs here, once for both doors.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { type DisputeCasePatch, type DisputeCaseUpdate, updateDisputeCase } from "@/db/queries/dispute-writes";
import { type NewDisputeCase, openDisputeCase } from "@/db/queries/disputes";
import { notify } from "@/db/queries/notifications";
import { clientInScope } from "@/db/queries/scope";
import { clients, users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";

/** Where a write came from, kept in its audit entry: the pages, or a key of the open API. */
export type WriteOrigin = "app" | "api";

export type DisputeCaseOpening =
  | { status: "ok"; id: string; documentIds: number[] }
  | { status: "client_not_found" }
  | { status: "unknown_owner" }
  | { status: "no_open_piece" };

/**
 * Opens one case over open pièces of a client in the user's scope (those of another client, settled or out of
 * scope are left out, as on the pages). A named owner other than the user is told, as when a case is handed over.
 */
export function openDisputeCaseAudited(db: Db, scope: Scope, input: NewDisputeCase, origin: WriteOrigin = "app"): Promise<DisputeCaseOpening> {
  return db.transaction(async (tx) => {
    const [client] = await tx.select({ name: clients.name }).from(clients).where(and(eq(clients.id, input.clientId), clientInScope(scope)));
    if (!client) return { status: "client_not_found" };
    if (input.ownerId) {
      const [owner] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.ownerId), eq(users.active, true)));
      if (!owner) return { status: "unknown_owner" };
    }
    const opened = await openDisputeCase(tx, scope, input);
    if (!opened) return { status: "no_open_piece" };
    const details = { clientId: input.clientId, documentIds: opened.documentIds, reason: input.reason, category: input.category ?? "autre", ownerId: input.ownerId ?? null, ...(origin === "api" ? { via: origin } : {}) };
    await recordAudit(tx, { userId: scope.userId, action: "dispute.open", targetType: "dispute", targetId: opened.id, details });
    if (input.ownerId && input.ownerId !== scope.userId) {
      await notify(tx, { userId: input.ownerId, kind: "dispute.assigned", title: `Litige confié : ${client.name}`, body: input.reason, link: `/litiges/${opened.id}`, subjectId: opened.id });
    }
    return { status: "ok", ...opened };
  });
}

/**
 * Applies `patch` to a case with the rules of `updateDisputeCase` (owner-only fields without `manage`, outcome
 * required to resolve) and audits what changed.
 */
export function saveDisputeCase(db: Db, scope: Scope, id: string, patch: DisputeCasePatch, manage: boolean, origin: WriteOrigin = "app"): Promise<DisputeCaseUpdate> {
  return db.transaction(async (tx) => {
    const update = await updateDisputeCase(tx, scope, id, patch, manage);
    if (update.status === "ok" && Object.keys(update.changes).length > 0) {
      const details = { clientId: update.clientId, changes: update.changes, ...(origin === "api" ? { via: origin } : {}) };
      await recordAudit(tx, { userId: scope.userId, action: "dispute.update", targetType: "dispute", targetId: id, details });
    }
    return update;
  });
}
