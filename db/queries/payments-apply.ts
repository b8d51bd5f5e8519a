import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";
import { enqueueWebhookEvents, moneyJson, OCCURRED_AT } from "./webhook-events";
import { type ApplyCounts, entityOf, knownEntity, stage, type UnresolvedRow, unknownClients, unknownEntities } from "./import-apply";

/**
 * Applies a payments (règlements) file: each line becomes a payment document, applied to the invoice it names,
 * else to its client's open items oldest due date first; what matches nothing stays open as unapplied cash.
 * A payments file changes nothing on an invoice but its open amount, status and settled date.
 */

/** A validated line of a payments file, ready for the database. */
export type StagedPayment = {
  row: number;
  entityCode: string | null;
  clientCode: string;
  invoiceNumber: string | null;
  paymentDate: string;
  /** The cash received: positive. */
  amount: string;
  reference: string | null;
};

/** Of the payments newly recorded: what went to invoices and what stays unapplied (exact decimal strings). */
export type PaymentTotals = { applied: string; unapplied: string };

/**
 * A payment's number is its identity in the file: date, amount, a digest of the invoice number and reference,
 * and its rank among identical lines of the same client (the second identical line is a second payment).
 * The same file imported again yields the same numbers, so the insert skips them and nothing is applied twice.
 */
const PAYMENT_NUMBER = sql.raw(`'RGL-' || to_char(s."paymentDate", 'YYYY-MM-DD') || '-' || s.amount::text || '-' ||
  left(md5(json_build_array(s."invoiceNumber", s.reference)::text), 8) || '-' ||
  row_number() over (partition by c.id, s."paymentDate", s.amount, s."invoiceNumber", s.reference order by s.row)`);

export async function applyPayments(
  tx: Tx,
  rows: StagedPayment[],
  options: { importId: string; defaultEntityId: string },
): Promise<{ counts: ApplyCounts; totals: PaymentTotals; rejected: UnresolvedRow[] }> {
  await stage(
    tx,
    "stage_payments",
    `"row" int, "entityCode" text, "clientCode" text, "invoiceNumber" text, "paymentDate" date, amount numeric,
     reference text`,
    rows,
  );
  const entity = entityOf("s", options.defaultEntityId);
  const rejected = [
    ...(await unknownEntities(tx, "stage_payments")),
    ...(await unknownClients(tx, "stage_payments", options.defaultEntityId)),
  ];

  // Only the payments this import inserts are applied: one already recorded was applied when it was.
  await tx.execute(sql`
    create temporary table new_payments (id bigint, client_id uuid, "row" int, invoice_number text,
      payment_date date, amount numeric) on commit drop`);
  await tx.execute(sql`
    with numbered as (
      select c.id as client_id, s.row, s."invoiceNumber", s."paymentDate", s.amount, s.reference, ${PAYMENT_NUMBER} as number
      from stage_payments s join clients c on c.entity_id = ${entity} and c.code = s."clientCode"
      where ${knownEntity("s")}
    ), inserted as (
      insert into documents (client_id, type, number, reference, issue_date, due_date, amount, open_amount, status,
        first_seen_import_id, last_seen_import_id)
      select n.client_id, 'payment'::document_type, n.number, coalesce(n.reference, n."invoiceNumber"), n."paymentDate",
        n."paymentDate", -n.amount, -n.amount, 'open'::document_status, ${options.importId}, ${options.importId}
      from numbered n
      order by n.row
      on conflict (client_id, type, number) do nothing
      returning id, client_id, number
    )
    insert into new_payments
    select i.id, i.client_id, n.row, n."invoiceNumber", n."paymentDate", n.amount
    from inserted i join numbered n on n.client_id = i.client_id and n.number = i.number`);

  await tx.execute(sql`
    create temporary table payment_allocations (payment_id bigint, document_id bigint, amount numeric,
      payment_date date) on commit drop`);
  await allocateToNamedInvoices(tx);
  await allocateOldestFirst(tx);
  const [invoices] = await settleAllocations(tx);
  await enqueueWebhookEvents(tx, "payment.received", paymentEvents(options.importId));

  const [totals] = await queryRows<PaymentTotals & { inserted: number }>(
    tx,
    sql`select (select count(*)::int from new_payments) as inserted,
          (select coalesce(sum(amount), 0)::numeric(16, 2)::text from payment_allocations) as applied,
          ((select coalesce(sum(amount), 0) from new_payments)
            - (select coalesce(sum(amount), 0) from payment_allocations))::numeric(16, 2)::text as unapplied`,
  );
  return {
    counts: { inserted: totals.inserted, updated: invoices.updated, settled: invoices.settled },
    totals: { applied: totals.applied, unapplied: totals.unapplied },
    rejected,
  };
}

/**
 * One payment.received event per payment this import recorded — the unit a receiver books, as on a bank
 * statement — with what it paid: each pièce it went to (amount, what stays open), and the part left unapplied.
 * Read after settleAllocations, so `open_amount` and `status` are those the payment left.
 */
