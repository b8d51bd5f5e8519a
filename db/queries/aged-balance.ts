/**
 * The balance âgée of a scope from the latest daily snapshot (the same source as the home figures): per bucket
 * for the card, per client for the export. Bucket 0 is « non échu », bucket i ≥ 1 is `aged[i]` of the snapshot.
 */
import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

export type AgedBucket = { amount: string; clients: number };
export type AgedBalance = {
  snapshotDate: string | null;
  agingLimits: number[];
  buckets: AgedBucket[];
  /** Clients with a non-zero amount in any bucket. */
  clients: number;
};

/** Amount and number of clients with a non-zero amount, per bucket (non échu first). */
export async function agedBalanceBuckets(db: Queryable, scope: Scope): Promise<AgedBalance> {
  const rows = await queryRows<{ i: number; amount: string; clients: number; total_clients: number; snapshot_date: string; aging_limits: number[] }>(
    db,
    sql`with latest as (select max(snapshot_date) as d from daily_snapshots),
      amounts as (
        select s.client_id, s.snapshot_date, s.aging_limits, 0 as i, s.not_due as amount
        from daily_snapshots s join clients on clients.id = s.client_id
        where s.snapshot_date = (select d from latest) and ${clientInScope(scope)}
        union all
        select s.client_id, s.snapshot_date, s.aging_limits, i, s.aged[i]
        from daily_snapshots s join clients on clients.id = s.client_id
        cross join lateral generate_subscripts(s.aged, 1) as i
        where s.snapshot_date = (select d from latest) and ${clientInScope(scope)})
      select i, sum(amount)::text as amount, (count(*) filter (where amount <> 0))::int as clients,
        (select count(distinct client_id)::int from amounts where amount <> 0) as total_clients,
        min(snapshot_date)::text as snapshot_date, (array_agg(aging_limits))[1] as aging_limits
      from amounts group by i order by i`,
  );
  if (rows.length === 0) return { snapshotDate: null, agingLimits: [], buckets: [], clients: 0 };
  return {
    snapshotDate: rows[0].snapshot_date,
    agingLimits: rows[0].aging_limits,
    buckets: rows.map((r) => ({ amount: r.amount, clients: r.clients })),
    clients: rows[0].total_clients,
  };
}

export type AgedBalanceClientRow = { entityCode: string; code: string; name: string; outstanding: string; buckets: string[] };

/** Clients of the scope with something open in the latest snapshot, by code (unique per entity only), in batches. */
export async function* streamAgedBalanceByClient(db: Queryable, scope: Scope, batch = 5000): AsyncIterable<AgedBalanceClientRow[]> {
  let after = { code: "", id: "00000000-0000-0000-0000-000000000000" };
  for (;;) {
    const rows = await queryRows<{ id: string; entity_code: string; code: string; name: string; outstanding: string; buckets: string[] }>(
      db,
      sql`select clients.id, entities.code as entity_code, clients.code, clients.name, s.outstanding::text as outstanding,
          array_prepend(s.not_due, s.aged)::text[] as buckets
        from daily_snapshots s join clients on clients.id = s.client_id join entities on entities.id = clients.entity_id
        where s.snapshot_date = (select max(snapshot_date) from daily_snapshots) and ${clientInScope(scope)}
          and (s.not_due <> 0 or s.overdue <> 0) and (clients.code, clients.id) > (${after.code}, ${after.id}::uuid)
        order by clients.code, clients.id limit ${batch}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ entityCode: r.entity_code, code: r.code, name: r.name, outstanding: r.outstanding, buckets: r.buckets }));
    if (rows.length < batch) return;
    after = rows[rows.length - 1];
  }
}

/** The bucket limits the latest snapshot was computed with (Paramétrage may have changed since). */
export async function latestAgingLimits(db: Queryable): Promise<number[] | null> {
  const [row] = await queryRows<{ aging_limits: number[] }>(
    db,
    sql`select aging_limits from daily_snapshots where snapshot_date = (select max(snapshot_date) from daily_snapshots) limit 1`,
  );
  return row?.aging_limits ?? null;
}
