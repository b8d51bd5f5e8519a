import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";

/**
 * Runs `load` on `table` without its secondary indexes, then builds them again from their own definitions:
 * building an index once over a million rows takes seconds, growing it row by row takes minutes. Indexes that
 * back a constraint (primary key, unique) stay, as do the checks they make.
 */
export async function withoutSecondaryIndexes(tx: Tx, table: string, load: () => Promise<unknown>) {
  const indexes = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public' and i.tablename = ${table}
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes) await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
  await load();
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
}
