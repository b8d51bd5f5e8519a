import type { z } from "zod";
import type { Db } from "@/db/client";
import { type DisputeCaseRecord, listDisputeCaseIdsAfter, readDisputeCases } from "@/db/queries/dispute-case-pages";
import type { DisputeCasePatch } from "@/db/queries/dispute-writes";
import { can } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { openDisputeCaseAudited, saveDisputeCase } from "@/lib/disputes/case-writes";
import { isActiveDisputeStatus } from "@/lib/disputes/labels";
import { toInstant, toMoney, toMoneyOrNull } from "../contract/common";
import type { disputeCreateBody, disputeListQuery, disputePatchBody, disputeSchema } from "../contract/disputes";
import { decodeCursor, pageOf } from "../pagination";
import { ApiProblem } from "../problem";

type ApiDispute = z.infer<typeof disputeSchema>;

const notFound = () => new ApiProblem("not_found", "Aucun litige de votre périmètre ne porte cet identifiant.");
const invalid = (field: string, message: string) => new ApiProblem("invalid_request", message, { errors: { [`body.${field}`]: [message] } });

export function presentDispute(r: DisputeCaseRecord): ApiDispute {
  return {
    id: r.id,
    client: { id: r.clientId, code: r.clientCode, name: r.clientName },
    reason: r.reason,
    category: r.category,
    amount: toMoneyOrNull(r.amount),
    status: r.status,
    active: isActiveDisputeStatus(r.status),
    owner: r.ownerId && r.ownerName ? { id: r.ownerId, name: r.ownerName } : null,
    target_date: r.targetDate,
    overdue: r.overdue,
    outcome: r.outcome,
    resolution_note: r.resolutionNote,
    age_days: r.ageDays ?? 0,
    opened_at: toInstant(r.openedAt),
    opened_by: r.openedById && r.openedByName ? { id: r.openedById, name: r.openedByName } : null,
    closed_at: r.closedAt ? toInstant(r.closedAt) : null,
    pieces: r.pieces.map((p) => ({
      id: p.id,
      number: p.number,
      type: p.type,
      due_date: p.dueDate,
      amount: toMoney(p.amount),
      open_amount: toMoney(p.openAmount),
      currency: p.currency,
      status: p.status,
      days_late: p.daysLate,
    })),
  };
}

/** One cursor page of the /litiges list, on its filters and scope (cases of the user's clients, and those they own). */
export async function listApiDisputes(db: Db, scope: Scope, query: z.infer<typeof disputeListQuery>, today: string) {
  const descending = query.sort === "age" || query.sort === "amount" || query.sort === "opened_at";
  const sort = { key: query.sort, order: query.order ?? (descending ? "desc" : "asc") } as const;
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const filters = {
    q: query.q,
    status: query.status === "active" ? "actifs" : query.status === "all" ? "tous" : query.status,
    category: query.category,
    ownerId: query.owner_id,
    clientId: query.client_id,
    overdue: query.overdue ?? false,
  } as const;
  const ids = await listDisputeCaseIdsAfter(db, scope, filters, sort, today, after, query.limit + 1);
  const { data, next_cursor } = pageOf(ids, query.limit, (row) => [row.value, row.id]);
  const records = await readDisputeCases(db, scope, data.map((r) => r.id), today);
  return { data: records.map(presentDispute), next_cursor };
}

export async function getApiDispute(db: Db, scope: Scope, id: string, today: string): Promise<ApiDispute> {
  const [record] = await readDisputeCases(db, scope, [id], today);
  if (!record) throw notFound();
  return presentDispute(record);
}

/** Opens a case on open pièces of a client of the scope, with its fields; the owner named is told. */
export async function createApiDispute(db: Db, scope: Scope, body: z.infer<typeof disputeCreateBody>, today: string): Promise<ApiDispute> {
  const input = {
    clientId: body.client_id,
    documentIds: body.document_ids,
    reason: body.reason,
    category: body.category,
    amount: body.amount ?? null,
    ownerId: body.owner_id ?? null,
    targetDate: body.target_date ?? null,
  };
  const opened = await openDisputeCaseAudited(db, scope, input, "api");
  if (opened.status === "client_not_found") throw new ApiProblem("not_found", "Aucun client de votre périmètre ne porte cet identifiant.");
  if (opened.status === "unknown_owner") throw invalid("owner_id", "Ce responsable n'existe pas ou n'est plus actif.");
  if (opened.status === "no_open_piece") throw invalid("document_ids", "Aucune de ces pièces n'est une pièce ouverte de ce client.");
  return getApiDispute(db, scope, opened.id, today);
}

const patchFields = { status: "status", outcome: "outcome", resolution_note: "resolutionNote", category: "category", amount: "amount", owner_id: "ownerId", target_date: "targetDate" } as const;

/** The fiche's changes, with its rules: without `disputes.manage`, only the case's owner changes its status, outcome and note. */
export async function patchApiDispute(db: Db, scope: Scope, id: string, body: z.infer<typeof disputePatchBody>, today: string): Promise<ApiDispute> {
  const patch: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(patchFields)) {
    const value = body[field as keyof typeof patchFields];
    if (value !== undefined) patch[key] = value;
  }
  const update = await saveDisputeCase(db, scope, id, patch as DisputeCasePatch, can(scope.role, "disputes.manage"), "api");
  switch (update.status) {
    case "not_found":
      throw notFound();
    case "forbidden":
      throw new ApiProblem("forbidden", "Seul le responsable du litige peut en changer le statut, le résultat et la note ; le reste demande le droit de gérer les litiges.");
    case "outcome_required":
      throw invalid("outcome", "Indiquez le résultat pour passer le litige en « Résolu ».");
    case "unknown_owner":
      throw invalid("owner_id", "Ce responsable n'existe pas ou n'est plus actif.");
  }
  return getApiDispute(db, scope, id, today);
}
