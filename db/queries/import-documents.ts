import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";
import { countsInIndicators } from "./currencies";
import { moneyJson, OCCURRED_AT, webhookDeliveriesFrom } from "./webhook-events";
import { type ApplyCounts, entityOf, knownEntity, stage, type UnresolvedRow, unknownClients, unknownEntities } from "./import-apply";

/** A validated row of a documents file (or a FEC customer item), ready for the database. */
export type StagedDocument = {
  row: number;
  entityCode: string | null;
  clientCode: string;
  type: "invoice" | "credit_note" | "payment" | "opening_balance" | "other";
  number: string;
  reference: string | null;
  issueDate: string;
  dueDate: string | null;
  amount: string;
  openAmount: string | null;
  currency: string | null;
  settledDate: string | null;
  /** A dispute to open on the pièce (« Litige » column); false or absent changes nothing. */
  disputed?: boolean;
  disputeReason?: string | null;
  /** The name of the client to create when its code is unknown and the import may create clients. */
  clientName?: string | null;
};

export type StageOptions = { createClients?: boolean };
export type StagedDocuments = { rejected: UnresolvedRow[]; clientsCreated: number };

/**
 * Stages documents in `stage_documents` and resolves them to their clients in `stage_resolved` (the last row of a
 * key wins); both tables live until the transaction ends. Unknown client codes are created when the options say
 * so; otherwise their rows are returned with those whose société is unknown.
 */
export async function stageDocuments(
  tx: Tx, rows: StagedDocument[], defaultEntityId: string, options: StageOptions = {},
): Promise<StagedDocuments> {
  await stage(
    tx,
    "stage_documents",
    `"row" int, "entityCode" text, "clientCode" text, type text, number text, reference text, "issueDate" date,
     "dueDate" date, amount numeric, "openAmount" numeric, currency text, "settledDate" date, disputed boolean,
     "disputeReason" text, "clientName" text`,
    rows,
  );
  const entity = entityOf("s", defaultEntityId);
  const clientsCreated = options.createClients ? await createUnknownClients(tx, defaultEntityId) : 0;
  await tx.execute(sql`
    create temporary table stage_resolved on commit drop as
    select distinct on (c.id, s.type, s.number) c.id as client_id, c.entity_id, c.payment_terms_days, s.*
    from stage_documents s join clients c on c.entity_id = ${entity} and c.code = s."clientCode"
    -- A row whose société is unknown is rejected, never written to the default société.
    where ${knownEntity("s")}
    order by c.id, s.type, s.number, s.row desc`);
  const rejected = [
    ...(await unknownEntities(tx, "stage_documents")),
    ...(await unknownClients(tx, "stage_documents", defaultEntityId)),
  ];
  return { rejected, clientsCreated };
}

/**
 * Creates, in the row's société (the default one when none), each client code of the staged documents the book does
 * not hold: named by the file when it gives a name, else by its code; no collector, payment terms 30 days.
 */
async function createUnknownClients(tx: Tx, defaultEntityId: string): Promise<number> {
  const entity = entityOf("s", defaultEntityId);
  const [row] = await queryRows<{ created: number }>(
    tx,
    sql`with created as (
      insert into clients (entity_id, code, name, payment_terms_days)
      select distinct on (${entity}, s."clientCode") ${entity}, s."clientCode", coalesce(s."clientName", s."clientCode"), 30
      from stage_documents s
      where ${knownEntity("s")}
        and not exists (select 1 from clients c where c.entity_id = ${entity} and c.code = s."clientCode")
      order by ${entity}, s."clientCode", s."clientName" is null, s.row desc
      on conflict (entity_id, code) do nothing
      returning 1
    ) select count(*)::int as created from created`,
  );
  return row.created;
}

type WriteOptions = { importId: string; importDate: string; mode: "snapshot" | "incremental"; defaultEntityId: string };

/** Stages then writes documents; rows whose client is unknown are reported, not invented. */
export async function applyDocuments(tx: Tx, rows: StagedDocument[], options: WriteOptions) {
  const { rejected } = await stageDocuments(tx, rows, options.defaultEntityId);
  return { counts: await writeStagedDocuments(tx, options), rejected };
}

/**
 * payment.received for each payment line a documents or FEC file brings for the first time, shaped as those of a
 * payments file. The file states the open amounts itself (the ledger's own lettrage), so which pièces it paid is
 * not known here: `allocations` is empty and `unapplied` is what stays open on the payment.
 */
