import type { z } from "zod";
import type { Db } from "@/db/client";
import { type ImportSummary, listImportSummaries, readImportSummary } from "@/db/queries/import-history";
import { findImportProfileByIdOrName } from "@/db/queries/import-profiles";
import type { Scope } from "@/lib/auth/scope";
import { env } from "@/lib/env";
import { closeInterruptedImports } from "@/lib/import/interrupted";
import { startBackgroundImport } from "@/lib/import/start-import";
import { removeExpiredUploads, saveUpload, uploadWorkingCopy } from "@/lib/import/uploads";
import { importForm, type importListQuery, type importSchema, type importStartedSchema } from "../contract/imports";
import { toInstant, toMoney } from "../contract/common";
import { decodeCursor, pageOf } from "../pagination";
import { ApiProblem } from "../problem";
import { parseOrProblem } from "../route";

type ApiImport = z.infer<typeof importSchema>;

// Room for the form fields around the file in the multipart body.
const FORM_OVERHEAD_BYTES = 64 * 1024;

function percentOf(r: ImportSummary): number | null {
  if (r.status === "succeeded") return 100;
  if (!r.rowsTotal) return null;
  return Math.min(100, Math.floor((r.rowsRead * 100) / r.rowsTotal));
}

export function presentImport(r: ImportSummary): ApiImport {
  return {
    id: r.id,
    kind: r.kind,
    file_name: r.fileName,
    mode: r.mode,
    status: r.status,
    message: r.message,
    user_id: r.userId,
    progress: { rows_read: r.rowsRead, rows_total: r.rowsTotal, percent: percentOf(r) },
    counts: { read: r.rowsRead, inserted: r.rowsInserted, updated: r.rowsUpdated, settled: r.rowsSettled, rejected: r.rowsRejected },
    errors: {
      count: r.errorCount,
      sample: r.errorSample.map((e) => ({ row: e.row, column: e.column, value: String(e.value), reason: e.reason })),
    },
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message, count: w.count, ...(w.amount === undefined ? {} : { amount: toMoney(w.amount) }) })),
    reconciliation: r.reconciliation && {
      clients: r.reconciliation.clients,
      clients_with_difference: r.reconciliation.clientsWithDifference,
      file_balance: toMoney(r.reconciliation.fileBalance),
      open_in_app: toMoney(r.reconciliation.openInApp),
    },
    started_at: r.startedAt && toInstant(r.startedAt),
    finished_at: r.finishedAt && toInstant(r.finishedAt),
    created_at: toInstant(r.createdAt),
  };
}

export async function getApiImport(db: Db, id: string): Promise<ApiImport> {
  // As the import's page does: an import whose process died is reported failed rather than running forever.
  await closeInterruptedImports(db);
  const record = await readImportSummary(db, id);
  if (!record) throw new ApiProblem("not_found", "Aucun import ne porte cet identifiant.");
  return presentImport(record);
}

export async function listApiImports(db: Db, query: z.infer<typeof importListQuery>) {
  await closeInterruptedImports(db);
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await listImportSummaries(db, { kind: query.kind, status: query.status }, after, query.limit + 1);
  const { data, next_cursor } = pageOf(rows, query.limit, (r) => [r.createdAt, r.id]);
  return { data: data.map(presentImport), next_cursor };
}

const uploadLimitBytes = () => env.IMPORT_MAX_MEGABYTES * 1024 * 1024;
const tooLarge = () => new ApiProblem("payload_too_large", `Fichier trop volumineux : ${env.IMPORT_MAX_MEGABYTES} Mo au maximum.`);

/** The upload's form, refused before it is read when its type or declared size already says so. */
export async function readUploadForm(request: Request): Promise<FormData> {
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ApiProblem("unsupported_media_type", "Envoyez le fichier en « multipart/form-data », avec les champs « file » et « profile ».");
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > uploadLimitBytes() + FORM_OVERHEAD_BYTES) throw tooLarge();
  try {
    return await request.formData();
  } catch {
    throw new ApiProblem("invalid_request", "Envoi illisible : renvoyez le fichier en « multipart/form-data ».");
  }
}

function validateUpload(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    throw new ApiProblem("invalid_request", "Joignez le fichier à importer dans le champ « file ».", { errors: { file: ["Fichier manquant."] } });
  }
  if (file.size === 0) throw new ApiProblem("invalid_request", "Fichier vide : rien à importer.", { errors: { file: ["Fichier vide."] } });
  if (file.size > uploadLimitBytes()) throw tooLarge();
  const fields = Object.fromEntries([...form.entries()].filter(([name, v]) => name !== "file" && typeof v === "string" && v !== ""));
  return { file, fields: parseOrProblem(importForm, fields, "")! };
}

/** Stores the upload and starts the same background import as the wizard's last step, with the profile's choices. */
export async function startApiImport(db: Db, scope: Scope, form: FormData, today: string): Promise<z.infer<typeof importStartedSchema>> {
  const { file, fields } = validateUpload(form);
  const profile = await findImportProfileByIdOrName(db, fields.profile);
  if (!profile) {
    const message = `Profil d'import inconnu : « ${fields.profile} ». Enregistrez-le dans l'assistant d'import.`;
    throw new ApiProblem("invalid_request", message, { errors: { profile: [message] } });
  }
  removeExpiredUploads();
  const uploadId = await saveUpload(file);
  const filePath = await uploadWorkingCopy(uploadId);
  if (!filePath) throw new Error(`upload ${uploadId} introuvable juste après son enregistrement`);
  const id = await startBackgroundImport(db, {
    uploadId,
    kind: profile.kind,
    filePath,
    fileName: (file.name || "fichier").slice(0, 255),
    mode: fields.mode ?? profile.settings.mode,
    importDate: today,
    userId: scope.userId,
    acceptRowErrors: fields.accept_row_errors ?? false,
    confirmSettle: fields.confirm_settle,
    profile: profile.name,
  });
  return { id, status: "running", status_url: `/api/v1/imports/${id}` };
}
