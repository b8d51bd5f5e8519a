import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { actionMode, actionStatus, actionType } from "@/db/schema/enums";
import { actionOutcomes } from "@/lib/collection/labels";
import { checkCallOutcome, checkOutcome, type OutcomeFieldNames, type OutcomeFields } from "@/lib/collection/outcome-input";
import { cursorParam, limitParam } from "../pagination";
import { idempotencyHeader, idPath, isoDate, isoDateTime, jsonContent, money, page, problems, userRef, uuid } from "./common";
import { dateParam, orderParam } from "./params";

export const actionSchema = z
  .object({
    id: uuid,
    client: z.object({ id: uuid, code: z.string().meta({ example: "C00042" }), name: z.string().meta({ example: "Boulangeries Durand SAS" }) }),
    channel: z.enum(actionType.enumValues).meta({ description: "Appel, e-mail, courrier, SMS, tâche ou mise en demeure." }),
    mode: z.enum(actionMode.enumValues).meta({ description: "Manuelle, automatique, ou automatique à confirmer." }),
    status: z.enum(actionStatus.enumValues).meta({ description: "À faire, à confirmer, programmée, envoyée, faite, en erreur ou annulée." }),
    simulated: z.boolean().meta({ description: "Envoi resté dans la boîte d'envoi (aucun fournisseur configuré) : pas réellement parti." }),
    planned_date: isoDate,
    amount_covered: money.meta({ description: "Reste dû des pièces couvertes à la création." }),
    assigned_to: userRef.nullable(),
    step: z.string().nullable().meta({ description: "Étape du scénario qui l'a créée ; null pour une action manuelle.", example: "Relance 1" }),
    outcome: z.enum(actionOutcomes).nullable().meta({ description: "Résultat d'une action faite." }),
    note: z.string().nullable(),
    dispute_reason: z.string().nullable(),
    cancel_reason: z.string().nullable(),
    error_message: z.string().nullable(),
    piece_ids: z.array(z.number().int()).meta({ description: "Pièces couvertes.", example: [184230, 184231] }),
    promise_id: uuid.nullable().meta({ description: "Promesse obtenue par cette action." }),
    done_at: isoDateTime.nullable(),
    sent_at: isoDateTime.nullable(),
    created_at: isoDateTime,
  })
  .meta({ id: "Action" });

export const actionListQuery = z.object({
  limit: limitParam,
  cursor: cursorParam,
  client_id: z.uuid({ error: "Identifiant de client invalide." }).optional().meta({ description: "Client." }),
  status: z.enum(actionStatus.enumValues, { error: "Statut inconnu." }).optional().meta({ description: "Statut." }),
  channel: z.enum(actionType.enumValues, { error: "Canal inconnu." }).optional().meta({ description: "Canal." }),
  planned_from: dateParam.meta({ description: "Prévue à partir de cette date incluse." }),
  planned_to: dateParam.meta({ description: "Prévue jusqu'à cette date incluse." }),
  order: orderParam.meta({ description: "Par date prévue : décroissante (par défaut) ou croissante." }),
});

/** The outcome form's fields, in the API's names; the same rules check them (lib/collection/outcome-input.ts). */
const outcomeBodyFields = {
  outcome: z.enum(actionOutcomes, { error: "Choisissez le résultat." }).meta({ description: "Joint, non joint, message laissé, promesse, litige, déjà payé." }),
  note: z.string({ error: "Texte attendu." }).trim().max(2000, "2 000 caractères au plus.").optional(),
  promise_date: z.string({ error: "Date AAAA-MM-JJ attendue." }).optional().meta({ description: "Pour une promesse : date promise (AAAA-MM-JJ).", example: "2026-12-20" }),
  promise_amount: z.string({ error: "Montant décimal attendu." }).optional().meta({ description: "Pour une promesse : montant promis.", example: "1250.00" }),
  dispute_reason: z.string({ error: "Texte attendu." }).trim().max(500, "500 caractères au plus.").optional().meta({ description: "Pour un litige : motif." }),
  piece_ids: z
    .array(z.number({ error: "Identifiant de pièce attendu." }).int("Identifiant de pièce attendu.").positive("Identifiant de pièce attendu."), { error: "Liste d'identifiants de pièces attendue." })
    .max(1000, "1 000 pièces au plus.")
    .optional(),
};

type OutcomeBody = { outcome?: OutcomeFields["outcome"]; note?: string; promise_date?: string; promise_amount?: string; dispute_reason?: string; piece_ids?: number[] };

