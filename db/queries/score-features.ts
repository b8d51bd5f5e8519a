import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db/client";
import { env } from "@/lib/env";
import { featureNames, LAST_PAYMENT_CAP_DAYS } from "@/lib/scoring/features";

export type FeatureRow = {
  documentId: number;
  clientId: string;
  entityId: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  openAmount: number;
  settledDate: string | null;
  /** In the order of featureNames. */
  x: number[];
  /** null when not known at knownAt. */
  late: 0 | 1 | null;
  /** settledDate − dueDate when settled before knownAt, else null. */
  daysLate: number | null;
};

/** A constant written into the statement (a parameter beside a date is ambiguous to PostgreSQL). */
const int = (value: number) => sql.raw(String(Math.trunc(value)));

/**
 * The feature columns f0…f14 (featureNames' order) of `targets`, a query of (document_id, client_id, entity_id,
 * issue_date, due_date, amount, open_amount, settled_date): one statement, a lateral look per target over the
 * client's earlier invoices. Every fact read is dated strictly before the target's issue date: an earlier invoice
 * counts as settled only when its settlement date is before it, as late once its due date plus grace has passed
 * before it unpaid, and the target's own settlement is never read.
 */
export function featureSql(targets: SQL, graceDays: number): SQL {
  const g = int(graceDays);
  // Late as it stood at the target's issue date t: due (plus grace) before t and not paid by then.
  const known = sql`p.due_date + ${g} < t.issue_date`;
  // Coalesced: an unpaid invoice (null settlement) was not paid in time, where SQL would say « unknown ».
  const paidInTime = sql`coalesce(p.settled_date < t.issue_date and p.settled_date <= p.due_date + ${g}, false)`;
  const settledBefore = sql`p.settled_date < t.issue_date`;
  return sql`
    select t.*,
      case when h.known_amount > 0 then h.late_amount / h.known_amount else 0.5 end as f0,
      h.mean_days_late as f1,
      case when h.recent_n > 0 and h.known_n > 0 then h.recent_late::float8 / h.recent_n - h.known_late::float8 / h.known_n else 0 end as f2,
      ln(1 + h.settled_n) as f3,
      dp.disputes as f4,
      dp.broken as f5,
      case when h.mean_amount > 0 and t.amount > 0 then ln(t.amount / h.mean_amount) else 0 end as f6,
      (t.due_date - t.issue_date)::float8 as f7,
      least(coalesce(t.issue_date - h.last_paid, ${int(LAST_PAYMENT_CAP_DAYS)}), ${int(LAST_PAYMENT_CAP_DAYS)})::float8 as f8,
      sin(2 * pi() * extract(month from t.issue_date) / 12) as f9,
      cos(2 * pi() * extract(month from t.issue_date) / 12) as f10,
      ln(1 + h.overdue_n) as f11,
      ln(greatest(t.amount, 1)) as f12,
      coalesce(h.last_days_late, 0)::float8 as f13,
      ln(1 + h.known_n) as f14
    from (${targets}) t
    cross join lateral (
      select
        count(*) filter (where ${known}) as known_n,
        count(*) filter (where ${known} and not ${paidInTime}) as known_late,
        coalesce(sum(p.amount) filter (where ${known}), 0)::float8 as known_amount,
        coalesce(sum(p.amount) filter (where ${known} and not ${paidInTime}), 0)::float8 as late_amount,
        count(*) filter (where ${known} and p.due_date + ${g} >= t.issue_date - 90) as recent_n,
        count(*) filter (where ${known} and p.due_date + ${g} >= t.issue_date - 90 and not ${paidInTime}) as recent_late,
        count(*) filter (where ${settledBefore}) as settled_n,
        least(coalesce(avg(greatest(p.settled_date - p.due_date, 0)) filter (where ${settledBefore}), 0), 365)::float8 as mean_days_late,
        max(p.settled_date) filter (where ${settledBefore}) as last_paid,
        (array_agg(greatest(p.settled_date - p.due_date, 0) order by p.settled_date desc) filter (where ${settledBefore}))[1] as last_days_late,
        count(*) filter (where ${known} and p.settled_date is null or ${known} and p.settled_date >= t.issue_date) as overdue_n,
        avg(p.amount)::float8 as mean_amount
      from documents p
      where p.client_id = t.client_id and p.type = 'invoice' and p.amount > 0 and p.issue_date < t.issue_date
    ) h
    cross join lateral (
      select
        (select count(*) from disputes x where x.client_id = t.client_id
          and (x.opened_at at time zone ${env.COMPANY_TIMEZONE})::date < t.issue_date
          and (x.opened_at at time zone ${env.COMPANY_TIMEZONE})::date >= t.issue_date - 365)::float8 as disputes,
        (select count(*) from promises x where x.client_id = t.client_id and x.status = 'broken'
          and x.promised_date < t.issue_date and x.promised_date >= t.issue_date - 90)::float8 as broken
    ) dp`;
}