function newPaymentEvents(importId: string) {
  return sql`select gen_random_uuid() as event_id, jsonb_build_object(
      'payment_id', u.id, 'number', u.number, 'reference', u.reference, 'client_id', u.client_id, 'client_code', c.code,
      'payment_date', u.issue_date, 'amount', ${moneyJson("-u.amount")},
      'applied', ${moneyJson("u.open_amount - u.amount")}, 'unapplied', ${moneyJson("-u.open_amount")},
      'allocations', '[]'::jsonb, 'import_id', ${importId}::uuid, 'occurred_at', ${OCCURRED_AT}) as payload
    from upserted u join clients c on c.id = u.client_id
    where u.inserted and u.type = 'payment'`;
}

/** The pièce (table alias) counts in the sales, as `refreshMonthlySales` counts them. */
const salesDocument = (alias: string) => sql`${sql.raw(alias)}.type in ('invoice', 'credit_note') and ${countsInIndicators(alias)}`;

/**
 * Upserts the staged documents by (client, type, number), and records in `document_sales_changes` how they change
 * the sales (see `addMonthlySalesChanges`). In snapshot mode, open documents of the file's entities
 * that the file no longer lists are settled on the import date.
 */
export async function writeStagedDocuments(tx: Tx, options: WriteOptions): Promise<ApplyCounts> {
  await tx.execute(sql`create temporary table if not exists document_sales_changes
    (client_id uuid not null, issue_date date not null, amount numeric not null) on commit drop`);
  const entity = entityOf("s", options.defaultEntityId);
  const importDate = sql`${options.importDate}::date`;
  const [upsert] = await queryRows<{ inserted: number; updated: number }>(
    tx,
    sql`with prepared as (
      select r.client_id, r.type::document_type as type, r.number, r.reference, r."issueDate" as issue_date,
        coalesce(r."dueDate", r."issueDate" + r.payment_terms_days) as due_date, r.amount,
        case when r."settledDate" is not null then 0 else coalesce(r."openAmount", r.amount) end as open_amount,
        coalesce(upper(r.currency), 'EUR') as currency, r."settledDate" as settled_date
      from stage_resolved r
    ), upserted as (
      insert into documents as d (client_id, type, number, reference, issue_date, due_date, amount, open_amount, currency,
        status, settled_date, first_seen_import_id, last_seen_import_id)
      select p.client_id, p.type, p.number, p.reference, p.issue_date, p.due_date, p.amount, p.open_amount, p.currency,
        case when p.open_amount = 0 then 'settled'::document_status else 'open'::document_status end,
        case when p.open_amount = 0 then coalesce(p.settled_date, ${importDate}) end,
        ${options.importId}, ${options.importId}
      from prepared p
      on conflict (client_id, type, number) do update set
        reference = excluded.reference, issue_date = excluded.issue_date, due_date = excluded.due_date,
        amount = excluded.amount, open_amount = excluded.open_amount, currency = excluded.currency,
        status = excluded.status, settled_date = case when excluded.status = 'settled'
          then coalesce(d.settled_date, excluded.settled_date) end,
        last_seen_import_id = excluded.last_seen_import_id, updated_at = now()
      where (d.reference, d.issue_date, d.due_date, d.amount, d.open_amount, d.currency, d.status)
        is distinct from (excluded.reference, excluded.issue_date, excluded.due_date, excluded.amount,
                          excluded.open_amount, excluded.currency, excluded.status)
      returning (xmax = 0) as inserted, d.id, d.client_id, d.type, d.number, d.reference, d.issue_date, d.amount, d.open_amount, d.currency
    ), payment_events as (${webhookDeliveriesFrom("payment.received", newPaymentEvents(options.importId))}),
    -- What the rows written add to the sales, and what the rows updated took away: the statement reads documents
    -- as they were before it, so their old amount and date.
    sales as (
      insert into document_sales_changes (client_id, issue_date, amount)
      select u.client_id, u.issue_date, u.amount from upserted u where ${salesDocument("u")}
      union all
      select old.client_id, old.issue_date, -old.amount from upserted u join documents old on old.id = u.id
      where not u.inserted and ${salesDocument("old")}
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from upserted`,
  );

  let settled = 0;
  if (options.mode === "snapshot") {
    const [row] = await queryRows<{ settled: number }>(
      tx,
      sql`with settled as (
        update documents d set status = 'settled', open_amount = 0, settled_date = ${importDate},
          last_seen_import_id = ${options.importId}, updated_at = now()
        from clients c
        where d.client_id = c.id and d.status = 'open'
          and c.entity_id in (select distinct ${entity} from stage_documents s)
          and not exists (select 1 from stage_resolved r
                          where r.client_id = d.client_id and r.type::document_type = d.type and r.number = d.number)
        returning 1
      ) select count(*)::int as settled from settled`,
    );
    settled = row.settled;
  }
  return { ...upsert, settled };
}
