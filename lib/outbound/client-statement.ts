/**
 * The statement of account downloaded from the fiche client: recorded as a manual letter, done, covering every
 * open document of the client, and rendered from that action as sending would (same documents, same date).
 */
import type { Db } from "@/db/client";
import { loadActionForSending } from "@/db/queries/action-sending";
import { recordAudit } from "@/db/queries/audit";
import { createClientAction } from "@/db/queries/client-actions";
import { getOption } from "@/db/queries/settings";
import type { Scope } from "@/lib/auth/scope";
import { renderStatementPdf, statementFileName, statementTitle } from "./statement-pdf";

export const STATEMENT_DOWNLOADED = "Relevé de compte téléchargé (PDF)";

/** The PDF and its file name, or null when the client is not in scope. */
export async function issueStatement(db: Db, scope: Scope, args: { id: string; clientId: string }, today: string): Promise<{ pdf: Buffer; fileName: string } | null> {
  return db.transaction(async (tx) => {
    const created = await createClientAction(tx, scope, {
      ...args,
      type: "letter",
      status: "done",
      plannedDate: today,
      documents: "all_open",
      renderedSubject: statementTitle(today),
      note: STATEMENT_DOWNLOADED,
    });
    if (created.status !== "created") return null;
    await recordAudit(tx, { userId: scope.userId, action: "action.statement", targetType: "action", targetId: args.id, details: { clientId: args.clientId, documents: created.documents } });
    const loaded = await loadActionForSending(tx, scope, args.id, today);
    if (!loaded) return null;
    const [company, logo] = await Promise.all([getOption(tx, "company"), getOption(tx, "companyLogo")]);
    return { pdf: await renderStatementPdf({ context: loaded.context, company, logo }), fileName: statementFileName(loaded.context) };
  });
}
