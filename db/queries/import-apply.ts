import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";

/** A validated row of a clients file, ready for the database. */
export type StagedClient = {
  row: number;
  entityCode: string | null;
  code: string;
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
  paymentTermsDays: number | null;
  creditLimit: string | null;
  collectorEmail: string | null;
  salesRepEmail: string | null;
  /** Custom fields the file carries for this client (name → text); a field left out keeps its stored value. */
  customFields: Record<string, string>;
};

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
};

export type ApplyCounts = { inserted: number; updated: number; settled: number };
export type UnresolvedRow = { row: number; column: string; value: string; reason: string };

const BATCH = 20_000;

/** Rows go to a temporary table as JSON batches: one parameter per batch, the same on PGlite and postgres.js. */
export async function stage<T extends { row: number }>(tx: Tx, table: string, columns: string, rows: T[]) {
  await tx.execute(sql.raw(`create temporary table ${table} (${columns}) on commit drop`));
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH));
    await tx.execute(sql`insert into ${sql.raw(table)} select * from json_to_recordset(${json}::json) as r(${sql.raw(columns)})`);
  }
}

export const entityOf = (alias: string, defaultEntityId: string) =>
  sql.raw(`coalesce((select e.id from entities e where e.code = ${alias}."entityCode"), '${defaultEntityId}'::uuid)`);

/** Rows whose société code is unknown: reported, never created. */
export async function unknownEntities(tx: Tx, table: string): Promise<UnresolvedRow[]> {
  return queryRows<UnresolvedRow>(
    tx,
    sql.raw(`select s.row, 'Société' as column, s."entityCode" as value, 'Société inconnue : créez-la ou corrigez le code.' as reason
      from ${table} s where s."entityCode" is not null and not exists (select 1 from entities e where e.code = s."entityCode")
      order by s.row`),
  );
}

export async function applyClients(tx: Tx, rows: StagedClient[], defaultEntityId: string) {
  await stage(
    tx,
    "stage_clients",
    `"row" int, "entityCode" text, code text, name text, siren text, siret text, "vatNumber" text, address text,
     "postalCode" text, city text, country text, phone text, email text, "paymentTermsDays" int, "creditLimit" numeric,
     "collectorEmail" text, "salesRepEmail" text, "customFields" jsonb`,
    rows,
  );
  const rejected = await unknownEntities(tx, "stage_clients");
  const counts = await queryRows<{ inserted: number; updated: number }>(
    tx,
    sql`with upserted as (
      insert into clients as c (entity_id, code, name, siren, siret, vat_number, address, postal_code, city, country,
        phone, email, payment_terms_days, credit_limit, collector_id, sales_rep_id, custom_fields)
      select distinct on (${entityOf("s", defaultEntityId)}, s.code)
        ${entityOf("s", defaultEntityId)}, s.code, s.name, s.siren, s.siret, s."vatNumber", s.address, s."postalCode", s.city,
        coalesce(s.country, 'FR'), s.phone, s.email, coalesce(s."paymentTermsDays", 30), s."creditLimit",
        (select u.id from users u where u.email = lower(s."collectorEmail")),
        (select u.id from users u where u.email = lower(s."salesRepEmail")),
        coalesce(s."customFields", '{}'::jsonb)
      from stage_clients s
      where s."entityCode" is null or exists (select 1 from entities e where e.code = s."entityCode")
      order by ${entityOf("s", defaultEntityId)}, s.code, s.row desc
      on conflict (entity_id, code) do update set
        name = excluded.name, siren = coalesce(excluded.siren, c.siren), siret = coalesce(excluded.siret, c.siret),
        vat_number = coalesce(excluded.vat_number, c.vat_number), address = coalesce(excluded.address, c.address),
        postal_code = coalesce(excluded.postal_code, c.postal_code), city = coalesce(excluded.city, c.city),
        country = excluded.country, phone = coalesce(excluded.phone, c.phone), email = coalesce(excluded.email, c.email),
        payment_terms_days = excluded.payment_terms_days, credit_limit = coalesce(excluded.credit_limit, c.credit_limit),
        collector_id = coalesce(excluded.collector_id, c.collector_id),
        sales_rep_id = coalesce(excluded.sales_rep_id, c.sales_rep_id),
        custom_fields = c.custom_fields || excluded.custom_fields, updated_at = now()
      where (c.name, c.siren, c.siret, c.vat_number, c.address, c.postal_code, c.city, c.country, c.phone, c.email,
             c.payment_terms_days, c.credit_limit, c.collector_id, c.sales_rep_id, c.custom_fields)
        is distinct from
            (excluded.name, coalesce(excluded.siren, c.siren), coalesce(excluded.siret, c.siret),
             coalesce(excluded.vat_number, c.vat_number), coalesce(excluded.address, c.address),
             coalesce(excluded.postal_code, c.postal_code), coalesce(excluded.city, c.city), excluded.country,
             coalesce(excluded.phone, c.phone), coalesce(excluded.email, c.email), excluded.payment_terms_days,
             coalesce(excluded.credit_limit, c.credit_limit), coalesce(excluded.collector_id, c.collector_id),
             coalesce(excluded.sales_rep_id, c.sales_rep_id), c.custom_fields || excluded.custom_fields)
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from upserted`,
  );
  await tx.execute(sql`
    insert into client_custom_fields (name)
    select distinct jsonb_object_keys(s."customFields") from stage_clients s where s."customFields" is not null
    on conflict do nothing`);
  return { counts: { ...counts[0], settled: 0 } satisfies ApplyCounts, rejected };
}

