import type { z } from "zod";
import type { Db } from "@/db/client";
import { type ApiDocumentRow, type DocumentKeysetSort, documentKeyset, getDocumentInScope, listDocumentsAfter } from "@/db/queries/documents";
import { getOption } from "@/db/queries/settings";
import type { Scope } from "@/lib/auth/scope";
import { isoDatePattern } from "@/lib/dates";
import { toDocumentFilters } from "@/lib/documents/filters";
import { toInstant, toMoney } from "../contract/common";
import type { pieceListQuery, pieceSchema } from "../contract/pieces";
import { decodeCursor, pageOf } from "../pagination";
import { ApiProblem } from "../problem";

type ApiPiece = z.infer<typeof pieceSchema>;

export function presentPiece(r: ApiDocumentRow): ApiPiece {
  return {
    id: r.id,
    type: r.type,
    number: r.number,
    reference: r.reference,
    client: { id: r.clientId, code: r.clientCode, name: r.clientName },
    entity: { id: r.entityId, code: r.entityCode },
    issue_date: r.issueDate,
    due_date: r.dueDate,
    amount: toMoney(r.amount),
    open_amount: toMoney(r.openAmount),
    currency: r.currency,
    status: r.status,
    settled_date: r.settledDate,
    disputed: r.disputed,
    days_late: Number(r.daysLate),
    p_late: r.pLate,
    custom_fields: r.customFields,
    updated_at: toInstant(r.updatedAt),
  };
}

// A cursor made for the other sort would reach SQL as a wrong type.
const fitsSort = (after: [string | number, number], sort: DocumentKeysetSort) =>
  Number.isSafeInteger(after[1]) && (sort.key === "dueDate" ? typeof after[0] === "string" && isoDatePattern.test(after[0]) : typeof after[0] === "number");

/** One cursor page of the Pièces list, on the page's own filters (read by `toDocumentFilters`) and scope. */
export async function listApiPieces(db: Db, scope: Scope, query: z.infer<typeof pieceListQuery>, today: string) {
  const sort: DocumentKeysetSort = { key: query.sort === "p_late" ? "pLate" : "dueDate", order: query.order ?? (query.sort === "p_late" ? "desc" : "asc") };
  const after = decodeCursor(query.cursor, 2) as [string | number, number] | null;
  if (after && !fitsSort(after, sort)) {
    throw new ApiProblem("invalid_request", "Le curseur de pagination est invalide : reprenez depuis la première page.", { errors: { cursor: ["Curseur invalide."] } });
  }
  const agingLimits = await getOption(db, "agingLimits");
  const search = {
    q: query.q,
    type: query.type,
    status: query.status,
    due: query.due,
    disputed: query.disputed === undefined ? undefined : query.disputed ? ("yes" as const) : ("no" as const),
    dueFrom: query.due_from,
    dueTo: query.due_to,
    issuedFrom: query.issued_from,
    issuedTo: query.issued_to,
    amountMin: query.amount_min,
    amountMax: query.amount_max,
    entity: query.entity_id,
    client: query.client_id,
    age: query.age,
    pLateMin: undefined,
    pLateMax: undefined,
    sort: undefined,
    order: undefined,
  };
  // The API speaks probabilities (0–1) where the page's URL holds percentages.
  const filters = { ...toDocumentFilters(search, agingLimits), pLateMin: query.p_late_min, pLateMax: query.p_late_max };
  const rows = await listDocumentsAfter(db, scope, filters, today, sort, after, query.limit + 1);
  const { data, next_cursor } = pageOf(rows, query.limit, (row) => documentKeyset(row, sort));
  return { data: data.map(presentPiece), next_cursor };
}

export async function getApiPiece(db: Db, scope: Scope, id: number, today: string): Promise<ApiPiece> {
  const row = await getDocumentInScope(db, scope, id, today);
  if (!row) throw new ApiProblem("not_found", "Aucune pièce de votre périmètre ne porte cet identifiant.");
  return presentPiece(row);
}
