/**
 * The import history as the open API reads it: the bulky lists (row errors, reconciliation rows) are cut down in
 * SQL to their count and first rows, so a page of imports stays small however many errors each one kept.
 */
import { type SQL, sql } from "drizzle-orm";
import type { ImportRowError, ImportWarning } from "../schema";
import { queryRows, type Queryable } from "../client";

export const ERROR_SAMPLE = 20;

export type ImportSummary = {
  id: string;
  kind: "clients" | "documents" | "fec" | "payments";
  fileName: string;
  mode: "snapshot" | "incremental" | null;
  status: "pending" | "running" | "succeeded" | "failed";
  message: string | null;
  userId: string | null;
  rowsTotal: number | null;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsSettled: number;
  rowsRejected: number;
  errorCount: number;
  errorSample: ImportRowError[];
  warnings: ImportWarning[];
  reconciliation: { clients: number; clientsWithDifference: number; fileBalance: string; openInApp: string } | null;
  /** ISO instants with the database's full precision: `createdAt` is also the cursor's sort value. */
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

const iso = (column: SQL) => sql`to_json(${column}) #>> '{}'`;

const summaryColumns = sql`id, kind, file_name as "fileName", mode, status, message, user_id as "userId",
  rows_total as "rowsTotal", rows_read as "rowsRead", rows_inserted as "rowsInserted", rows_updated as "rowsUpdated",
  rows_settled as "rowsSettled", rows_rejected as "rowsRejected",
  jsonb_array_length(errors) as "errorCount",
  jsonb_path_query_array(errors, ${`$[0 to ${ERROR_SAMPLE - 1}]`}::jsonpath) as "errorSample",
  warnings,
  case when reconciliation is null then null else reconciliation - 'rows' end as reconciliation,
  ${iso(sql`started_at`)} as "startedAt", ${iso(sql`finished_at`)} as "finishedAt", ${iso(sql`created_at`)} as "createdAt"`;

export async function readImportSummary(db: Queryable, id: string): Promise<ImportSummary | null> {
  const [row] = await queryRows<ImportSummary>(db, sql`select ${summaryColumns} from imports where id = ${id}::uuid`);
  return row ?? null;
}

export type ImportFilters = { kind?: ImportSummary["kind"]; status?: ImportSummary["status"] };

/** Newest first, `limit` imports after the cursor (`createdAt`, `id`) of the previous page. */
export async function listImportSummaries(
  db: Queryable,
  filters: ImportFilters,
  after: [string, string] | null,
  limit: number,
): Promise<ImportSummary[]> {
  const conditions: SQL[] = [sql`true`];
  if (filters.kind) conditions.push(sql`kind = ${filters.kind}`);
  if (filters.status) conditions.push(sql`status = ${filters.status}`);
  if (after) conditions.push(sql`(created_at, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return queryRows<ImportSummary>(
    db,
    sql`select ${summaryColumns} from imports where ${sql.join(conditions, sql` and `)}
        order by created_at desc, id desc limit ${limit}`,
  );
}
