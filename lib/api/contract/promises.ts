import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { promiseStatus } from "@/db/schema/enums";
import { checkCallOutcome, type OutcomeFieldNames } from "@/lib/collection/outcome-input";
import { cursorParam, limitParam } from "../pagination";
import { idempotencyHeader, idPath, isoDate, isoDateTime, jsonContent, money, page, problems, userRef, uuid } from "./common";
import { dateParam, orderParam } from "./params";

export const promiseSchema = z
  .object({
    id: uuid,
    client: z.object({ id: uuid, code: z.string().meta({ example: "C00042" }), name: z.string().meta({ example: "Boulangeries Durand SAS" }) }),
    action_id: uuid.nullable().meta({ description: "Action (appel) qui l'a obtenue." }),
    promised_date: isoDate,
    amount: money,
    status: z.enum(promiseStatus.enumValues).meta({ description: "En attente, tenue (pièces soldées), non tenue (date passée) ou annulée." }),
    piece_ids: z.array(z.number().int()).meta({ description: "Pièces couvertes : elles ne sont plus relancées tant que la promesse est en attente.", example: [184230] }),
    created_by: userRef.nullable(),
    created_at: isoDateTime,
  })
  .meta({ id: "Promesse" });

export const promiseListQuery = z.object({
  limit: limitParam,
  cursor: cursorParam,
  client_id: z.uuid({ error: "Identifiant de client invalide." }).optional().meta({ description: "Client." }),
  status: z.enum(promiseStatus.enumValues, { error: "Statut inconnu." }).optional().meta({ description: "Statut." }),
  due_from: dateParam.meta({ description: "Date promise à partir de cette date incluse." }),
  due_to: dateParam.meta({ description: "Date promise jusqu'à cette date incluse." }),
  order: orderParam.meta({ description: "Par date promise : croissante (par défaut) ou décroissante." }),
});

const bodyNames: OutcomeFieldNames = { promiseDate: "promised_date", promiseAmount: "amount", disputeReason: "note", documentIds: "piece_ids" };

export const promiseCreateBody = z
  .object({
    client_id: z.uuid({ error: "Identifiant de client invalide." }),
    promised_date: z.string({ error: "Date AAAA-MM-JJ attendue." }).meta({ description: "Date promise (AAAA-MM-JJ).", example: "2026-12-20" }),
    amount: z.string({ error: "Montant décimal attendu." }).meta({ description: "Montant promis.", example: "1250.00" }),
    piece_ids: z
      .array(z.number({ error: "Identifiant de pièce attendu." }).int("Identifiant de pièce attendu.").positive("Identifiant de pièce attendu."), { error: "Liste d'identifiants de pièces attendue." })
      .max(1000, "1 000 pièces au plus.")
      .meta({ description: "Pièces ouvertes du client que la promesse couvre (au moins une)." }),
    note: z.string({ error: "Texte attendu." }).trim().max(2000, "2 000 caractères au plus.").optional(),
  })
  .superRefine((b, ctx) =>
    checkCallOutcome({ outcome: "promise", note: b.note || null, promiseDate: b.promised_date, promiseAmount: b.amount, documentIds: b.piece_ids }, ctx, bodyNames),
  )
  .meta({
    id: "NouvellePromesse",
    example: { client_id: "0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b", promised_date: "2026-12-20", amount: "1250.00", piece_ids: [184230], note: "Virement promis par la comptable" },
  });

const tags = ["Promesses"];

export const promisesPaths: ZodOpenApiPathsObject = {
  "/promises": {
    get: {
      tags,
      summary: "Lister les promesses de paiement",
      description: "Promesses des clients de votre périmètre, par date promise. Pagination par curseur.",
      requestParams: { query: promiseListQuery },
      responses: { 200: { description: "Une page de promesses.", content: jsonContent(page(promiseSchema, "PagePromesses")) }, ...problems("invalid_request") },
    },
    post: {
      tags,
      summary: "Enregistrer une promesse de paiement",
      description:
        "Comme « Noter un appel » de la fiche client avec le résultat « Promesse de règlement » : un appel fait aujourd'hui est enregistré avec la promesse, qui couvre les pièces choisies encore ouvertes chez ce client. Droits de relance (chargé, superviseur, administrateur).",
      requestParams: { header: idempotencyHeader },
      requestBody: { content: jsonContent(promiseCreateBody) },
      responses: {
        201: { description: "La promesse enregistrée.", content: jsonContent(promiseSchema) },
        ...problems("not_found", "invalid_request", "conflict", "idempotency_mismatch"),
      },
    },
  },
  "/promises/{id}": {
    get: {
      tags,
      summary: "Lire une promesse de paiement",
      requestParams: { path: idPath },
      responses: { 200: { description: "La promesse.", content: jsonContent(promiseSchema) }, ...problems("not_found") },
    },
  },
};
