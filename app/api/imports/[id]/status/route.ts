import { NextResponse } from "next/server";
import { getImport } from "@/db/queries/imports";
import { userForRoute } from "@/lib/auth/session";
import { closeInterruptedImports } from "@/lib/import/interrupted";
import { withErrorResponse } from "@/lib/http/route-errors";

/** Progress of one import, polled by its page while it runs. */
export const GET = withErrorResponse(async function handleGet(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("imports.run");
  if (current.denied) return current.denied;
  await closeInterruptedImports(current.db);
  const record = await getImport(current.db, (await params).id);
  if (!record) return NextResponse.json({ error: "Import introuvable." }, { status: 404 });
  return NextResponse.json({ status: record.status, rowsRead: record.rowsRead, rowsTotal: record.rowsTotal });
});
