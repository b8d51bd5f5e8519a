import { and, desc, eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { jobLeases, jobRuns } from "../schema";
import { notifyAdminsOfFailedRun } from "./notification-sources";

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
        : { status: "succeeded", report: outcome.report, error: null, finishedAt: new Date() },
    )
    .where(eq(jobRuns.id, id));
  if ("error" in outcome) await notifyAdminsOfFailedRun(db, id);
}

/** Runs `work` as one line of the run history: its report and duration, or its error (then thrown again). */
export async function recordJobRun<R extends Record<string, unknown>>(
  db: Queryable,
  job: string,
  runDate: string,
  work: () => Promise<R>,
): Promise<R & { durationMs: number }> {
  const started = Date.now();
  const runId = await startJobRun(db, job, runDate);
  try {
    const report = { ...(await work()), durationMs: Date.now() - started };
    await finishJobRun(db, runId, { report });
    return report;
  } catch (error) {
    await finishJobRun(db, runId, { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
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
 * Takes the lease of `job` for `holder` until `seconds` from now, in one statement: free, expired (its holder
 * died) or already `holder`'s. False while another holder's lease runs. The database's clock decides.
 */
export async function acquireJobLease(db: Queryable, job: string, holder: string, seconds: number): Promise<boolean> {
  const rows = await queryRows<{ holder: string }>(
    db,
    sql`insert into job_leases (job, holder, acquired_at, expires_at)
        values (${job}, ${holder}, now(), now() + make_interval(secs => ${seconds}))
        on conflict (job) do update set holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
        where job_leases.expires_at < now() or job_leases.holder = excluded.holder
        returning holder`,
  );
  return rows.length === 1;
}

/** Pushes back the expiry of `holder`'s lease; false when another holder took it over meanwhile. */
export async function renewJobLease(db: Queryable, job: string, holder: string, seconds: number): Promise<boolean> {
  const rows = await db
    .update(jobLeases)
    .set({ expiresAt: sql`now() + make_interval(secs => ${seconds})` })
    .where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder)))
    .returning({ job: jobLeases.job });
  return rows.length === 1;
}

/** Gives the lease back, only if `holder` still has it. */
export async function releaseJobLease(db: Queryable, job: string, holder: string): Promise<void> {
  await db.delete(jobLeases).where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder)));
}

/**
 * Marks the runs of `job` still shown as running as interrupted. Only the holder of the job's lease may call it:
 * holding it proves that whoever started those runs is gone.
 */
export async function closeInterruptedRuns(db: Queryable, job: string): Promise<number> {
  const rows = await db
    .update(jobRuns)
    .set({ status: "failed", error: "Interrompu avant la fin : relancé depuis.", finishedAt: new Date() })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.status, "running")))
    .returning({ id: jobRuns.id });
  return rows.length;
}
