import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { grades } from "@/lib/scoring/grades";
import { limitParam, cursorParam } from "../pagination";
import { idPath, isoDate, isoDateTime, jsonContent, money, page, problems, userRef, uuid } from "./common";
import { amountParam, booleanParam, orderParam } from "./params";

export const clientSchema = z
  .object({
    id: uuid,
    code: z.string().meta({ example: "C00042" }),
    name: z.string().meta({ example: "Boulangeries Durand SAS" }),
    siren: z.string().nullable().meta({ example: "552100554" }),
    entity: z.object({ id: uuid, code: z.string().meta({ example: "DIST" }), name: z.string() }),
    address: z.string().nullable(),
    postal_code: z.string().nullable().meta({ example: "69002" }),
    city: z.string().nullable().meta({ example: "Lyon" }),
    department: z.string().nullable().meta({ example: "69" }),
    country: z.string().meta({ example: "FR" }),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    payment_terms_days: z.number().int().meta({ example: 30 }),
    credit_limit: money.nullable(),
    outstanding: money.meta({ description: "Encours : solde des pièces ouvertes." }),
    overdue: money.meta({ description: "Échu : solde des pièces dont l'échéance est passée." }),
    balances_as_of: isoDate.nullable(),
    collector: userRef.nullable().meta({ description: "Chargé de recouvrement." }),
    sales_rep: userRef.nullable().meta({ description: "Commercial." }),
    group: z.object({ id: uuid, name: z.string(), forced: z.boolean() }).nullable().meta({ description: "Groupe de relance (forcé ou calculé)." }),
    paused_until: isoDate.nullable().meta({ description: "Relances suspendues jusqu'à cette date incluse." }),
    pause_reason: z.string().nullable(),
    has_open_dispute: z.boolean(),
    score: z
      .object({ grade: z.enum(grades), p_late: z.number().meta({ description: "Probabilité de retard (0 à 1).", example: 0.18 }) })
      .nullable(),
    custom_fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    updated_at: isoDateTime,
  })
  .meta({ id: "Client" });

export const clientSortKeys = ["name", "code", "outstanding", "overdue"] as const;

export const clientListQuery = z.object({
  limit: limitParam,
  cursor: cursorParam,
  q: z.string().trim().max(100).optional().meta({ description: "Recherche sur le code, la raison sociale et le SIREN (sans accents, tolérante aux fautes)." }),
  entity_id: z.uuid().optional().meta({ description: "Société." }),
  collector_id: z.union([z.uuid(), z.literal("none")]).optional().meta({ description: "Chargé de recouvrement, ou « none » pour les clients sans chargé." }),
  sales_rep_id: z.uuid().optional(),
  group_id: z.uuid().optional(),
  department: z.string().regex(/^(\d{2,3}|2[AB])$/i, "Département invalide.").optional().meta({ example: "69" }),
  outstanding_min: amountParam,
  outstanding_max: amountParam,
  overdue_min: amountParam,
  overdue_max: amountParam,
  has_overdue: booleanParam,
  has_dispute: booleanParam,
  paused: booleanParam,
  grade: z.string().toUpperCase().regex(/^[A-E]{1,5}$/, "Lettres A à E attendues.").optional().meta({ description: "Notes gardées, lettres accolées.", example: "DE" }),
  sort: z.enum(clientSortKeys).default("name").meta({ description: "Tri." }),
  order: orderParam.meta({ description: "Sens du tri (par défaut croissant pour name et code, décroissant pour les montants)." }),
});

export const clientPatchBody = z
  .object({
    collector_id: z.uuid().nullable().optional().meta({ description: "Nouveau chargé de recouvrement (actif, chargé ou superviseur)." }),
    sales_rep_id: z.uuid().nullable().optional().meta({ description: "Nouveau commercial, ou null." }),
    pause: z
      .union([
        z.object({ until: z.iso.date(), reason: z.string().trim().min(3, "Indiquez le motif (3 caractères minimum).").max(200) }),
        z.null(),
      ])
      .optional()
      .meta({ description: "Suspend les relances jusqu'à `until` inclus ; null les reprend." }),
  })
  .refine((b) => b.collector_id !== undefined || b.sales_rep_id !== undefined || b.pause !== undefined, "Indiquez au moins un champ à modifier.")
  .meta({ id: "ModificationClient", example: { collector_id: "0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b", pause: { until: "2026-12-31", reason: "Accord du directeur financier" } } });

export const clientsPaths: ZodOpenApiPathsObject = {
  "/clients": {
    get: {
      tags: ["Clients"],
      summary: "Lister les clients",
      description: "Clients de votre périmètre, avec les filtres de la liste Clients. Pagination par curseur.",
      requestParams: { query: clientListQuery },
      responses: { 200: { description: "Une page de clients.", content: jsonContent(page(clientSchema, "PageClients")) }, ...problems("invalid_request") },
    },
  },
  "/clients/{id}": {
    get: {
      tags: ["Clients"],
      summary: "Lire un client",
      requestParams: { path: idPath },
      responses: { 200: { description: "Le client.", content: jsonContent(clientSchema) }, ...problems("not_found") },
    },
    patch: {
      tags: ["Clients"],
      summary: "Changer l'affectation ou suspendre les relances",
      description: "Affectation (droits superviseur ou administrateur) et suspension des relances (chargé compris), comme sur la fiche client.",
      requestParams: { path: idPath },
      requestBody: { content: jsonContent(clientPatchBody) },
      responses: { 200: { description: "Le client modifié.", content: jsonContent(clientSchema) }, ...problems("not_found", "invalid_request") },
    },
  },
};
