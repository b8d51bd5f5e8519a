import { createImportRecord } from "@/db/queries/imports";
import type { Queryable } from "@/db/client";
import { dispatchJobInBackground } from "@/inngest/dispatch";
import { type ImportJobData, importFileJob } from "@/inngest/functions/import-file";

/**
 * Records an import and hands its file to the import job, which runs in the background (in this process by default,
 * on Inngest when configured); the caller follows its progress on the record. The wizard and the open API both start
 * imports here. `mode` is the one the record shows: the request's, else its profile's, else incremental.
 */
export async function startBackgroundImport(
  db: Queryable,
  job: Omit<ImportJobData, "importId" | "deleteFileAfter"> & { uploadId: string; userId: string },
): Promise<string> {
  const { uploadId, ...data } = job;
  const importId = await createImportRecord(db, {
    kind: data.kind,
    fileName: data.fileName,
    fileHash: uploadId,
    mode: data.kind === "clients" || data.kind === "payments" ? null : (data.mode ?? "incremental"),
    userId: data.userId,
  });
  await dispatchJobInBackground(importFileJob, { ...data, importId, deleteFileAfter: true }, (error) =>
    console.error(`[import] ${importId} a échoué :`, error),
  );
  return importId;
}
