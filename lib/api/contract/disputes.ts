import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { disputeKeysetKeys } from "@/db/queries/dispute-case-pages";
import { disputeCategories, disputeOutcomes, disputeStatuses } from "@/lib/disputes/labels";
import { cursorParam, limitParam } from "../pagination";
import { idempotencyHeader, idPath, isoDate, isoDateTime, jsonContent, money, page, problems, userRef, uuid } from "./common";
import { booleanParam, orderParam } from "./params";

/** A client as a dispute or a discussion names it. */
export const clientSummary = z.object({ id: uuid, code: z.string().meta({ example: "C00042" }), name: z.string().meta({ example: "Boulangeries Durand SAS" }) });

const statusEnum = z.enum(disputeStatuses).meta({ description: "open (ouvert), in_progress (en cours), waiting_customer (en attente client), resolved (résolu), closed (clos)." });
const categoryEnum = z.enum(disputeCategories).meta({ description: "Catégorie : prix, quantite, qualite, livraison, facturation, autre." });
const outcomeEnum = z.enum(disputeOutcomes).meta({ description: "Résultat : avoir_emis, facture_maintenue, partiel." });

const disputePieceSchema = z.object({
  id: z.number().int().meta({ example: 18342 }),
  number: z.string().meta({ example: "FA-2026-0412" }),
  type: z.enum(["invoice", "credit_note", "payment", "opening_balance", "other"]),
  due_date: isoDate,
  amount: money,
  open_amount: money,
  currency: z.string().meta({ example: "EUR" }),
  status: z.enum(["open", "settled"]),
  days_late: z.number().int().meta({ example: 24 }),
});

export const disputeSchema = z
  .object({
    id: uuid,
    client: clientSummary,
    reason: z.string().meta({ example: "Livraison incomplète : 3 palettes manquantes" }),
    category: categoryEnum,
    amount: money.nullable().meta({ description: "Montant en litige (par défaut, le reste dû des pièces à l'ouverture)." }),
    status: statusEnum,
    active: z.boolean().meta({ description: "Litige en cours de traitement : ses pièces ne sont pas relancées." }),
    owner: userRef.nullable().meta({ description: "Responsable du litige." }),
    target_date: isoDate.nullable().meta({ description: "Date cible de résolution." }),
    overdue: z.boolean().meta({ description: "Litige actif dont la date cible est passée." }),
    outcome: outcomeEnum.nullable(),
    resolution_note: z.string().nullable(),
    age_days: z.number().int().meta({ description: "Jours depuis l'ouverture, ou durée du litige s'il est terminé.", example: 12 }),
    opened_at: isoDateTime,
    opened_by: userRef.nullable(),
    closed_at: isoDateTime.nullable(),
    pieces: z.array(disputePieceSchema).meta({ description: "Pièces couvertes, par échéance." }),
  })
  .meta({ id: "Litige" });

const uuidParam = (description: string) => z.uuid({ error: "Identifiant invalide." }).optional().meta({ description });

export const disputeListQuery = z.object({
  limit: limitParam,
  cursor: cursorParam,
  q: z.string().trim().max(100, "100 caractères au plus.").optional().meta({ description: "Recherche sur le client (code, raison sociale, SIREN)." }),
  status: z
    .enum(["active", "all", ...disputeStatuses], { error: "Statut inconnu : active, all ou un statut de litige." })
    .default("active")
    .meta({ description: "active (ouverts, en cours, en attente client — par défaut), all, ou un statut." }),
  category: z.enum(disputeCategories, { error: "Catégorie inconnue." }).optional(),
  owner_id: uuidParam("Responsable."),
  client_id: uuidParam("Client."),
  overdue: booleanParam.meta({ description: "true : seulement les litiges actifs dont la date cible est passée." }),
  sort: z.enum(disputeKeysetKeys, { error: "Tri inconnu." }).default("age").meta({ description: "Tri (par défaut l'âge, les plus anciens d'abord)." }),
  order: orderParam.meta({ description: "Sens du tri (par défaut décroissant pour age, amount et opened_at, croissant sinon)." }),
});

const amountInput = z
  .string({ error: "Montant attendu en chaîne décimale (ex. « 1250.00 »)." })
  .regex(/^\d{1,13}(\.\d{1,2})?$/, "Montant invalide (ex. « 1250.00 »).");
const dateInput = z.iso.date({ error: "Date AAAA-MM-JJ attendue." });

