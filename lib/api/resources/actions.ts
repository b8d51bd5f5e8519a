import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { type ApiActionRow, getActionInScope, listActionsAfter } from "@/db/queries/action-pages";
import type { Scope } from "@/lib/auth/scope";
import { recordActionOutcome } from "@/lib/collection/action-outcome";
import { toCompletion } from "@/lib/collection/outcome-input";
import { logUnplannedCall, planManualCall } from "@/lib/collection/unplanned-call";
import { type actionCreateBody, type actionListQuery, type actionOutcomeBody, type actionSchema, toOutcomeFields } from "../contract/actions";
import { toInstant, toMoney } from "../contract/common";
import { decodeDateIdCursor } from "../date-id-cursor";
import { pageOf } from "../pagination";
import { ApiProblem } from "../problem";

type ApiAction = z.infer<typeof actionSchema>;

const notFound = () => new ApiProblem("not_found", "Aucune action de votre périmètre ne porte cet identifiant.");
const clientNotFound = () =>
  new ApiProblem("not_found", "Aucun client de votre périmètre ne porte cet identifiant.", { errors: { "body.client_id": ["Client introuvable."] } });
const invalid = (field: string, message: string) => new ApiProblem("invalid_request", message, { errors: { [`body.${field}`]: [message] } });

export function presentAction(r: ApiActionRow): ApiAction {
  return {
    id: r.id,
    client: { id: r.clientId, code: r.clientCode, name: r.clientName },
    channel: r.type,
    mode: r.mode,
    status: r.status,
    simulated: r.status === "sent" && r.simulated,
    planned_date: r.plannedDate,
    amount_covered: toMoney(r.amountCovered),
    assigned_to: r.assigneeId && r.assigneeName ? { id: r.assigneeId, name: r.assigneeName } : null,
    step: r.stepLabel,
    outcome: r.outcome as ApiAction["outcome"],
    note: r.note,
    dispute_reason: r.disputeReason,
    cancel_reason: r.cancelReason,
    error_message: r.errorMessage,
    piece_ids: r.documentIds.map(Number),
    promise_id: r.promiseId,
    done_at: r.doneAt && toInstant(r.doneAt),
    sent_at: r.sentAt && toInstant(r.sentAt),
    created_at: toInstant(r.createdAt),
  };
}

export async function listApiActions(db: Db, scope: Scope, query: z.infer<typeof actionListQuery>) {
  const order = query.order ?? "desc";
  const after = decodeDateIdCursor(query.cursor);
  const filters = { clientId: query.client_id, status: query.status, type: query.channel, from: query.planned_from, to: query.planned_to };
  const rows = await listActionsAfter(db, scope, filters, order, after, query.limit + 1);
  const { data, next_cursor } = pageOf(rows, query.limit, (row) => [row.plannedDate, row.id]);
  return { data: data.map(presentAction), next_cursor };
}

export async function getApiAction(db: Db, scope: Scope, id: string): Promise<ApiAction> {
  const row = await getActionInScope(db, scope, id);
  if (!row) throw notFound();
  return presentAction(row);
}

/** A call logged with its outcome (the fiche's « Noter un appel »), or a call planned for later. */
export async function createApiAction(db: Db, scope: Scope, body: z.infer<typeof actionCreateBody>, today: string): Promise<ApiAction> {
  const id = randomUUID();
  if (body.outcome) {
    if (body.planned_date && body.planned_date !== today) {
      throw invalid("planned_date", "Un appel dont le résultat est donné a lieu aujourd'hui : retirez planned_date.");
    }
    const call = { id, clientId: body.client_id, documentIds: body.piece_ids ?? [], completion: toCompletion(toOutcomeFields({ ...body, outcome: body.outcome })) };
    const result = await logUnplannedCall(db, scope, call, today, "api");
    if (result.status === "not_found") throw clientNotFound();
    if (result.status === "no_document") throw invalid("piece_ids", "Choisissez une pièce ouverte de ce client.");
  } else {
    const plannedDate = body.planned_date ?? today;
    if (plannedDate < today) throw invalid("planned_date", "La date prévue ne peut pas être passée.");
    const call = { id, clientId: body.client_id, plannedDate, documents: body.piece_ids ?? ("all_open" as const), note: body.note || null };
    const result = await planManualCall(db, scope, call, "api");
    if (result.status === "not_found") throw clientNotFound();
    if (result.status === "no_document") throw invalid("piece_ids", "Choisissez une pièce ouverte de ce client.");
  }
  return getApiAction(db, scope, id);
}

/** The agenda's « Résultat » on a manual action still to do. */
export async function recordApiActionOutcome(db: Db, scope: Scope, id: string, body: z.infer<typeof actionOutcomeBody>): Promise<ApiAction> {
  const action = await getActionInScope(db, scope, id);
  if (!action) throw notFound();
  const conflict = () => new ApiProblem("conflict", "Cette action n'attend pas de résultat : seule une action manuelle à faire en reçoit un.");
  if (action.status !== "planned") throw conflict();
  if (body.outcome === "dispute" && action.documentIds.length === 0) throw invalid("piece_ids", "Cette action ne couvre aucune pièce : un litige ne peut pas s'y ouvrir.");
  const result = await recordActionOutcome(db, scope, id, toCompletion(toOutcomeFields(body)), "api");
  // Done meanwhile by someone else: the statement found it no longer planned.
  if (result.status === "not_found") throw conflict();
  if (result.status === "no_document") throw invalid("piece_ids", "Choisissez une pièce ouverte de cette action.");
  return getApiAction(db, scope, id);
}
