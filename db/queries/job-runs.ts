import { and, desc, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { jobRuns } from "../schema";

export async function startJobRun(db: Queryable, job: string, runDate: string): Promise<string> {
  const [row] = await db.insert(jobRuns).values({ job, runDate, status: "running" }).returning({ id: jobRuns.id });
  return row.id;
}

export async function finishJobRun(
  db: Queryable,
  id: string,
  outcome: { report: Record<string, unknown> } | { error: string },
): Promise<void> {
  await db
    .update(jobRuns)
    .set(
      "error" in outcome
        ? { status: "failed", error: outcome.error, finishedAt: new Date() }
        : { status: "succeeded", report: outcome.report, finishedAt: new Date() },
    )
    .where(eq(jobRuns.id, id));
}

export async function hasSucceededRun(db: Queryable, job: string, runDate: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runDate, runDate), eq(jobRuns.status, "succeeded")));
  return row.n > 0;
}

export function listJobRuns(db: Queryable, limit = 20) {
  return db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(limit);
}

/**
 * Takes the transaction-scoped lock of `job`: false when another transaction holds it. Released at commit or
 * rollback, so a crashed process never leaves it behind.
 */
export async function tryJobLock(db: Queryable, job: string): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(db, sql`select pg_try_advisory_xact_lock(hashtext(${`encaisse:${job}`})) as locked`);
  return row.locked;
}

/** Marks the runs of `job` still shown as running as interrupted; call it while holding the job's lock. */
export async function closeInterruptedRuns(db: Queryable, job: string): Promise<number> {
  const rows = await db
    .update(jobRuns)
    .set({ status: "failed", error: "Interrompu avant la fin : relancé depuis.", finishedAt: new Date() })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  return rows.length;
}
