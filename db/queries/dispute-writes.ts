/** Editing a dispute case: its fields, its status (which holds or releases its pièces) and its owner. */
import { and, eq, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type DisputeCategory, type DisputeOutcome, type DisputeStatus, isActiveDisputeStatus } from "@/lib/disputes/labels";
import type { Queryable } from "../client";
import { clients, disputes, users } from "../schema";
import { disputeVisible } from "./dispute-cases";
import { syncDisputedFlags } from "./disputes";
import { notify } from "./notifications";
import { emitDisputeEvents } from "./webhook-payloads";

export type DisputeCasePatch = Partial<{
  category: DisputeCategory;
  amount: string | null;
  ownerId: string | null;
  status: DisputeStatus;
  targetDate: string | null;
  outcome: DisputeOutcome | null;
  resolutionNote: string | null;
}>;

export type DisputeCaseUpdate =
  | { status: "ok"; clientId: string; changes: Record<string, { from: unknown; to: unknown }> }
  | { status: "not_found" }
  | { status: "forbidden" }
  | { status: "outcome_required" }
  | { status: "unknown_owner" };

/** What the owner of a case may change without the right to manage cases: how it stands and how it ended. */
export const OWNER_FIELDS = ["status", "outcome", "resolutionNote"] as const;

/**
 * Applies `patch` to a case the user may read. Without `manage`, only the case's owner may change it, and only
 * its status, outcome and resolution note. A case resolved needs an outcome; leaving the active statuses holds
 * the closing date and author, and the pièces' `disputed` flags follow in the same statement sequence. A new owner
 * other than the user is notified. Run it in a transaction.
 */
export async function updateDisputeCase(
  db: Queryable,
  scope: Scope,
  id: string,
  patch: DisputeCasePatch,
  manage: boolean,
): Promise<DisputeCaseUpdate> {
  const [current] = await db
    .select({ dispute: disputes, clientName: clients.name })
    .from(disputes)
    .innerJoin(clients, eq(clients.id, disputes.clientId))
    .where(and(eq(disputes.id, id), disputeVisible(scope)))
    .for("update", { of: disputes });
  if (!current) return { status: "not_found" };
  const before = current.dispute;
  if (!manage && (before.ownerId !== scope.userId || Object.keys(patch).some((k) => !(OWNER_FIELDS as readonly string[]).includes(k)))) {
    return { status: "forbidden" };
  }
  const next = { ...before, ...patch };
  if (next.status === "resolved" && !next.outcome) return { status: "outcome_required" };
  if (patch.ownerId && patch.ownerId !== before.ownerId) {
    const [owner] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, patch.ownerId), eq(users.active, true)));
    if (!owner) return { status: "unknown_owner" };
  }

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(patch) as (keyof DisputeCasePatch)[]) {
    if (String(before[key] ?? "") !== String(patch[key] ?? "")) changes[key] = { from: before[key], to: patch[key] };
  }
  if (Object.keys(changes).length === 0) return { status: "ok", clientId: before.clientId, changes };

  const wasActive = isActiveDisputeStatus(before.status);
  const nowActive = isActiveDisputeStatus(next.status);
  const closing = wasActive && !nowActive ? { closedAt: new Date(), closedById: scope.userId } : {};
  const reopening = !wasActive && nowActive ? { closedAt: null, closedById: null } : {};
  await db
    .update(disputes)
    .set({ ...patch, ...closing, ...reopening })
    .where(eq(disputes.id, id));
  if (wasActive !== nowActive) {
    await syncDisputedFlags(db, sql`select document_id from dispute_documents where dispute_id = ${id}`);
  }
  if (wasActive && !nowActive) await emitDisputeEvents(db, "dispute.resolved", sql`${id}::uuid`);
  if (changes.ownerId && patch.ownerId && patch.ownerId !== scope.userId) {
    await notify(db, {
      userId: patch.ownerId,
      kind: "dispute.assigned",
      title: `Litige confié : ${current.clientName}`,
      body: before.reason,
      link: `/litiges/${id}`,
      subjectId: id,
    });
  }
  return { status: "ok", clientId: before.clientId, changes };
}
