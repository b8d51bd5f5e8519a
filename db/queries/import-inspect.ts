/**
 * What staged documents (stageDocuments) would do to the book, read before anything is written: the open items a
 * snapshot would settle, and numbers that only differ from stored ones by their leading zeros.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../client";

export type SnapshotImpact = {
  entityCode: string;
  entityName: string;
  /** Open items of the société before the import. */
  openCount: number;
  openAmount: string;
  /** Of those, the ones the file no longer lists: a snapshot settles them. */
  settleCount: number;
  settleAmount: string;
};

export async function snapshotImpact(tx: Tx): Promise<SnapshotImpact[]> {
  return queryRows<SnapshotImpact>(
    tx,
    sql`with file_entities as (select distinct entity_id from stage_resolved)
    select e.code as "entityCode", e.name as "entityName", count(d.id)::int as "openCount",
      coalesce(sum(d.open_amount), 0)::numeric(16, 2)::text as "openAmount",
      count(d.id) filter (where r.client_id is null)::int as "settleCount",
      coalesce(sum(d.open_amount) filter (where r.client_id is null), 0)::numeric(16, 2)::text as "settleAmount"
    from file_entities f
    join entities e on e.id = f.entity_id
    join clients c on c.entity_id = f.entity_id
    join documents d on d.client_id = c.id and d.status = 'open'
    left join stage_resolved r on r.client_id = d.client_id and r.type::document_type = d.type and r.number = d.number
    group by e.code, e.name
    order by e.code`,
  );
}

export type PaddedCollision = { row: number; number: string; stored: string };

// ERPs pad invoice numbers to 10 or 12 digits; past 20 a number is not an invoice number any more.
const MAX_PADDED_WIDTH = 20;

/**
 * « 12345 » in the file while « 0000012345 » is stored for the same client and type (or the reverse): probably one
 * pièce twice. Only numeric numbers not stored as such are looked at, each through its few zero-padded forms, so
 * the check is index lookups for the day's new pièces, never a scan of every client's documents.
 */
export async function paddedNumberCollisions(tx: Tx): Promise<PaddedCollision[]> {
  return queryRows<PaddedCollision>(
    tx,
    sql`select r.row, r.number, d.number as stored
    from stage_resolved r
    cross join lateral (select ltrim(r.number, '0') as core) n
    join lateral (
      select d.number from documents d
      where d.client_id = r.client_id and d.type = r.type::document_type and d.number <> r.number
        and d.number in (select lpad(n.core, width, '0') from generate_series(length(n.core), ${MAX_PADDED_WIDTH}) width)
      limit 1
    ) d on true
    where r.number ~ '^[0-9]+$' and n.core <> ''
      and not exists (select 1 from documents x where x.client_id = r.client_id and x.type = r.type::document_type and x.number = r.number)
    order by r.row`,
  );
}
