import { randomUUID } from "node:crypto";
import { userForRoute } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { withErrorResponse } from "@/lib/http/route-errors";
import { isUuid } from "@/lib/ids";
import { pdfResponse, textResponse } from "@/lib/outbound/content-response";
import { issueStatement } from "@/lib/outbound/client-statement";

/**
 * The client's statement of account as a PDF download, recorded in its history as a statement issued. Those who
 * work the clients only (relance.work); a client out of the user's scope is not found.
 */
export const GET = withErrorResponse(async function handleGet(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const current = await userForRoute("relance.work");
  if (current.denied) return current.denied;
  const { id } = await params;
  if (!isUuid(id)) return textResponse("Client introuvable.", 404);
  const statement = await issueStatement(current.db, current.scope, { id: randomUUID(), clientId: id }, today());
  if (!statement) return textResponse("Client introuvable.", 404);
  return pdfResponse(statement.pdf, statement.fileName, true);
});
