/**
 * The balance âgée of a scope: per bucket for the card from the home aggregates, per client for the export from
 * the latest daily snapshot. Bucket 0 is « non échu », bucket i ≥ 1 is `aged[i]` of the snapshot.
 */
import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { portfolioSnapshots } from "../schema";
import { aggregateInScope } from "./home-aggregates";
import { clientInScope } from "./scope";

export type AgedBucket = { amount: string; clients: number };
export type AgedBalance = {
  snapshotDate: string | null;
  agingLimits: number[];
  buckets: AgedBucket[];
  /** Clients with a non-zero amount in any bucket. */
  clients: number;
};

/** Amount and number of clients with a non-zero amount, per bucket (non échu first), on the snapshot of `date`. */
export async function agedBalanceBuckets(db: Queryable, scope: Scope, date: string, entityId?: string, collectorId?: string): Promise<AgedBalance> {
  const rows = await queryRows<{ i: number; amount: string; clients: number; total_clients: number; aging_limits: number[] }>(
    db,
    sql`with scoped as (
        select * from portfolio_snapshots
        where snapshot_date = ${date}::date and ${aggregateInScope(portfolioSnapshots, scope, entityId, collectorId)})
      select b.i::int as i, sum(b.amount)::text as amount, sum(b.clients)::int as clients,
        (select sum(clients_with_balance)::int from scoped) as total_clients,
        (select aging_limits from scoped limit 1) as aging_limits
      from scoped cross join lateral unnest(array_prepend(scoped.not_due, scoped.aged), scoped.bucket_clients)
        with ordinality as b(amount, clients, i)
      group by b.i order by b.i`,
  );
  if (rows.length === 0) return { snapshotDate: null, agingLimits: [], buckets: [], clients: 0 };
  return {
    snapshotDate: date,
    agingLimits: rows[0].aging_limits,
    buckets: rows.map((r) => ({ amount: r.amount, clients: r.clients })),
    clients: rows[0].total_clients,
  };
}

export type AgedBalanceClientRow = { entityCode: string; code: string; name: string; outstanding: string; buckets: string[] };

/** Clients of the scope with something open in the latest snapshot, by code (unique per entity only), in batches. */
export async function* streamAgedBalanceByClient(
  db: Queryable,
  scope: Scope,
  entityId?: string,
  batch = 5000,
): AsyncIterable<AgedBalanceClientRow[]> {
  const entity = entityId ? sql` and clients.entity_id = ${entityId}` : sql``;
  let after = { code: "", id: "00000000-0000-0000-0000-000000000000" };
  for (;;) {
    const rows = await queryRows<{ id: string; entity_code: string; code: string; name: string; outstanding: string; buckets: string[] }>(
      db,
      sql`select clients.id, entities.code as entity_code, clients.code, clients.name, s.outstanding::text as outstanding,
          array_prepend(s.not_due, s.aged)::text[] as buckets
        from daily_snapshots s join clients on clients.id = s.client_id join entities on entities.id = clients.entity_id
        where s.snapshot_date = (select max(snapshot_date) from daily_snapshots) and ${clientInScope(scope)}${entity}
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
