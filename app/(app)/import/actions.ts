"use server";

import fs from "node:fs";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { today } from "@/lib/dates";
import { type ImportOutcome, runImport } from "@/lib/import/run-import";
import { uploadPath } from "@/lib/import/uploads";

const commitInput = z.object({
  uploadId: z.uuid(),
  fileName: z.string().min(1).max(255),
  kind: z.enum(["clients", "documents", "fec"]),
  mode: z.enum(["snapshot", "incremental"]),
  acceptRowErrors: z.boolean(),
  sheet: z.string().max(100).optional(),
  encoding: z.enum(["utf-8", "utf-8-bom", "windows-1252", "cp850", "utf-16le"]).optional(),
  separator: z.enum([";", ",", "\t", "|"]).optional(),
  headerRow: z.number().int().min(0).max(19),
  dateOrder: z.enum(["dmy", "mdy"]),
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(40)),
  fecDefaultTermsDays: z.number().int().min(0).max(365).optional(),
  saveProfileAs: z.string().trim().max(100).optional(),
});

/** Wizard last step: imports the uploaded file with the choices the admin confirmed. */
export const commitImportAction = authedAction("imports.run", commitInput, async (input, { db, scope }) => {
  const path = uploadPath(input.uploadId);
  if (!path || !fs.existsSync(path)) return { ok: false, error: "Fichier expiré : déposez-le à nouveau." };
  const outcome: ImportOutcome = await runImport(db, {
    kind: input.kind,
    filePath: path,
    fileName: input.fileName,
    mode: input.mode,
    importDate: today(),
    userId: scope.userId,
    acceptRowErrors: input.acceptRowErrors,
    layout: { sheet: input.sheet, encoding: input.encoding, separator: input.separator },
    headerRow: input.headerRow,
    mapping: input.mapping as Record<number, string>,
    dateOrder: input.dateOrder,
    fecDefaultTermsDays: input.fecDefaultTermsDays,
    saveProfileAs: input.saveProfileAs || undefined,
  });
  if (outcome.status === "succeeded") fs.rmSync(path, { force: true });
  revalidatePath("/", "layout");
  return { ok: true, data: { ...outcome, errors: outcome.errors.slice(0, 200) } };
});
