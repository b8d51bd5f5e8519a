import { desc, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { jobRuns } from "../schema";

/**
 * The journal time of the newest migration drizzle applied, null when none was. Drizzle's migrator applies
 * every journal entry newer than this, so the entries up to it are the applied ones.
 */
export async function lastAppliedMigrationMillis(db: Queryable): Promise<number | null> {
  const [exists] = await queryRows<{ found: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  if (!exists?.found) return null;
  const [row] = await queryRows<{ last: string | number | null }>(db, sql`select max(created_at) as last from drizzle.__drizzle_migrations`);
  return row?.last == null ? null : Number(row.last);
}

/** The latest run of `job` with its error, for the health check. */
export async function latestRunWithError(db: Queryable, job: string) {
  const [row] = await db
    .select({ runDate: jobRuns.runDate, status: jobRuns.status, startedAt: jobRuns.startedAt, finishedAt: jobRuns.finishedAt, error: jobRuns.error })
    .from(jobRuns)
    .where(eq(jobRuns.job, job))
    .orderBy(desc(jobRuns.startedAt))
    .limit(1);
  return row ?? null;
}
