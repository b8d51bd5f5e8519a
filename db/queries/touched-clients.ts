import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";

/**
 * The clients an import has written in this transaction, in a temporary table the steps after the writes read:
 * imports stamp the clients and documents they write with updated_at = now(), the transaction's start.
 */
export async function collectTouchedClients(db: Queryable): Promise<number> {
  await db.execute(sql`drop table if exists touched_clients`);
  await db.execute(sql`
    create temporary table touched_clients on commit drop as
    select id from clients where updated_at = now()
    union select client_id from documents where updated_at = now()`);
  await db.execute(sql`analyze touched_clients`);
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from touched_clients`);
  return n;
}

/** The ids `collectTouchedClients` gathered, for a `… in (…)` or a join. */
export const touchedClientIds = sql`select id from touched_clients`;
