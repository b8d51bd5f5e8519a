import { desc, eq } from "drizzle-orm";
import type { BacktestReport } from "@/lib/scoring/backtest";
import type { Queryable } from "../client";
import { scoreBacktests, scoreModels, users } from "../schema";

export async function insertBacktest(db: Queryable, report: BacktestReport, createdById: string | null): Promise<string> {
  const [row] = await db
    .insert(scoreBacktests)
    .values({ fromDate: report.from, toDate: report.to, graceDays: report.graceDays, report, createdById })
    .returning({ id: scoreBacktests.id });
  return row.id;
}

/** The most recent backtest with who ran it (null from the command line); null when none was run. */
export async function latestBacktest(db: Queryable) {
  const [row] = await db
    .select({ id: scoreBacktests.id, createdAt: scoreBacktests.createdAt, report: scoreBacktests.report, createdBy: users.name })
    .from(scoreBacktests)
    .leftJoin(users, eq(users.id, scoreBacktests.createdById))
    .orderBy(desc(scoreBacktests.createdAt))
    .limit(1);
  return row ? { ...row, report: row.report as BacktestReport } : null;
}

/** The models trained, newest first: the active one and the versions it replaced. */
export function listScoreModels(db: Queryable, limit = 10) {
  return db
    .select({
      id: scoreModels.id,
      kind: scoreModels.kind,
      graceDays: scoreModels.graceDays,
      trainedOn: scoreModels.trainedOn,
      trainedTo: scoreModels.trainedTo,
      metrics: scoreModels.metrics,
      active: scoreModels.active,
      createdAt: scoreModels.createdAt,
    })
    .from(scoreModels)
    .orderBy(desc(scoreModels.active), desc(scoreModels.createdAt))
    .limit(limit);
}
