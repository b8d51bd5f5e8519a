/**
 * The payloads of webhook events, each a SELECT of `(event_id, payload)` over the rows an event concerns, for
 * enqueueWebhookEvents or a CTE. Ids, amounts as decimal strings, snake_case, the instant as `occurred_at`.
 * A receiver reads the full record through the API when it needs more.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import type { WebhookEvent } from "../schema";
import { enqueueWebhookEvents, moneyJson, OCCURRED_AT } from "./webhook-events";

/** An automatic action sent or refused: its client, type, channel's recipient and the reason of a refusal. */
export function actionEventRows(where: SQL): SQL {
  return sql`select gen_random_uuid() as event_id, jsonb_build_object(
      'action_id', a.id, 'client_id', a.client_id, 'client_code', c.code, 'type', a.type, 'channel', o.channel, 'planned_date', a.planned_date,
      'recipient', o.recipient, 'error', a.error_message, 'occurred_at', ${OCCURRED_AT}) as payload
    from actions a join clients c on c.id = a.client_id left join outbound_messages o on o.action_id = a.id
    where ${where}`;
}

/** A dispute case opened or left its active statuses: its client, status, outcome, amount and pièces. */
export function disputeEventRows(where: SQL): SQL {
  return sql`select gen_random_uuid() as event_id, jsonb_build_object(
      'dispute_id', d.id, 'client_id', d.client_id, 'client_code', c.code, 'status', d.status, 'category', d.category,
      'amount', ${moneyJson("d.amount")}, 'outcome', d.outcome, 'reason', d.reason,
      'document_ids', coalesce((select jsonb_agg(dd.document_id order by dd.document_id) from dispute_documents dd where dd.dispute_id = d.id), '[]'::jsonb),
      'occurred_at', ${OCCURRED_AT}) as payload
    from disputes d join clients c on c.id = d.client_id
    where ${where}`;
}

/** An import finished or failed: what it was, its message and its counts. */
export function importEventRows(where: SQL): SQL {
  return sql`select gen_random_uuid() as event_id, jsonb_build_object(
      'import_id', i.id, 'kind', i.kind, 'file_name', i.file_name, 'mode', i.mode, 'status', i.status, 'message', i.message,
      'rows_read', i.rows_read, 'rows_inserted', i.rows_inserted, 'rows_updated', i.rows_updated,
      'rows_settled', i.rows_settled, 'rows_rejected', i.rows_rejected, 'occurred_at', ${OCCURRED_AT}) as payload
    from imports i
    where ${where}`;
}

export const emitActionEvent = (db: Queryable, event: Extract<WebhookEvent, `action.${string}`>, actionId: string) =>
  enqueueWebhookEvents(db, event, actionEventRows(sql`a.id = ${actionId}::uuid`));

/** One event per case `ids` selects (a subquery or list of dispute ids). */
export const emitDisputeEvents = (db: Queryable, event: Extract<WebhookEvent, `dispute.${string}`>, ids: SQL) =>
  enqueueWebhookEvents(db, event, disputeEventRows(sql`d.id in (${ids})`));

/** import.finished or import.failed, by the status the imports of `ids` now have. */
export async function emitImportEvents(db: Queryable, ids: SQL): Promise<void> {
  await enqueueWebhookEvents(db, "import.finished", importEventRows(sql`i.id in (${ids}) and i.status = 'succeeded'`));
  await enqueueWebhookEvents(db, "import.failed", importEventRows(sql`i.id in (${ids}) and i.status = 'failed'`));
}
