import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";

export const IMPORTED_DISPUTE_REASON = "Litige signalé dans le fichier importé";

/**
 * Opens a dispute, as the app does (documents.disputed and an open row in `disputes`), on each open pièce a staged
 * row flags as disputed (`stage_resolved`, see stageDocuments) and that never had one: importing the file again opens
 * nothing more, and a dispute someone closed in the app is not reopened by the next nightly file that still flags it.
 * A row not flagged closes nothing; disputes are closed in the app. Returns how many were opened.
 */
export async function openImportedDisputes(tx: Tx, userId: string | null): Promise<number> {
  const [row] = await queryRows<{ opened: number }>(
    tx,
    sql`with flagged as (
      update documents d set disputed = true, updated_at = now()
      from stage_resolved r
      where r.disputed and d.client_id = r.client_id and d.type = r.type::document_type and d.number = r.number
        and d.status = 'open' and not d.disputed
        and not exists (select 1 from disputes x where x.document_id = d.id)
      returning d.id, d.client_id, r."disputeReason" as reason
    ), opened as (
      insert into disputes (document_id, client_id, reason, opened_by_id)
      select f.id, f.client_id, coalesce(f.reason, ${IMPORTED_DISPUTE_REASON}), ${userId}::uuid from flagged f
      returning 1
    ) select count(*)::int as opened from opened`,
  );
  return row.opened;
}