export const disputeCreateBody = z
  .object({
    client_id: z.uuid({ error: "Identifiant de client invalide." }),
    document_ids: z
      .array(z.number({ error: "Identifiant de pièce entier attendu." }).int("Identifiant de pièce entier attendu.").positive("Identifiant de pièce entier attendu."), {
        error: "Liste d'identifiants de pièces attendue.",
      })
      .min(1, "Indiquez au moins une pièce.")
      .max(500, "500 pièces au plus.")
      .meta({ description: "Pièces ouvertes du client ; les autres (soldées, d'un autre client) sont ignorées." }),
    reason: z.string({ error: "Indiquez le motif du litige." }).trim().min(3, "Indiquez le motif du litige (3 caractères minimum).").max(200, "200 caractères au maximum."),
    category: z.enum(disputeCategories, { error: "Catégorie inconnue." }).optional().meta({ description: "Par défaut « autre »." }),
    amount: amountInput.nullable().optional().meta({ description: "Montant en litige ; par défaut le reste dû des pièces couvertes." }),
    owner_id: z.uuid({ error: "Identifiant de responsable invalide." }).nullable().optional().meta({ description: "Responsable (utilisateur actif), prévenu par une notification." }),
    target_date: dateInput.nullable().optional(),
  })
  .meta({
    id: "OuvertureLitige",
    example: { client_id: "0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b", document_ids: [18342, 18351], reason: "Livraison incomplète", category: "livraison", target_date: "2026-12-31" },
  });

export const disputePatchBody = z
  .object({
    status: z.enum(disputeStatuses, { error: "Statut inconnu." }).optional(),
    outcome: z.enum(disputeOutcomes, { error: "Résultat inconnu." }).nullable().optional().meta({ description: "Obligatoire pour passer en « resolved »." }),
    resolution_note: z.string({ error: "Texte attendu." }).trim().max(1000, "1 000 caractères au maximum.").nullable().optional(),
    category: z.enum(disputeCategories, { error: "Catégorie inconnue." }).optional(),
    amount: amountInput.nullable().optional(),
    owner_id: z.uuid({ error: "Identifiant de responsable invalide." }).nullable().optional(),
    target_date: dateInput.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Indiquez au moins un champ à modifier.")
  .meta({
    id: "ModificationLitige",
    description: "Sans le droit de gérer les litiges, le responsable du litige ne peut changer que status, outcome et resolution_note.",
    example: { status: "resolved", outcome: "avoir_emis", resolution_note: "Avoir AV-2026-118 émis pour les palettes manquantes." },
  });

const tags = ["Litiges"];

export const disputesPaths: ZodOpenApiPathsObject = {
  "/disputes": {
    get: {
      tags,
      summary: "Lister les litiges",
      description: "Litiges de vos clients, et ceux dont vous êtes responsable, avec les filtres de la page Litiges. Pagination par curseur.",
      requestParams: { query: disputeListQuery },
      responses: { 200: { description: "Une page de litiges.", content: jsonContent(page(disputeSchema, "PageLitiges")) }, ...problems("invalid_request") },
    },
    post: {
      tags,
      summary: "Ouvrir un litige",
      description:
        "Ouvre un litige sur des pièces ouvertes d'un client de votre périmètre : ses pièces ne sont plus relancées tant qu'il est actif. Droits : chargé, superviseur ou administrateur.",
      requestParams: { header: idempotencyHeader },
      requestBody: { content: jsonContent(disputeCreateBody) },
      responses: { 201: { description: "Le litige ouvert.", content: jsonContent(disputeSchema) }, ...problems("not_found", "invalid_request", "conflict", "idempotency_mismatch") },
    },
  },
  "/disputes/{id}": {
    get: {
      tags,
      summary: "Lire un litige",
      requestParams: { path: idPath },
      responses: { 200: { description: "Le litige et ses pièces.", content: jsonContent(disputeSchema) }, ...problems("not_found") },
    },
    patch: {
      tags,
      summary: "Modifier, résoudre ou clore un litige",
      description:
        "Comme la fiche du litige : statut (un litige résolu demande un résultat ; un litige terminé libère ses pièces), responsable, catégorie, montant, date cible. Le responsable sans droit de gestion ne change que le statut, le résultat et la note.",
      requestParams: { path: idPath },
      requestBody: { content: jsonContent(disputePatchBody) },
      responses: { 200: { description: "Le litige modifié.", content: jsonContent(disputeSchema) }, ...problems("not_found", "invalid_request") },
    },
  },
};
