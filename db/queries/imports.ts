import { and, asc, desc, eq, getTableColumns, inArray, notInArray, sql } from "drizzle-orm";
import type { ImportReconciliation, ImportRowError, ImportWarning } from "../schema";
import { entities, imports } from "../schema";
import { type Queryable, queryRows } from "../client";
import { emitImportEvents } from "./webhook-payloads";

export type ImportCounts = { read: number; inserted: number; updated: number; settled: number; rejected: number };

export async function createImportRecord(
  db: Queryable,
  values: { kind: "clients" | "documents" | "fec" | "payments"; fileName: string; fileHash: string; mode: "snapshot" | "incremental" | null; userId: string | null },
): Promise<string> {
  const [row] = await db
    .insert(imports)
    .values({ ...values, status: "running", startedAt: new Date(), heartbeatAt: sql`now()` })
    .returning({ id: imports.id });
  return row.id;
}

export async function finishImportRecord(
  db: Queryable,
  id: string,
  outcome: {
    status: "succeeded" | "failed";
    message: string;
    counts: ImportCounts;
    errors: ImportRowError[];
    warnings?: ImportWarning[];
    reconciliation?: ImportReconciliation | null;
    mapping?: Record<string, string>;
  },
): Promise<void> {
  const { counts } = outcome;
  // The outcome and its webhook event (import.finished or import.failed) are written together.
  await db.transaction(async (tx) => {
    await tx
      .update(imports)
      .set({
        status: outcome.status,
        message: outcome.message,
        rowsRead: counts.read,
        rowsInserted: counts.inserted,
        rowsUpdated: counts.updated,
        rowsSettled: counts.settled,
        rowsRejected: counts.rejected,
        // The history keeps a bounded sample; the full list goes to the downloadable error file.
        errors: outcome.errors.slice(0, 1000),
        warnings: outcome.warnings ?? [],
        reconciliation: outcome.reconciliation ?? null,
        mapping: outcome.mapping ?? null,
        finishedAt: new Date(),
      })
      .where(eq(imports.id, id));
    await emitImportEvents(tx, sql`${id}::uuid`);
  });
}

/** The history: every column but the reconciliation rows, of which only the count of differences is shown. */
export function listImports(db: Queryable, limit = 50) {
  const { reconciliation, ...columns } = getTableColumns(imports);
  return db
    .select({
      ...columns,
      clientsWithDifference: sql<number | null>`(${reconciliation}->>'clientsWithDifference')::int`,
    })
    .from(imports)
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

/** The entity rows without a société code go to: the first one created. */
export async function defaultEntityId(db: Queryable): Promise<string | null> {
  const [row] = await db.select({ id: entities.id }).from(entities).orderBy(asc(entities.createdAt), asc(entities.code)).limit(1);
  return row?.id ?? null;
}

/** Codes of every société, for telling a société column from one that only looks like it. */
export async function entityCodes(db: Queryable): Promise<string[]> {
  return (await db.select({ code: entities.code }).from(entities)).map((e) => e.code);
}

/** Payment terms of the clients of an entity, by code (FEC due dates are piece date + terms). */
export async function paymentTermsByCode(db: Queryable, entityId: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ code: string; terms: number }>(
    db,
    sql`select code, payment_terms_days as terms from clients where entity_id = ${entityId}`,
  );
  return new Map(rows.map((r) => [r.code, r.terms]));
}

export async function getImport(db: Queryable, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row ?? null;
}

/** Progress of a running import, written while the file is read; it is also a sign of life. */
export async function updateImportProgress(db: Queryable, id: string, rowsRead: number, rowsTotal?: number): Promise<void> {
  await db
    .update(imports)
    .set(rowsTotal === undefined ? { rowsRead, heartbeatAt: sql`now()` } : { rowsRead, rowsTotal, heartbeatAt: sql`now()` })
    .where(eq(imports.id, id));
}

/** A record created before its file was read (wizard): the real hash and start time once work begins. */
export async function markImportStarted(db: Queryable, id: string, fileHash: string): Promise<void> {
  await db
    .update(imports)
    .set({ fileHash, status: "running", startedAt: new Date(), heartbeatAt: sql`now()` })
    .where(eq(imports.id, id));
}

/** The sign of life of an import still working; a finished one is left as it is. */
export async function touchImportHeartbeat(db: Queryable, id: string): Promise<void> {
  await db
    .update(imports)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(imports.id, id), inArray(imports.status, ["pending", "running"])));
}

/** Closes an import that stopped on an unexpected error, unless its outcome was already recorded. */
export async function abandonImportRecord(db: Queryable, id: string, message: string): Promise<void> {
  await db.transaction(async (tx) => {
    const closed = await tx
      .update(imports)
      .set({ status: "failed", message, finishedAt: sql`now()` })
      .where(and(eq(imports.id, id), inArray(imports.status, ["pending", "running"])))
      .returning({ id: imports.id });
    if (closed.length > 0) await emitImportEvents(tx, sql`${id}::uuid`);
  });
}

/**
 * Marks as failed, with `message`, the pending and running imports whose last sign of life (heartbeat, else
 * start, else creation) is older than `staleAfterMs`, except `keep` (imports this process is running).
 * Returns the ids closed.
 */
export async function failStaleImports(
  db: Queryable,
  { staleAfterMs, message, keep }: { staleAfterMs: number; message: string; keep: readonly string[] },
): Promise<string[]> {
  const lastSign = sql`coalesce(${imports.heartbeatAt}, ${imports.startedAt}, ${imports.createdAt})`;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(imports)
      .set({ status: "failed", message, finishedAt: sql`now()` })
      .where(
        and(
          inArray(imports.status, ["pending", "running"]),
          sql`${lastSign} <= now() - make_interval(secs => ${staleAfterMs / 1000})`,
          keep.length > 0 ? notInArray(imports.id, [...keep]) : undefined,
        ),
      )
      .returning({ id: imports.id });
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) await emitImportEvents(tx, sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `));
    return ids;
  });
}
