import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";
import { moneyJson, OCCURRED_AT, webhookDeliveriesFrom } from "./webhook-events";

export const IMPORTED_DISPUTE_REASON = "Litige signalé dans le fichier importé";

/**
 * The dispute.opened events of the cases just opened, one per case, built from the `opened` CTE itself: the rows a
 * statement inserts are not visible to its own reads of the table. Same fields as disputeEventRows.
 */
const openedEvents = sql`select gen_random_uuid() as event_id, jsonb_build_object(
    'dispute_id', o.id, 'client_id', o.client_id, 'client_code', c.code, 'status', 'open', 'category', 'autre',
    'amount', ${moneyJson("o.amount")}, 'outcome', null, 'reason', o.reason, 'document_ids', jsonb_build_array(o.document_id),
    'occurred_at', ${OCCURRED_AT}) as payload
  from opened o join clients c on c.id = o.client_id`;

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
      returning id, document_id, client_id, amount, reason
    ), linked as (
      insert into dispute_documents (dispute_id, document_id) select id, document_id from opened
      returning 1
    ), events as (${webhookDeliveriesFrom("dispute.opened", openedEvents)})
    select count(*)::int as opened from linked`,
  );
  return row.opened;
}
