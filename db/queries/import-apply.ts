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
  /** The client's contact as the file names it; a civilité without a name goes to the billing contact. */
  contactName?: string | null;
  contactCivility?: string | null;
  /** Custom fields the file carries for this client (name → text); a field left out keeps its stored value. */
  customFields: Record<string, string>;
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

/** The staged row (table alias) names no société, or one that exists. */
export const knownEntity = (alias: string) =>
  sql.raw(`(${alias}."entityCode" is null or exists (select 1 from entities e where e.code = ${alias}."entityCode"))`);

/** Rows of a known société whose client code it does not hold: reported, not invented. */
export async function unknownClients(tx: Tx, table: string, defaultEntityId: string): Promise<UnresolvedRow[]> {
  return queryRows<UnresolvedRow>(
    tx,
    sql`select s.row, 'Code client' as column, s."clientCode" as value,
          'Client inconnu : importez-le d''abord dans le fichier clients.' as reason
        from ${sql.raw(table)} s
        where not exists (select 1 from clients c where c.entity_id = ${entityOf("s", defaultEntityId)} and c.code = s."clientCode")
          and ${knownEntity("s")}
        order by s.row`,
  );
}

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
     "collectorEmail" text, "salesRepEmail" text, "contactName" text, "contactCivility" text, "customFields" jsonb`,
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
  await applyContacts(tx, defaultEntityId);
  await tx.execute(sql`
    insert into client_custom_fields (name)
    select distinct jsonb_object_keys(s."customFields") from stage_clients s where s."customFields" is not null
    on conflict do nothing`);
  return { counts: { ...counts[0], settled: 0 } satisfies ApplyCounts, rejected };
}

/**
 * The contact of each staged client (its last row wins): a named contact the client already has (same name, any
 * case) takes the file's civilité, a new name is added as a billing contact; a civilité alone goes to the contact
 * reminders address by default, the first billing contact. A blank civilité never erases a known one.
 */
async function applyContacts(tx: Tx, defaultEntityId: string) {
  await tx.execute(sql`
    create temporary table stage_contacts on commit drop as
    select distinct on (c.id) c.id as client_id, s."contactName" as name, s."contactCivility" as civility
    from stage_clients s join clients c on c.entity_id = ${entityOf("s", defaultEntityId)} and c.code = s.code
    where ${knownEntity("s")} and (s."contactName" is not null or s."contactCivility" is not null)
    order by c.id, s.row desc`);
  await tx.execute(sql`
    update contacts k set civility = s.civility
    from stage_contacts s
    where s.civility is not null and k.client_id = s.client_id and k.civility is distinct from s.civility
      and k.id = (select f.id from contacts f where f.client_id = s.client_id
                    and (s.name is null or lower(f.name) = lower(s.name))
                  order by (f.role = 'facturation') desc, f.created_at, f.name limit 1)`);
  await tx.execute(sql`
    insert into contacts (client_id, name, civility, role)
    select s.client_id, s.name, s.civility, 'facturation' from stage_contacts s
    where s.name is not null
      and not exists (select 1 from contacts k where k.client_id = s.client_id and lower(k.name) = lower(s.name))`);
}