/** The company's invoices (positive amounts), as targets of featureSql. */
export function invoiceTargets(where: SQL[]): SQL {
  return sql`
    select d.id as document_id, d.client_id, c.entity_id, d.issue_date, d.due_date, d.amount::float8 as amount,
      d.open_amount::float8 as open_amount, d.settled_date
    from documents d join clients c on c.id = d.client_id
    where d.type = 'invoice' and d.amount > 0 ${sql.join(
      where.map((w) => sql` and ${w}`),
      sql``,
    )}`;
}

/** f0 + … as an array column is driver-dependent; the columns are read one by one. */
type RawRow = Record<string, unknown> & {
  document_id: number | string;
  client_id: string;
  entity_id: string;
  issue_date: string | Date;
  due_date: string | Date;
  amount: number | string;
  open_amount: number | string;
  settled_date: string | Date | null;
};

const isoDate = (value: string | Date) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function readFeatures(row: Record<string, unknown>): number[] {
  return featureNames.map((_, i) => Number(row[`f${i}`]));
}

/**
 * Features of the company's invoices, with their label as known at `knownAt`: late = not paid by the due date plus
 * `graceDays` (or not paid yet), known once that date is before `knownAt`. `sampleModulo` keeps one invoice in n
 * (by id), a deterministic sample for training on a large history.
 */
export async function loadInvoiceFeatures(
  db: Queryable,
  args: { issuedFrom?: string; issuedTo?: string; knownAt: string; graceDays: number; openOnly?: boolean; labelledOnly?: boolean; sampleModulo?: number },
): Promise<FeatureRow[]> {
  const where: SQL[] = [sql`d.issue_date < ${args.knownAt}::date`];
  if (args.issuedFrom) where.push(sql`d.issue_date >= ${args.issuedFrom}::date`);
  if (args.issuedTo) where.push(sql`d.issue_date <= ${args.issuedTo}::date`);
  if (args.openOnly) where.push(sql`d.status = 'open'`);
  if (args.labelledOnly) where.push(sql`d.due_date + ${int(args.graceDays)} < ${args.knownAt}::date`);
  if (args.sampleModulo && args.sampleModulo > 1) where.push(sql`d.id % ${int(args.sampleModulo)} = 0`);
  const rows = await queryRows<RawRow>(db, sql`${featureSql(invoiceTargets(where), args.graceDays)} order by t.document_id`);
  const known = dayNumber(args.knownAt);
  return rows.map((row) => {
    const dueDate = isoDate(row.due_date);
    const settledDate = row.settled_date === null ? null : isoDate(row.settled_date);
    const settledBefore = settledDate !== null && dayNumber(settledDate) < known;
    const labelKnown = dayNumber(dueDate) + args.graceDays < known;
    return {
      documentId: Number(row.document_id),
      clientId: row.client_id,
      entityId: row.entity_id,
      issueDate: isoDate(row.issue_date),
      dueDate,
      amount: Number(row.amount),
      openAmount: Number(row.open_amount),
      settledDate,
      x: readFeatures(row),
      late: !labelKnown ? null : settledBefore && dayNumber(settledDate) <= dayNumber(dueDate) + args.graceDays ? 0 : 1,
      daysLate: settledBefore ? dayNumber(settledDate) - dayNumber(dueDate) : null,
    };
  });
}

/** Invoices of the company whose label is known at `knownAt`, to size a training sample before loading it. */
export async function countLabelledInvoices(db: Queryable, knownAt: string, graceDays: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from documents d
      where d.type = 'invoice' and d.amount > 0 and d.issue_date < ${knownAt}::date and d.due_date + ${int(graceDays)} < ${knownAt}::date`,
  );
  return row.n;
}

/**
 * Each client's typical next invoice, issued on `date` at its usual terms and amount: the targets of the client
 * score. Clients without any invoice are left out.
 */
export function nextInvoiceTargets(date: string): SQL {
  return sql`
    select null::bigint as document_id, c.id as client_id, c.entity_id, ${date}::date as issue_date,
      ${date}::date + c.payment_terms_days as due_date, u.amount, 0::float8 as open_amount, null::date as settled_date
    from clients c
    join lateral (
      select avg(d.amount)::float8 as amount from documents d
      where d.client_id = c.id and d.type = 'invoice' and d.amount > 0 and d.issue_date < ${date}::date
    ) u on u.amount is not null`;
}

export type ClientFeatureRow = { clientId: string; x: number[] };

export async function loadClientFeatures(db: Queryable, date: string, graceDays: number): Promise<ClientFeatureRow[]> {
  const rows = await queryRows<Record<string, unknown> & { client_id: string }>(
    db,
    sql`${featureSql(nextInvoiceTargets(date), graceDays)} order by t.client_id`,
  );
  return rows.map((row) => ({ clientId: row.client_id, x: readFeatures(row) }));
}
