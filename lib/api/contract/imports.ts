import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { cursorParam, limitParam } from "../pagination";
import { idPath, idempotencyHeader, isoDateTime, jsonContent, money, page, problems, uuid } from "./common";

const importKinds = ["clients", "documents", "fec", "payments"] as const;
const importStatuses = ["pending", "running", "succeeded", "failed"] as const;

export const importSchema = z
  .object({
    id: uuid,
    kind: z.enum(importKinds).meta({ description: "clients, documents (pièces), fec ou payments (règlements)." }),
    file_name: z.string().meta({ example: "balance-2026-12-05.csv" }),
    mode: z.enum(["snapshot", "incremental"]).nullable().meta({ description: "Photo complète ou mise à jour ; null pour les clients et règlements." }),
    status: z.enum(importStatuses).meta({ description: "running tant que le fichier est lu et appliqué, puis succeeded ou failed." }),
    message: z.string().nullable().meta({ description: "Bilan ou motif du refus, en français.", example: "Import terminé : 1 248 pièces créées." }),
    user_id: uuid.nullable().meta({ description: "Utilisateur qui l'a lancé ; null pour le dossier de dépôt." }),
    progress: z.object({
      rows_read: z.number().int(),
      rows_total: z.number().int().nullable().meta({ description: "Lignes du fichier, quand elles se comptent d'avance (texte)." }),
      percent: z.number().int().nullable().meta({ example: 42 }),
    }),
    counts: z.object({
      read: z.number().int(),
      inserted: z.number().int(),
      updated: z.number().int(),
      settled: z.number().int(),
      rejected: z.number().int(),
    }),
    errors: z.object({
      count: z.number().int().meta({ description: "Erreurs de ligne conservées (1 000 au plus)." }),
      sample: z
        .array(z.object({ row: z.number().int(), column: z.string(), value: z.string(), reason: z.string() }))
        .meta({ description: "Les 20 premières.", example: [{ row: 12, column: "Échéance", value: "31/02/2026", reason: "Date invalide." }] }),
    }),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), count: z.number().int(), amount: money.optional() })),
    reconciliation: z
      .object({ clients: z.number().int(), clients_with_difference: z.number().int(), file_balance: money, open_in_app: money })
      .nullable()
      .meta({ description: "FEC : rapprochement des soldes du fichier avec l'ouvert dans Encaisse." }),
    started_at: isoDateTime.nullable(),
    finished_at: isoDateTime.nullable(),
    created_at: isoDateTime,
  })
  .meta({ id: "Import" });

export const importStartedSchema = z
  .object({
    id: uuid,
    status: z.enum(importStatuses),
    status_url: z.string().meta({ example: "/api/v1/imports/0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b" }),
  })
  .meta({ id: "ImportLance" });

const flag = z.enum(["true", "false"], { error: "« true » ou « false » attendu." }).transform((v) => v === "true").optional();

/** The multipart fields besides `file`, checked by the handler (the wrapper leaves form bodies to it). */
export const importForm = z.object({
  profile: z.string({ error: "Indiquez le profil d'import (identifiant ou nom)." }).trim().min(1, "Indiquez le profil d'import (identifiant ou nom).").max(100),
  mode: z.enum(["snapshot", "incremental"], { error: "« snapshot » ou « incremental » attendu." }).optional(),
  accept_row_errors: flag,
  confirm_settle: flag,
});

const importUpload = z
  .object({
    file: z.string().meta({ format: "binary", description: "Le fichier (CSV, TXT, XLSX ou FEC), au plus IMPORT_MAX_MEGABYTES Mo (100 par défaut)." }),
    profile: z.string().meta({ description: "Profil d'import enregistré dans l'assistant : son identifiant ou son nom. Il fixe le type, les colonnes et la lecture du fichier.", example: "Balance Sage" }),
    mode: z.enum(["snapshot", "incremental"]).optional().meta({ description: "Pièces : snapshot solde ce que le fichier ne liste plus ; par défaut celui du profil, sinon incremental." }),
    accept_row_errors: z.enum(["true", "false"]).optional().meta({ description: "Importer les lignes valides et ignorer les autres (par défaut, une ligne en erreur refuse le fichier)." }),
    confirm_settle: z.enum(["true", "false"]).optional().meta({ description: "Autoriser une photo qui solderait une grande part du portefeuille." }),
  })
  .meta({ id: "EnvoiImport" });

export const importListQuery = z.object({
  limit: limitParam,
  cursor: cursorParam,
  kind: z.enum(importKinds, { error: "clients, documents, fec ou payments attendu." }).optional(),
  status: z.enum(importStatuses, { error: "pending, running, succeeded ou failed attendu." }).optional(),
});

export const importsPaths: ZodOpenApiPathsObject = {
  "/imports": {
    get: {
      tags: ["Imports"],
      summary: "Lister les imports",
      description: "L'historique des imports, du plus récent au plus ancien. Pagination par curseur. Rôle administrateur.",
      requestParams: { query: importListQuery },
      responses: { 200: { description: "Une page d'imports.", content: jsonContent(page(importSchema, "PageImports")) }, ...problems("invalid_request") },
    },
    post: {
      tags: ["Imports"],
      summary: "Importer un fichier",
      description:
        "Envoie un fichier avec un profil d'import, comme l'assistant d'import : l'import tourne en arrière-plan ; suivez-le sur `status_url` " +
        "jusqu'à ce que son statut vaille succeeded ou failed. Tout ou rien : un fichier refusé ne modifie aucune donnée. Rôle administrateur.",
      requestParams: { header: idempotencyHeader },
      requestBody: { content: { "multipart/form-data": { schema: importUpload } } },
      responses: {
        202: { description: "Import lancé.", content: jsonContent(importStartedSchema) },
        ...problems("invalid_request", "payload_too_large", "unsupported_media_type", "conflict", "idempotency_mismatch"),
      },
    },
  },
  "/imports/{id}": {
    get: {
      tags: ["Imports"],
      summary: "Suivre un import",
      description: "Statut, progression, compteurs et premières erreurs, comme la page de l'import. Rôle administrateur.",
      requestParams: { path: idPath },
      responses: { 200: { description: "L'import.", content: jsonContent(importSchema) }, ...problems("not_found") },
    },
  },
};
