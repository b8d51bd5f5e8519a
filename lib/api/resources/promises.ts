import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { type ApiPromiseRow, getPromiseInScope, listPromisesAfter } from "@/db/queries/promise-pages";
import type { Scope } from "@/lib/auth/scope";
import { toCompletion } from "@/lib/collection/outcome-input";
import { logUnplannedCall } from "@/lib/collection/unplanned-call";
import { toInstant, toMoney } from "../contract/common";
import type { promiseCreateBody, promiseListQuery, promiseSchema } from "../contract/promises";
import { decodeDateIdCursor } from "../date-id-cursor";
import { pageOf } from "../pagination";
import { ApiProblem } from "../problem";

type ApiPromise = z.infer<typeof promiseSchema>;

export function presentPromise(r: ApiPromiseRow): ApiPromise {
  return {
    id: r.id,
    client: { id: r.clientId, code: r.clientCode, name: r.clientName },
    action_id: r.actionId,
    promised_date: r.promisedDate,
    amount: toMoney(r.amount),
    status: r.status,
    piece_ids: r.documentIds.map(Number),
    created_by: r.createdById && r.createdByName ? { id: r.createdById, name: r.createdByName } : null,
    created_at: toInstant(r.createdAt),
  };
}

export async function listApiPromises(db: Db, scope: Scope, query: z.infer<typeof promiseListQuery>) {
  const order = query.order ?? "asc";
  const after = decodeDateIdCursor(query.cursor);
  const filters = { clientId: query.client_id, status: query.status, from: query.due_from, to: query.due_to };
  const rows = await listPromisesAfter(db, scope, filters, order, after, query.limit + 1);
  const { data, next_cursor } = pageOf(rows, query.limit, (row) => [row.promisedDate, row.id]);
  return { data: data.map(presentPromise), next_cursor };
}

export async function getApiPromise(db: Db, scope: Scope, id: string): Promise<ApiPromise> {
  const row = await getPromiseInScope(db, scope, { id });
  if (!row) throw new ApiProblem("not_found", "Aucune promesse de votre périmètre ne porte cet identifiant.");
  return presentPromise(row);
}

/** A promise as the fiche client records one: a call made today whose outcome is the promise, in one transaction. */
export async function createApiPromise(db: Db, scope: Scope, body: z.infer<typeof promiseCreateBody>, today: string): Promise<ApiPromise> {
  const actionId = randomUUID();
  const completion = toCompletion({ outcome: "promise", note: body.note || null, promiseDate: body.promised_date, promiseAmount: body.amount, documentIds: body.piece_ids });
  const result = await logUnplannedCall(db, scope, { id: actionId, clientId: body.client_id, documentIds: body.piece_ids, completion }, today, "api");
  if (result.status === "not_found") {
    throw new ApiProblem("not_found", "Aucun client de votre périmètre ne porte cet identifiant.", { errors: { "body.client_id": ["Client introuvable."] } });
  }
  if (result.status === "no_document") {
    throw new ApiProblem("invalid_request", "Choisissez une pièce ouverte de ce client.", { errors: { "body.piece_ids": ["Choisissez une pièce ouverte de ce client."] } });
  }
  const row = await getPromiseInScope(db, scope, { actionId, clientId: body.client_id });
  if (!row) throw new Error(`La promesse de l'appel ${actionId} est introuvable après son enregistrement.`);
  return presentPromise(row);
}