/**
 * Stages documents in `stage_documents` and resolves them to their clients in `stage_resolved` (the last row of a
 * key wins); both tables live until the transaction ends. Returns the rows whose société or client is unknown.
 */
export async function stageDocuments(tx: Tx, rows: StagedDocument[], defaultEntityId: string): Promise<UnresolvedRow[]> {
  await stage(
    tx,
    "stage_documents",
    `"row" int, "entityCode" text, "clientCode" text, type text, number text, reference text, "issueDate" date,
     "dueDate" date, amount numeric, "openAmount" numeric, currency text, "settledDate" date`,
    rows,
  );
  const entity = entityOf("s", defaultEntityId);
  await tx.execute(sql`
    create temporary table stage_resolved on commit drop as
    select distinct on (c.id, s.type, s.number) c.id as client_id, c.entity_id, c.payment_terms_days, s.*
    from stage_documents s join clients c on c.entity_id = ${entity} and c.code = s."clientCode"
    -- A row whose société is unknown is rejected, never written to the default société.
    where s."entityCode" is null or exists (select 1 from entities e where e.code = s."entityCode")
    order by c.id, s.type, s.number, s.row desc`);
  return [
    ...(await unknownEntities(tx, "stage_documents")),
    ...(await queryRows<UnresolvedRow>(
      tx,
      sql`select s.row, 'Code client' as column, s."clientCode" as value,
            'Client inconnu : importez-le d''abord dans le fichier clients.' as reason
          from stage_documents s
          where not exists (select 1 from clients c where c.entity_id = ${entity} and c.code = s."clientCode")
            and (s."entityCode" is null or exists (select 1 from entities e where e.code = s."entityCode"))
          order by s.row`,
    )),
  ];
}

type WriteOptions = { importId: string; importDate: string; mode: "snapshot" | "incremental"; defaultEntityId: string };

/** Stages then writes documents; rows whose client is unknown are reported, not invented. */
export async function applyDocuments(tx: Tx, rows: StagedDocument[], options: WriteOptions) {
  const rejected = await stageDocuments(tx, rows, options.defaultEntityId);
  return { counts: await writeStagedDocuments(tx, options), rejected };
}

/**
 * Upserts the staged documents by (client, type, number). In snapshot mode, open documents of the file's entities
 * that the file no longer lists are settled on the import date.
 */
export async function writeStagedDocuments(tx: Tx, options: WriteOptions): Promise<ApplyCounts> {
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
      returning (xmax = 0) as inserted
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