function paymentEvents(importId: string) {
  return sql`select gen_random_uuid() as event_id, jsonb_build_object(
      'payment_id', p.id, 'number', pay.number, 'reference', pay.reference, 'client_id', p.client_id, 'client_code', c.code,
      'payment_date', p.payment_date, 'amount', ${moneyJson("p.amount")},
      'applied', ${moneyJson("coalesce(a.applied, 0)")}, 'unapplied', ${moneyJson("p.amount - coalesce(a.applied, 0)")},
      'allocations', coalesce(a.allocations, '[]'::jsonb), 'import_id', ${importId}::uuid, 'occurred_at', ${OCCURRED_AT}) as payload
    from new_payments p
    join documents pay on pay.id = p.id
    join clients c on c.id = p.client_id
    -- Grouped once and hash-joined: a lateral subquery would scan the unindexed allocations once per payment.
    left join (
      select x.payment_id, sum(x.amount) as applied, jsonb_agg(jsonb_build_object(
          'document_id', d.id, 'number', d.number, 'type', d.type, 'amount', ${moneyJson("x.amount")},
          'open_amount', ${moneyJson("d.open_amount")}, 'settled', d.status = 'settled') order by d.due_date, d.id) as allocations
      from payment_allocations x join documents d on d.id = x.document_id
      group by x.payment_id
    ) a on a.payment_id = p.id`;
}

/** Open debit items a payment can settle: positive open amount (invoices, opening balances, other debits). */
const OPEN_DEBIT = sql.raw(`d.status = 'open' and d.open_amount > 0`);

/**
 * A payment naming an invoice of its client goes to it first, up to its open amount; several payments naming the
 * same invoice take it in date then line order (a running sum, no loop).
 */
async function allocateToNamedInvoices(tx: Tx) {
  await tx.execute(sql`
    with targets as (
      select distinct on (p.id) p.id as payment_id, p.payment_date, p.amount, p.row, d.id as document_id,
        d.open_amount
      from new_payments p join documents d on d.client_id = p.client_id and d.number = p.invoice_number
      where p.invoice_number is not null and ${OPEN_DEBIT}
      order by p.id, (d.type = 'invoice') desc, d.due_date, d.id
    ), running as (
      select t.*, sum(t.amount) over (partition by t.document_id order by t.payment_date, t.row, t.payment_id) as upto
      from targets t
    )
    insert into payment_allocations
    select r.payment_id, r.document_id, least(r.amount, r.open_amount - (r.upto - r.amount)), r.payment_date
    from running r
    where r.upto - r.amount < r.open_amount`);
}

/**
 * What a payment still holds (no invoice named, an invoice not found or already paid, a remainder) goes to its
 * client's open items, oldest due date first. Payments (in date then line order) and items each lay out along a
 * running sum; a payment pays an item for the overlap of their two intervals. Disputed items are left out: a
 * payment that names no invoice is not presumed to settle one the client contests.
 */
async function allocateOldestFirst(tx: Tx) {
  await tx.execute(sql`
    with remaining as (
      select p.id as payment_id, p.client_id, p.payment_date, p.row,
        p.amount - coalesce((select sum(a.amount) from payment_allocations a where a.payment_id = p.id), 0) as amount
      from new_payments p
    ), payers as (
      select r.*, sum(r.amount) over (partition by r.client_id order by r.payment_date, r.row, r.payment_id) as upto
      from remaining r where r.amount > 0
    ), items as (
      select d.id as document_id, d.client_id, d.due_date, d.issue_date,
        d.open_amount - coalesce((select sum(a.amount) from payment_allocations a where a.document_id = d.id), 0) as open
      from documents d
      where d.client_id in (select client_id from payers) and ${OPEN_DEBIT} and not d.disputed
    ), queue as (
      select i.*, sum(i.open) over (partition by i.client_id order by i.due_date, i.issue_date, i.document_id) as upto
      from items i where i.open > 0
    )
    insert into payment_allocations
    select p.payment_id, q.document_id, least(p.upto, q.upto) - greatest(p.upto - p.amount, q.upto - q.open),
      p.payment_date
    from payers p join queue q on q.client_id = p.client_id
    where p.upto - p.amount < q.upto and q.upto - q.open < p.upto`);
}

/**
 * Writes the allocations: each invoice's open amount goes down by what it received, and one paid in full is
 * settled on the date of the latest payment that paid it; each new payment keeps its unapplied part open.
 */
async function settleAllocations(tx: Tx) {
  const counts = await queryRows<{ updated: number; settled: number }>(
    tx,
    sql`with received as (
      select a.document_id, sum(a.amount) as amount, max(a.payment_date) as last_payment
      from payment_allocations a group by a.document_id
    ), updated as (
      update documents d set open_amount = d.open_amount - r.amount,
        status = case when d.open_amount = r.amount then 'settled'::document_status else d.status end,
        settled_date = case when d.open_amount = r.amount then r.last_payment else d.settled_date end,
        updated_at = now()
      from received r where d.id = r.document_id
      returning d.status = 'settled' as settled
    )
    select count(*)::int as updated, count(*) filter (where settled)::int as settled from updated`,
  );
  await tx.execute(sql`
    with unapplied as (
      select p.id, p.payment_date, p.amount - coalesce(sum(a.amount), 0) as amount
      from new_payments p left join payment_allocations a on a.payment_id = p.id
      group by p.id, p.payment_date, p.amount
    )
    update documents d set open_amount = -u.amount,
      status = case when u.amount = 0 then 'settled'::document_status else 'open'::document_status end,
      settled_date = case when u.amount = 0 then u.payment_date end, updated_at = now()
    from unapplied u where d.id = u.id and d.open_amount <> -u.amount`);
  return counts;
}