const apiOutcomeNames: OutcomeFieldNames = { promiseDate: "promise_date", promiseAmount: "promise_amount", disputeReason: "dispute_reason", documentIds: "piece_ids" };

export const toOutcomeFields = (b: OutcomeBody & { outcome: OutcomeFields["outcome"] }): OutcomeFields => ({
  outcome: b.outcome,
  note: b.note || null,
  promiseDate: b.promise_date,
  promiseAmount: b.promise_amount,
  disputeReason: b.dispute_reason,
  documentIds: b.piece_ids,
});

export const actionOutcomeBody = z
  .object(outcomeBodyFields)
  .superRefine((b, ctx) => checkOutcome(toOutcomeFields(b), ctx, apiOutcomeNames))
  .meta({
    id: "ResultatAction",
    description: "Une promesse couvre les pièces ouvertes de l'action ; un litige s'ouvre sur les pièces choisies parmi elles.",
    example: { outcome: "promise", note: "Virement annoncé par la comptable", promise_date: "2026-12-20", promise_amount: "1250.00" },
  });

export const actionCreateBody = z
  .object({
    client_id: z.uuid({ error: "Identifiant de client invalide." }),
    channel: z.literal("call", { error: "Seuls les appels se créent par l'API ; les e-mails et courriers partent de la fiche client." }).default("call"),
    planned_date: z.iso.date({ error: "Date AAAA-MM-JJ attendue." }).optional().meta({ description: "Pour un appel à passer : sa date (aujourd'hui par défaut, jamais passée)." }),
    ...outcomeBodyFields,
    outcome: outcomeBodyFields.outcome.optional().meta({ description: "Pour un appel déjà passé : son résultat. Sans résultat, l'appel est à faire." }),
  })
  .superRefine((b, ctx) => {
    if (b.outcome) checkCallOutcome(toOutcomeFields({ ...b, outcome: b.outcome }), ctx, apiOutcomeNames);
  })
  .meta({
    id: "NouvelleAction",
    description:
      "Un appel manuel sur un client : avec `outcome`, l'appel passé aujourd'hui et son résultat (comme « Noter un appel » de la fiche client) ; sans, un appel à passer à `planned_date`, qui attend dans les actions manuelles de l'utilisateur de la clé. Les pièces couvertes sont celles de `piece_ids` ouvertes chez ce client, toutes ses pièces ouvertes si absent (un appel à passer).",
    example: { client_id: "0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b", piece_ids: [184230], outcome: "reached", note: "Facture bien reçue, paiement en cours." },
  });

const actionTag = ["Actions"];

export const actionsPaths: ZodOpenApiPathsObject = {
  "/actions": {
    get: {
      tags: actionTag,
      summary: "Lister les actions",
      description:
        "Actions de relance des clients de votre périmètre (et, pour un chargé, celles qui lui sont confiées), par date prévue. Pagination par curseur.",
      requestParams: { query: actionListQuery },
      responses: { 200: { description: "Une page d'actions.", content: jsonContent(page(actionSchema, "PageActions")) }, ...problems("invalid_request") },
    },
    post: {
      tags: actionTag,
      summary: "Créer un appel manuel",
      description: "Droits de relance (chargé, superviseur, administrateur). Un client hors de votre périmètre répond 404.",
      requestParams: { header: idempotencyHeader },
      requestBody: { content: jsonContent(actionCreateBody) },
      responses: {
        201: { description: "L'action créée.", content: jsonContent(actionSchema) },
        ...problems("not_found", "invalid_request", "conflict", "idempotency_mismatch"),
      },
    },
  },
  "/actions/{id}": {
    get: {
      tags: actionTag,
      summary: "Lire une action",
      requestParams: { path: idPath },
      responses: { 200: { description: "L'action.", content: jsonContent(actionSchema) }, ...problems("not_found") },
    },
  },
  "/actions/{id}/outcome": {
    post: {
      tags: actionTag,
      summary: "Enregistrer le résultat d'une action",
      description:
        "Le « Résultat » de l'agenda sur une action manuelle à faire : elle passe à faite ; une promesse est créée sur ses pièces ouvertes, un litige ouvert sur les pièces choisies. 409 si l'action n'attend pas de résultat.",
      requestParams: { path: idPath, header: idempotencyHeader },
      requestBody: { content: jsonContent(actionOutcomeBody) },
      responses: {
        200: { description: "L'action faite.", content: jsonContent(actionSchema) },
        ...problems("not_found", "invalid_request", "conflict", "idempotency_mismatch"),
      },
    },
  },
};
