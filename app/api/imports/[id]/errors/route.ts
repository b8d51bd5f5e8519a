import fs from "node:fs";
import { NextResponse } from "next/server";
import { getImport } from "@/db/queries/imports";
import { userForRoute } from "@/lib/auth/session";
import { errorFilePath, writeErrorFile } from "@/lib/import/error-file";
import { withErrorResponse } from "@/lib/http/route-errors";

/** The row errors of an import as an xlsx file, for the admin to fix the source file. */
export const GET = withErrorResponse(async function handleGet(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("imports.run");
  if (current.denied) return current.denied;
  const record = await getImport(current.db, (await params).id);
  if (!record) return NextResponse.json({ error: "Import introuvable." }, { status: 404 });

  // Imports keep their complete error file; older ones rebuild it from the sample the history kept.
  const existing = errorFilePath(record.id);
  const file = existing && fs.existsSync(existing) ? existing : await writeErrorFile(record.id, record.errors);
  if (!file) return NextResponse.json({ error: "Aucune erreur pour cet import." }, { status: 404 });
  const buffer = fs.readFileSync(file);
  const name = `erreurs-${record.fileName.replace(/[^\w.-]+/g, "_")}.xlsx`;
  return new NextResponse(new Uint8Array(buffer), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
});
