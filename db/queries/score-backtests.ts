import { desc, eq, sql } from "drizzle-orm";
import type { BacktestReport } from "@/lib/scoring/backtest";
import { type Queryable, queryRows } from "../client";
import { scoreBacktests, scoreModels, users } from "../schema";
import { featureSql, invoiceTargets, readFeatures } from "./score-features";

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

export type BookInvoice = { amount: number; dueDate: string; settledDate: string | null; x: number[] };

/** The invoices open on `date` (issued before it, not yet settled), with their features and actual settlement date. */
export async function loadOpenBookAt(db: Queryable, date: string, graceDays: number): Promise<BookInvoice[]> {
  const targets = invoiceTargets([sql`d.issue_date < ${date}::date`, sql`(d.settled_date is null or d.settled_date >= ${date}::date)`]);
  const rows = await queryRows<Record<string, unknown> & { amount: number | string; due_date: string | Date; settled_date: string | Date | null }>(
    db,
    sql`${featureSql(targets, graceDays)} order by t.document_id`,
  );
  const iso = (value: string | Date) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
  return rows.map((row) => ({
    amount: Number(row.amount),
    dueDate: iso(row.due_date),
    settledDate: row.settled_date === null ? null : iso(row.settled_date),
    x: readFeatures(row),
  }));
}
