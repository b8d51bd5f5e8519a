import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";

export const IMPORTED_DISPUTE_REASON = "Litige signalé dans le fichier importé";

/**
 * Opens a dispute case, one per pièce since each row carries its own reason, on each open pièce a staged
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
        and not exists (select 1 from dispute_documents x where x.document_id = d.id)
      returning d.id, d.client_id, d.open_amount, r."disputeReason" as reason
    ), opened as (
      insert into disputes (document_id, client_id, reason, amount, opened_by_id)
      select f.id, f.client_id, coalesce(f.reason, ${IMPORTED_DISPUTE_REASON}), f.open_amount, ${userId}::uuid from flagged f
      returning id, document_id
    ), linked as (
      insert into dispute_documents (dispute_id, document_id) select id, document_id from opened
      returning 1
    ) select count(*)::int as opened from linked`,
  );
  return row.opened;
}
