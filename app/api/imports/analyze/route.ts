import { NextResponse } from "next/server";
import { z } from "zod";
import { findImportProfile } from "@/db/queries/import-profiles";
import { entityCodes } from "@/db/queries/imports";
import { userForRoute } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { today } from "@/lib/dates";
import { analyzeFile } from "@/lib/import/analyze";
import { inspectImportFile } from "@/lib/import/inspect-file";
import { MAX_MAPPING_KEY } from "@/lib/import/custom-fields";
import { ImportFileError } from "@/lib/import/result";
import { FILE_MESSAGES } from "@/lib/import/sniff";
import { removeExpiredUploads, saveUpload, uploadWorkingCopy } from "@/lib/import/uploads";
import { withErrorResponse } from "@/lib/http/route-errors";

// Room for the form fields around the file in the multipart body.
const FORM_OVERHEAD_BYTES = 64 * 1024;

const choices = z.object({
  kind: z.enum(["clients", "documents", "fec", "payments"]),
  uploadId: z.uuid().optional(),
  fileName: z.string().max(255).optional(),
  sheet: z.string().max(100).optional(),
  encoding: z.enum(["utf-8", "utf-8-bom", "windows-1252", "cp850", "utf-16le"]).optional(),
  separator: z.enum([";", ",", "\t", "|"]).optional(),
  headerRow: z.coerce.number().int().min(0).max(19).optional(),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  profile: z.string().max(100).optional(),
  mode: z.enum(["snapshot", "incremental"]).default("incremental"),
  swapExcelDates: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  createClients: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  mapping: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Correspondance des colonnes illisible." });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().regex(/^\d+$/), z.string().max(MAX_MAPPING_KEY)))
    .optional(),
});

/**
 * Wizard step 2–3: stores the upload (size-limited) and answers the detected layout, mapping and preview, with
 * the warnings of the whole file and what a snapshot would settle.
 */
export const POST = withErrorResponse(async function handlePost(request: Request) {
  const current = await userForRoute("imports.run");
  if (current.denied) return current.denied;

  const maxBytes = env.IMPORT_MAX_MEGABYTES * 1024 * 1024;
  const tooLarge = NextResponse.json({ error: `Fichier trop volumineux : ${env.IMPORT_MAX_MEGABYTES} Mo au maximum.` }, { status: 413 });
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(declared)) {
    return NextResponse.json({ error: "Taille de l'envoi inconnue : envoyez le fichier depuis l'assistant d'import." }, { status: 411 });
  }
  if (declared > maxBytes + FORM_OVERHEAD_BYTES) return tooLarge;

  removeExpiredUploads();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return NextResponse.json({ error: "Envoi illisible : déposez à nouveau le fichier." }, { status: 400 });
  }
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = choices.safeParse(fields);
  if (!parsed.success) return NextResponse.json({ error: "Paramètres d'import invalides." }, { status: 400 });
  const input = parsed.data;

  let uploadId = input.uploadId;
  let fileName = input.fileName ?? "fichier";
  const file = form.get("file");
  // A form sent without a file chosen holds an empty, nameless one.
  if (file instanceof File && (file.size > 0 || file.name !== "")) {
    if (file.size === 0) return NextResponse.json({ error: FILE_MESSAGES.empty }, { status: 400 });
    if (file.size > maxBytes) return tooLarge;
    uploadId = await saveUpload(file);
    fileName = file.name;
  }
  const path = uploadId ? await uploadWorkingCopy(uploadId) : null;
  if (!path) return NextResponse.json({ error: "Choisissez un fichier à importer." }, { status: 400 });

  const profile = input.profile ? await findImportProfile(current.db, input.profile) : null;
  try {
    const analysis = await analyzeFile(path, fileName, input.kind, {
      layout: { sheet: input.sheet, encoding: input.encoding, separator: input.separator },
      headerRow: input.headerRow,
      mapping: input.mapping as Record<number, string> | undefined,
      dateOrder: input.dateOrder,
      profile: profile ?? undefined,
      entityCodes: await entityCodes(current.db),
    });
    if (input.kind !== "clients" && !analysis.mappingError) {
      const createClients = input.kind === "documents" && (input.createClients ?? profile?.settings.createClients ?? false);
      const swapExcelDates = input.swapExcelDates ?? profile?.settings.swapExcelDates ?? false;
      const inspection = await inspectImportFile(current.db, {
        kind: input.kind, filePath: path, fileName, mode: input.mode, importDate: today(), userId: current.scope.userId,
        acceptRowErrors: true, layout: analysis.layout, headerRow: analysis.headerRow, mapping: analysis.mapping,
        dateOrder: analysis.dateOrder, swapExcelDates, createClients,
      });
      Object.assign(analysis, {
        warnings: inspection.warnings, snapshot: inspection.snapshot, swapExcelDates, createClients,
      });
    }
    return NextResponse.json({ uploadId, fileName, analysis });
  } catch (error) {
    if (error instanceof ImportFileError) return NextResponse.json({ uploadId, fileName, error: error.message }, { status: 422 });
    throw error;
  }
});
