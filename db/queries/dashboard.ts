import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

export type HomeFigures = { clients: number; snapshotDate: string | null };

/** How many clients the scope holds (none: the home page shows the onboarding) and the date of the latest snapshot. */
export async function homeFigures(db: Queryable, scope: Scope): Promise<HomeFigures> {
  const [row] = await queryRows<{ clients: number; snapshot_date: string | null }>(
    db,
    sql`select count(*)::int as clients, (select max(snapshot_date)::text from daily_snapshots) as snapshot_date
        from clients where ${clientInScope(scope)}`,
  );
  return { clients: row.clients, snapshotDate: row.snapshot_date };
}
