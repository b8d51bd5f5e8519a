import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withoutSecondaryIndexes } from "./bulk-load";

const disputeReasons = [
  "Marchandise non conforme",
  "Livraison incomplète",
  "Prix facturé erroné",
  "Prestation contestée",
  "Facture en double",
];

/** Sixteen-bit slice k (0–7) of the document's md5, as a uniform number in [0, 1): stable on every server. */
const r = (k: number) => sql.raw(`(('x' || substr(h, ${4 * k + 1}, 4))::bit(16)::int / 65536.0)::float8`);

/**
 * Generates every client's documents over the 18 months before `today` from its payment behaviour
 * (seed_profiles): invoices paid after due date + lateness, credit notes, unapplied payments, partial
 * payments, clients who stopped paying, and ~1 % of open invoices in dispute.
 */
export async function insertDocuments(tx: Tx, today: string, entityIds: string[]) {
  const d = sql`${today}::date`;
  // Each level works out its columns once (offset 0 keeps the planner from folding the levels together, which
  // repeats every expression wherever the next level names it: 90 s instead of a few for a million rows).
  await withoutSecondaryIndexes(tx, "documents", () => tx.execute(sql`
    insert into documents (client_id, type, number, issue_date, due_date, amount, open_amount, status, settled_date, disputed)
    select client_id, type, number, issue_date, due_date, amount,
      case when paid then 0 when partial then round(amount * (0.1 + 0.8 * ${r(6)})::numeric, 2) else amount end,
      case when paid then 'settled'::document_status else 'open'::document_status end,
      case when paid then pay_date end,
      not paid and type = 'invoice' and ${r(7)} < 0.012
    from (
      select *, pay_date < ${d} and not stopped as paid, type = 'invoice' and ${r(5)} < 0.06 as partial
      from (
        select *,
          case type
            when 'invoice' then greatest(issue_date, due_date + mean_lateness + round((${r(4)} - 0.5) * 2 * lateness_spread)::int)
            when 'credit_note' then case when ${r(4)} < 0.85 then issue_date + 20 else ${d} end
            else case when ${r(4)} < 0.6 then issue_date + 10 else ${d} end
          end as pay_date,
          type = 'invoice' and stopped_paying_days_ago is not null
            and due_date + mean_lateness > ${d} - stopped_paying_days_ago as stopped
        from (
          select *,
            case when type = 'invoice' then issue_date + payment_terms_days else issue_date end as due_date,
            case type
              when 'invoice' then round(exp(ln(150) + power(${r(3)}, 1.6) * (ln(60000) - ln(150)))::numeric, 2)
              when 'credit_note' then -round(exp(ln(80) + power(${r(3)}, 2) * (ln(8000) - ln(80)))::numeric, 2)
              else -round(exp(ln(100) + ${r(3)} * (ln(15000) - ln(100)))::numeric, 2)
            end as amount,
            case type when 'invoice' then 'FA' when 'credit_note' then 'AV' else 'RG' end
              || to_char(issue_date, 'YYYY') || '-' || lpad((seq * 64 + i)::text, 8, '0') as number
          from (
            select c.id as client_id, c.payment_terms_days, p.*, g.i, h,
              case when ${r(1)} < 0.06 then 'credit_note' when ${r(1)} < 0.08 then 'payment' else 'invoice' end::document_type as type,
              (${d} - 1 - floor(${r(2)} * 545)::int) as issue_date
            from seed_profiles p
            join clients c on c.code = p.code and c.entity_id = (${JSON.stringify(entityIds)}::jsonb ->> p.entity_index)::uuid
            cross join lateral generate_series(1, p.document_count) as g(i)
            cross join lateral (select md5(p.code || ':' || p.entity_index || ':' || g.i) as h) hashed
          offset 0) base
        offset 0) priced
      offset 0) timed
    offset 0) final`));

  // One case per disputed pièce, in every working status; and cases already settled, on some paid invoices.
  await tx.execute(sql`
    with hashed as (
      select d.*, c.collector_id, ('x' || substr(md5(d.number), 1, 4))::bit(16)::int as h
      from documents d join clients c on c.id = d.client_id
      where d.disputed or (d.status = 'settled' and d.type = 'invoice' and d.settled_date > d.due_date + 12
        and ('x' || substr(md5(d.number || 'r'), 1, 4))::bit(16)::int % 80 = 0)
    ), opened as (
      insert into disputes (document_id, client_id, reason, category, amount, owner_id, status, target_date, outcome,
        opened_by_id, opened_at, closed_by_id, closed_at)
      select id, client_id, (${JSON.stringify(disputeReasons)}::jsonb ->> (h % ${disputeReasons.length})),
        (array['prix', 'quantite', 'qualite', 'livraison', 'facturation', 'autre'])[1 + h % 6]::dispute_category,
        case when disputed then open_amount else amount end, collector_id,
        case when disputed then (array['open', 'in_progress', 'waiting_customer'])[1 + h % 3]::dispute_status else 'resolved' end,
        due_date + 40,
        case when disputed then null else (array['avoir_emis', 'facture_maintenue', 'partiel'])[1 + h % 3]::dispute_outcome end,
        collector_id, least(due_date + 10, ${d} - 1)::timestamptz,
        case when disputed then null else collector_id end, case when disputed then null else settled_date::timestamptz end
      from hashed
      returning id, document_id
    )
    insert into dispute_documents (dispute_id, document_id) select id, document_id from opened`);
}
