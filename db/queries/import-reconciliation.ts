import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";
import type { ImportReconciliation, ReconciliationRow } from "../schema";

export type FileBalance = { clientCode: string; clientName: string; balance: string };

const ROWS_KEPT = 500;

/**
 * Compares each client's balance in the file with the open items Encaisse holds for it, inside the import's
 * transaction: any difference is shown to the admin, never left silent.
 */
export async function reconcileBalances(tx: Tx, entityId: string, balances: FileBalance[]): Promise<ImportReconciliation> {
  const json = JSON.stringify(balances);
  const rows = await queryRows<ReconciliationRow & { total: number; withDifference: number; fileTotal: string; openTotal: string }>(
    tx,
    sql`with file as (
      select f."clientCode", f."clientName", f.balance
      from json_to_recordset(${json}::json) as f("clientCode" text, "clientName" text, balance numeric)
    ), compared as (
      select f."clientCode", f."clientName", f.balance as file_balance, coalesce(o.open, 0) as open_in_app
      from file f
      left join clients c on c.entity_id = ${entityId} and c.code = f."clientCode"
      left join lateral (
        select sum(d.open_amount) as open from documents d where d.client_id = c.id and d.status = 'open'
      ) o on true
    ), totals as (
      select count(*)::int as total, count(*) filter (where file_balance <> open_in_app)::int as "withDifference",
        coalesce(sum(file_balance), 0)::numeric(16, 2)::text as "fileTotal",
        coalesce(sum(open_in_app), 0)::numeric(16, 2)::text as "openTotal"
      from compared
    )
    select t.*, c."clientCode", c."clientName", c.file_balance::numeric(16, 2)::text as "fileBalance",
      c.open_in_app::numeric(16, 2)::text as "openInApp",
      (c.file_balance - c.open_in_app)::numeric(16, 2)::text as difference
    from totals t
    left join lateral (
      select * from compared
      order by file_balance <> open_in_app desc, abs(file_balance) desc, "clientCode"
      limit ${ROWS_KEPT}
    ) c on true`,
  );
  const first = rows[0];
  return {
    clients: first?.total ?? 0,
    clientsWithDifference: first?.withDifference ?? 0,
    fileBalance: first?.fileTotal ?? "0.00",
    openInApp: first?.openTotal ?? "0.00",
    rows: rows
      .filter((r) => r.clientCode !== null)
      .map(({ clientCode, clientName, fileBalance, openInApp, difference }) => ({
        clientCode, clientName, fileBalance, openInApp, difference,
      })),
  };
}
