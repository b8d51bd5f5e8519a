"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/action";
import { today } from "@/lib/dates";
import { MAX_MAPPING_KEY } from "@/lib/import/custom-fields";
import { startBackgroundImport } from "@/lib/import/start-import";
import { touchUpload, uploadWorkingCopy } from "@/lib/import/uploads";

const commitInput = z.object({
  uploadId: z.uuid(),
  fileName: z.string().min(1).max(255),
  kind: z.enum(["clients", "documents", "fec", "payments"]),
  mode: z.enum(["snapshot", "incremental"]),
  acceptRowErrors: z.boolean(),
  sheet: z.string().max(100).optional(),
  encoding: z.enum(["utf-8", "utf-8-bom", "windows-1252", "cp850", "utf-16le"]).optional(),
  separator: z.enum([";", ",", "\t", "|"]).optional(),
  headerRow: z.number().int().min(0).max(19),
  dateOrder: z.enum(["dmy", "mdy"]),
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(MAX_MAPPING_KEY)),
  fecDefaultTermsDays: z.number().int().min(0).max(365).optional(),
  saveProfileAs: z.string().trim().max(100).optional(),
  swapExcelDates: z.boolean().optional(),
  confirmSettle: z.boolean().optional(),
  createClients: z.boolean().optional(),
});

/**
 * Wizard last step: records the import and hands it to the import job, which runs in the background (in this
 * process by default, on Inngest when configured). The page then follows its progress at /import/[id].
 */
export const commitImportAction = authedAction("imports.run", commitInput, async (input, { db, scope }) => {
  const path = await uploadWorkingCopy(input.uploadId);
  if (!path) return { ok: false, error: "Fichier expiré : déposez-le à nouveau." };
  touchUpload(path);
  const importId = await startBackgroundImport(db, {
    uploadId: input.uploadId,
    kind: input.kind,
    filePath: path,
    fileName: input.fileName,
    mode: input.mode,
    importDate: today(),
    userId: scope.userId,
    acceptRowErrors: input.acceptRowErrors,
    layout: { sheet: input.sheet, encoding: input.encoding, separator: input.separator },
    headerRow: input.headerRow,
    mapping: input.mapping,
    dateOrder: input.dateOrder,
    fecDefaultTermsDays: input.fecDefaultTermsDays,
    saveProfileAs: input.saveProfileAs || undefined,
    swapExcelDates: input.swapExcelDates,
    confirmSettle: input.confirmSettle,
    createClients: input.createClients,
  });
  // No revalidatePath: the history is rendered on each request, and revalidating would have the wizard page
  // rendered again on the server while the browser is already navigating to the import's own page.
  return { ok: true, data: { importId } };
});
