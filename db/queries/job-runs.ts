import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
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
