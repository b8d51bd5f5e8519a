/** The nightly verdict on promises to pay: kept once their documents are settled, broken when their date passes. */
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { moneyJson, OCCURRED_AT, webhookDeliveriesFrom } from "./webhook-events";

export type PromiseOutcomes = { kept: number; broken: number };

/**
 * On `date`, set-based: a pending promise whose documents are all settled is `kept`; a pending promise whose date
 * is past (before `date`) with a document still open is `broken`, which makes its documents eligible for the
 * scenario engine again (it only leaves out documents of pending promises), and tells the client's collector.
 * Each verdict is a `promise.kept` or `promise.broken` webhook event, written by the same statement.
 * Promises without documents wait.
 */
export async function settlePromises(db: Queryable, date: string): Promise<PromiseOutcomes> {
  const [row] = await queryRows<PromiseOutcomes>(
    db,
    sql`with verdict as (
          select p.id, bool_and(d.status = 'settled' or d.open_amount <= 0) as all_settled, p.promised_date
          from promises p
          join promise_documents pd on pd.promise_id = p.id
          join documents d on d.id = pd.document_id
          where p.status = 'pending'
          group by p.id
        ), changed as (
          update promises p
          set status = (case when v.all_settled then 'kept' else 'broken' end)::promise_status
          from verdict v
          where p.id = v.id and (v.all_settled or v.promised_date < ${date}::date)
          returning p.id, p.client_id, p.promised_date, p.amount, p.status
        ), notified as (
          insert into notifications (user_id, kind, title, body, link, subject_id)
          select c.collector_id, 'promise.broken', 'Promesse non tenue : ' || c.name,
                 'Promesse de paiement du ' || to_char(changed.promised_date, 'DD/MM/YYYY') || ' non tenue.', '/clients/' || c.id, changed.id
          from changed join clients c on c.id = changed.client_id
          where changed.status = 'broken' and c.collector_id is not null
        ), kept_events as (${promiseEvents("promise.kept")}), broken_events as (${promiseEvents("promise.broken")})
        select count(*) filter (where status = 'kept')::int as kept, count(*) filter (where status = 'broken')::int as broken from changed`,
  );
  return row;
}

/** The webhook events of the verdicts of `changed` with this outcome, one per promise. */
function promiseEvents(event: "promise.kept" | "promise.broken") {
  return webhookDeliveriesFrom(
    event,
    sql`select gen_random_uuid() as event_id, jsonb_build_object(
          'promise_id', changed.id, 'client_id', changed.client_id, 'client_code', c.code,
          'promised_date', changed.promised_date, 'amount', ${moneyJson("changed.amount")}, 'occurred_at', ${OCCURRED_AT}) as payload
        from changed join clients c on c.id = changed.client_id
        where changed.status = ${event === "promise.kept" ? "kept" : "broken"}::promise_status`,
  );
}
