import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { threadSubjects } from "@/lib/collaboration/subjects";
import { cursorParam, limitParam } from "../pagination";
import { idempotencyHeader, idPath, isoDateTime, jsonContent, page, problems, userRef, uuid } from "./common";
import { clientSummary } from "./disputes";

const subjectEnum = z
  .enum(threadSubjects as [string, ...string[]], { error: "Sujet inconnu." })
  .meta({ description: "litige, conditions_paiement, limite_credit, demande_avoir, lettrage ou autre." });

const mentionFormat =
  "Pour mentionner quelqu'un, écrivez `@[Nom](user:<id>)` : chaque utilisateur actif mentionné participe à la discussion et reçoit une notification, les autres participants sont prévenus de la réponse.";

export const threadSchema = z
  .object({
    id: uuid,
    client: clientSummary,
    subject: subjectEnum,
    title: z.string().meta({ example: "Avoir pour les palettes manquantes" }),
    status: z.enum(["open", "resolved"]),
    document: z.object({ id: z.number().int(), number: z.string().meta({ example: "FA-2026-0412" }) }).nullable().meta({ description: "Pièce discutée." }),
    dispute_id: uuid.nullable().meta({ description: "Litige discuté." }),
    action_id: uuid.nullable().meta({ description: "Action discutée." }),
    created_by: userRef.nullable(),
    created_at: isoDateTime,
    last_message_at: isoDateTime,
    message_count: z.number().int().meta({ example: 3 }),
    resolution_note: z.string().nullable(),
    resolved_at: isoDateTime.nullable(),
  })
  .meta({ id: "Discussion" });

export const threadCommentSchema = z
  .object({
    id: uuid,
    thread_id: uuid,
    author: userRef.nullable(),
    body: z.string().meta({ description: "Texte avec les mentions `@[Nom](user:<id>)`.", example: "@[Julie Martin](user:0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b) peux-tu confirmer l'avoir ?" }),
    text: z.string().meta({ description: "Texte brut, mentions écrites `@Nom`.", example: "@Julie Martin peux-tu confirmer l'avoir ?" }),
    mentions: z.array(uuid).meta({ description: "Utilisateurs mentionnés, dans l'ordre." }),
    created_at: isoDateTime,
    attachments: z.array(z.object({ id: uuid, file_name: z.string(), content_type: z.string(), size: z.number().int() })),
  })
  .meta({ id: "MessageDiscussion" });

export const threadListQuery = z.object({
  limit: limitParam,
  cursor: cursorParam,
  client_id: z.uuid({ error: "Identifiant invalide." }).optional().meta({ description: "Client." }),
  document_id: z.coerce.number({ error: "Identifiant de pièce entier attendu." }).int("Identifiant de pièce entier attendu.").positive("Identifiant de pièce entier attendu.").optional(),
  dispute_id: z.uuid({ error: "Identifiant invalide." }).optional(),
  action_id: z.uuid({ error: "Identifiant invalide." }).optional(),
  status: z.enum(["open", "resolved"], { error: "« open » ou « resolved » attendu." }).optional(),
});

export const threadCommentListQuery = z.object({ limit: limitParam, cursor: cursorParam });

const messageBody = z
  .string({ error: "Écrivez un message." })
  .trim()
  .min(1, "Écrivez un message.")
  .max(5000, "5 000 caractères au plus.")
  .meta({ description: mentionFormat });

export const threadCreateBody = z
  .object({
    client_id: z.uuid({ error: "Identifiant de client invalide." }),
    document_id: z.number({ error: "Identifiant de pièce entier attendu." }).int("Identifiant de pièce entier attendu.").positive("Identifiant de pièce entier attendu.").nullable().optional(),
    dispute_id: z.uuid({ error: "Identifiant de litige invalide." }).nullable().optional(),
    action_id: z.uuid({ error: "Identifiant d'action invalide." }).nullable().optional(),
    subject: subjectEnum,
    title: z.string({ error: "Donnez un titre." }).trim().min(1, "Donnez un titre.").max(200, "200 caractères au plus."),
    body: messageBody,
  })
  .meta({
    id: "OuvertureDiscussion",
    description: "Une discussion porte sur un client, et au plus sur une de ses pièces, un de ses litiges ou une de ses actions.",
    example: {
      client_id: "0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b",
      subject: "demande_avoir",
      title: "Avoir pour les palettes manquantes",
      body: "@[Julie Martin](user:5d2c1e0a-3b4f-4c6d-8e9f-0a1b2c3d4e5f) le client demande un avoir, peux-tu confirmer ?",
    },
  });

export const threadCommentCreateBody = z.object({ body: messageBody }).meta({ id: "NouveauMessage", example: { body: "Avoir émis ce matin." } });

const tags = ["Discussions"];
const threadPath = z.object({ id: uuid.meta({ description: "Identifiant de la discussion." }) });

export const threadsPaths: ZodOpenApiPathsObject = {
  "/threads": {
    get: {
      tags,
      summary: "Lister les discussions",
      description: "Discussions des clients de votre périmètre et celles auxquelles vous participez, dernière activité d'abord. Pagination par curseur.",
      requestParams: { query: threadListQuery },
      responses: { 200: { description: "Une page de discussions.", content: jsonContent(page(threadSchema, "PageDiscussions")) }, ...problems("invalid_request") },
    },
    post: {
      tags,
      summary: "Ouvrir une discussion",
      description: `Ouvre une discussion avec son premier message sur un client de votre périmètre. ${mentionFormat}`,
      requestParams: { header: idempotencyHeader },
      requestBody: { content: jsonContent(threadCreateBody) },
      responses: { 201: { description: "La discussion ouverte.", content: jsonContent(threadSchema) }, ...problems("not_found", "invalid_request", "conflict", "idempotency_mismatch") },
    },
  },
  "/threads/{id}": {
    get: {
      tags,
      summary: "Lire une discussion",
      requestParams: { path: idPath },
      responses: { 200: { description: "La discussion.", content: jsonContent(threadSchema) }, ...problems("not_found") },
    },
  },
  "/threads/{id}/comments": {
    get: {
      tags,
      summary: "Lister les messages d'une discussion",
      description: "Du plus ancien au plus récent. Pagination par curseur. La lecture par l'API ne marque pas la discussion comme lue.",
      requestParams: { path: threadPath, query: threadCommentListQuery },
      responses: { 200: { description: "Une page de messages.", content: jsonContent(page(threadCommentSchema, "PageMessagesDiscussion")) }, ...problems("not_found", "invalid_request") },
    },
    post: {
      tags,
      summary: "Répondre dans une discussion",
      description: `Ajoute un message à une discussion ouverte (409 si elle est résolue). ${mentionFormat}`,
      requestParams: { path: threadPath, header: idempotencyHeader },
      requestBody: { content: jsonContent(threadCommentCreateBody) },
      responses: { 201: { description: "Le message.", content: jsonContent(threadCommentSchema) }, ...problems("not_found", "invalid_request", "conflict", "idempotency_mismatch") },
    },
  },
};
