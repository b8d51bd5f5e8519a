import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

export type HomeFigures = {
  clients: number;
  outstanding: string;
  overdue: string;
  notDue: string;
  snapshotDate: string | null;
  aged: string[];
  agingLimits: number[];
};

/** Encours, échu and the aged balance of the scope, from the latest daily snapshot. */
export async function homeFigures(db: Queryable, scope: Scope): Promise<HomeFigures> {
  const [row] = await queryRows<{
    clients: number;
    outstanding: string;
    overdue: string;
    not_due: string;
    snapshot_date: string | null;
    aged: string[] | null;
    aging_limits: number[] | null;
  }>(
    db,
    sql`with latest as (select max(snapshot_date) as d from daily_snapshots)
      select count(clients.id)::int as clients,
        coalesce(sum(s.outstanding), 0)::text as outstanding,
        coalesce(sum(s.overdue), 0)::text as overdue,
        coalesce(sum(s.not_due), 0)::text as not_due,
        (select d::text from latest) as snapshot_date,
        (select array_agg(coalesce(t.total, 0)::text order by t.i)
          from (select i, sum(s2.aged[i]) as total
                from daily_snapshots s2 join clients on clients.id = s2.client_id
                cross join lateral generate_subscripts(s2.aged, 1) as i
                where s2.snapshot_date = (select d from latest) and ${clientInScope(scope)}
                group by i) t) as aged,
        (select s3.aging_limits from daily_snapshots s3 where s3.snapshot_date = (select d from latest) limit 1) as aging_limits
      from clients
      left join daily_snapshots s on s.client_id = clients.id and s.snapshot_date = (select d from latest)
      where ${clientInScope(scope)}`,
  );
  return {
    clients: row.clients,
    outstanding: row.outstanding,
    overdue: row.overdue,
    notDue: row.not_due,
    snapshotDate: row.snapshot_date,
    aged: row.aged ?? [],
    agingLimits: row.aging_limits ?? [],
  };
}
