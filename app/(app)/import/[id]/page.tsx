import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportProgress } from "@/components/import/import-progress";
import { ImportResult } from "@/components/import/import-result";
import { getImport } from "@/db/queries/imports";
import { requireUser } from "@/lib/auth/session";
import { closeInterruptedImports } from "@/lib/import/interrupted";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireUser("imports.run");
  await closeInterruptedImports(db);
  const record = await getImport(db, (await params).id);
  if (!record) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Import de {record.fileName}</h1>
      {record.status === "running" || record.status === "pending" ? (
        <ImportProgress
          importId={record.id}
          fileName={record.fileName}
          initial={{ status: record.status, rowsRead: record.rowsRead, rowsTotal: record.rowsTotal }}
        />
      ) : (
        <ImportResult
          outcome={{
            importId: record.id,
            status: record.status,
            message: record.message ?? "",
            counts: {
              read: record.rowsRead,
              inserted: record.rowsInserted,
              updated: record.rowsUpdated,
              settled: record.rowsSettled,
              rejected: record.rowsRejected,
            },
            // The page lists the first 200; the downloadable file has them all.
            errors: record.errors.slice(0, 200),
            errorFile: null,
            warnings: record.warnings,
            reconciliation: record.reconciliation,
          }}
        />
      )}
    </div>
  );
}
