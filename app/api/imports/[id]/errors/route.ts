import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { getImport } from "@/db/queries/imports";
import { userForRoute } from "@/lib/auth/session";
import { readErrorFile, writeErrorFile } from "@/lib/import/error-file";
import { withErrorResponse } from "@/lib/http/route-errors";
import { CONTENT_TYPES } from "@/lib/storage/file-type";

/** The row errors of an import as an xlsx file, for the admin to fix the source file. */
export const GET = withErrorResponse(async function handleGet(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("imports.run");
  if (current.denied) return current.denied;
  const record = await getImport(current.db, (await params).id);
  if (!record) return NextResponse.json({ error: "Import introuvable." }, { status: 404 });

  // Imports keep their complete error file; older ones rebuild it from the sample the history kept.
  let stored = await readErrorFile(record.id);
  if (!stored && (await writeErrorFile(record.id, record.errors))) stored = await readErrorFile(record.id);
  if (!stored) return NextResponse.json({ error: "Aucune erreur pour cet import." }, { status: 404 });
  const name = `erreurs-${record.fileName.replace(/[^\w.-]+/g, "_")}.xlsx`;
  return new Response(Readable.toWeb(stored.body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": CONTENT_TYPES.xlsx,
      "content-length": String(stored.size),
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
});
