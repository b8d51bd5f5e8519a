import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { documentTypes } from "@/db/queries/documents";
import { cursorParam, limitParam } from "../pagination";
import { isoDate, isoDateTime, jsonContent, money, page, problems, uuid } from "./common";
import { booleanParam, dateParam, orderParam } from "./params";

export const pieceSchema = z
  .object({
    id: z.number().int().meta({ example: 184230 }),
    type: z.enum(documentTypes).meta({ description: "Facture, avoir, règlement, report à nouveau ou autre." }),
    number: z.string().meta({ example: "FA-2026-00412" }),
    reference: z.string().nullable().meta({ example: "BC 7781" }),
    client: z.object({ id: uuid, code: z.string().meta({ example: "C00042" }), name: z.string().meta({ example: "Boulangeries Durand SAS" }) }),
    entity: z.object({ id: uuid, code: z.string().meta({ example: "DIST" }) }),
    issue_date: isoDate,
    due_date: isoDate,
    amount: money.meta({ description: "Montant TTC, négatif pour un avoir ou un règlement." }),
    open_amount: money.meta({ description: "Reste dû (ou reste à imputer)." }),
    currency: z.string().meta({ example: "EUR" }),
    status: z.enum(["open", "settled"]).meta({ description: "Ouverte ou soldée." }),
    settled_date: isoDate.nullable(),
    disputed: z.boolean().meta({ description: "En litige." }),
    days_late: z.number().int().meta({ description: "Jours de retard à la date du jour, 0 si non échue.", example: 12 }),
    p_late: z.number().nullable().meta({ description: "Probabilité de paiement en retard (0 à 1), null si la pièce n'est pas notée.", example: 0.42 }),
    custom_fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    updated_at: isoDateTime,
  })
  .meta({ id: "Piece" });

const signedAmount = z.coerce.number({ error: "Un nombre est attendu." }).min(-1e12).max(1e12).optional();
const probability = z.coerce.number({ error: "Un nombre est attendu." }).min(0, "Entre 0 et 1.").max(1, "Entre 0 et 1.").optional();

export const pieceListQuery = z.object({
  limit: limitParam,
  cursor: cursorParam,
  q: z.string().trim().max(100, "100 caractères au plus.").optional().meta({ description: "Numéro de pièce, ou code, raison sociale ou SIREN du client." }),
  type: z
    .enum([...documentTypes, "all"], { error: "Type de pièce inconnu." })
    .default("invoice")
    .meta({ description: "Type de pièce ; « all » pour tous. Par défaut les factures, comme la liste Pièces." }),
  status: z.enum(["open", "settled"], { error: "« open » ou « settled » attendu." }).default("open").meta({ description: "Pièces ouvertes (par défaut) ou soldées." }),
  due: z.enum(["overdue", "not_due"], { error: "« overdue » ou « not_due » attendu." }).optional().meta({ description: "Échues ou non échues à la date du jour." }),
  disputed: booleanParam.meta({ description: "En litige ou non." }),
  due_from: dateParam.meta({ description: "Échéance à partir de cette date incluse." }),
  due_to: dateParam.meta({ description: "Échéance jusqu'à cette date incluse." }),
  issued_from: dateParam.meta({ description: "Émise à partir de cette date incluse." }),
  issued_to: dateParam.meta({ description: "Émise jusqu'à cette date incluse." }),
  amount_min: signedAmount.meta({ description: "Montant minimal (négatif pour les avoirs et règlements)." }),
  amount_max: signedAmount.meta({ description: "Montant maximal." }),
  entity_id: z.uuid({ error: "Identifiant de société invalide." }).optional().meta({ description: "Société." }),
  client_id: z.uuid({ error: "Identifiant de client invalide." }).optional().meta({ description: "Client." }),
  age: z.coerce
    .number({ error: "Un nombre entier est attendu." })
    .int("Un nombre entier est attendu.")
    .min(0, "Au moins 0.")
    .max(8, "Au plus 8.")
    .optional()
    .meta({ description: "Tranche de la balance âgée : 0 pour la première (1 à 30 j par défaut), la dernière sans borne." }),
  p_late_min: probability.meta({ description: "Probabilité de retard minimale (0 à 1) ; exclut les pièces non notées." }),
  p_late_max: probability.meta({ description: "Probabilité de retard maximale (0 à 1) ; exclut les pièces non notées." }),
  sort: z.enum(["due_date", "p_late"], { error: "« due_date » ou « p_late » attendu." }).default("due_date").meta({ description: "Tri : échéance, ou probabilité de retard (non notées en dernier)." }),
  order: orderParam.meta({ description: "Sens du tri (par défaut croissant pour due_date, décroissant pour p_late)." }),
});

export const pieceIdPath = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).meta({ description: "Identifiant de la pièce.", example: 184230 }),
});

export const piecesPaths: ZodOpenApiPathsObject = {
  "/pieces": {
    get: {
      tags: ["Pièces"],
      summary: "Lister les pièces",
      description:
        "Pièces des clients de votre périmètre, avec les filtres de la liste Pièces (par défaut : factures ouvertes, les plus anciennes échéances d'abord). Pagination par curseur.",
      requestParams: { query: pieceListQuery },
      responses: { 200: { description: "Une page de pièces.", content: jsonContent(page(pieceSchema, "PagePieces")) }, ...problems("invalid_request") },
    },
  },
  "/pieces/{id}": {
    get: {
      tags: ["Pièces"],
      summary: "Lire une pièce",
      description: "Une pièce d'un client de votre périmètre, quels que soient son type et son statut.",
      requestParams: { path: pieceIdPath },
      responses: { 200: { description: "La pièce.", content: jsonContent(pieceSchema) }, ...problems("not_found") },
    },
  },
};
