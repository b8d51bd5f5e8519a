import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";

export type HomeFigures = { hasClients: boolean; snapshotDate: string | null };

/** Whether the scope holds any client (none: the home page shows the onboarding) and the date of the latest snapshot. */
export async function homeFigures(db: Queryable, scope: Scope): Promise<HomeFigures> {
  const [row] = await queryRows<{ has_clients: boolean; snapshot_date: string | null }>(
    db,
    sql`select exists (select 1 from clients where ${clientInScope(scope)}) as has_clients,
          (select max(snapshot_date)::text from portfolio_snapshots) as snapshot_date`,
  );
  return { hasClients: row.has_clients, snapshotDate: row.snapshot_date };
}
