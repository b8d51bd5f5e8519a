/**
 * Opening and closing dispute cases. A case covers pièces of one client (`dispute_documents`); a pièce is
 * `disputed`, and so left out of reminders, exactly while a case covering it is active. Every write here keeps
 * that flag in step in SQL; callers run them inside their transaction.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { DisputeCategory } from "@/lib/disputes/labels";
import { queryRows, type Queryable } from "../client";
import { clientInScope } from "./scope";
import { emitDisputeEvents } from "./webhook-payloads";

/** The statuses of a case still being worked: its pièces are not chased. */
export const ACTIVE_DISPUTE_STATUSES = ["open", "in_progress", "waiting_customer"] as const;
const active = sql.raw(`(${ACTIVE_DISPUTE_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** Sets `documents.disputed` from the cases covering each document `ids` selects (a subquery of document ids). */
export async function syncDisputedFlags(db: Queryable, ids: SQL): Promise<void> {
  await db.execute(sql`update documents d set disputed = f.covered, updated_at = now()
    from (
      select doc.id, exists (
        select 1 from dispute_documents dd join disputes c on c.id = dd.dispute_id
        where dd.document_id = doc.id and c.status in ${active}
      ) as covered
      from documents doc where doc.id in (${ids})
    ) f
    where d.id = f.id and d.disputed <> f.covered`);
}

export type NewDisputeCase = {
  clientId: string;
  documentIds: number[];
  reason: string;
  category?: DisputeCategory;
  /** Defaults to the open amount of the pièces covered. */
  amount?: string | null;
  ownerId?: string | null;
  targetDate?: string | null;
};

/**
 * Opens one case over the given open pièces of one client in the user's scope; pièces of another client, settled
 * or outside the scope are left out. A pièce may already be in another active case. Returns the case id and its
 * pièces, or null when none qualified.
 */
export async function openDisputeCase(db: Queryable, scope: Scope, input: NewDisputeCase): Promise<{ id: string; documentIds: number[] } | null> {
  if (input.documentIds.length === 0) return null;
  const [row] = await queryRows<{ id: string | null; document_ids: string[] | null }>(
    db,
    sql`with eligible as (
      select d.id, d.open_amount from documents d join clients on clients.id = d.client_id
      where d.client_id = ${input.clientId} and d.id in (${sql.join(input.documentIds.map((id) => sql`${id}`), sql`, `)})
        and d.status = 'open' and ${clientInScope(scope)}
    ), opened as (
      insert into disputes (document_id, client_id, reason, category, amount, owner_id, target_date, opened_by_id)
      select min(id), ${input.clientId}::uuid, ${input.reason}, ${input.category ?? "autre"}::dispute_category,
        coalesce(${input.amount ?? null}::numeric, sum(open_amount)), ${input.ownerId ?? null}::uuid, ${input.targetDate ?? null}::date, ${scope.userId}::uuid
      from eligible having count(*) > 0
      returning id
    ), linked as (
      insert into dispute_documents (dispute_id, document_id) select opened.id, eligible.id from opened, eligible returning document_id
    ) select (select id from opened) as id, (select array_agg(document_id order by document_id) from linked) as document_ids`,
  );
  if (!row?.id) return null;
  const documentIds = (row.document_ids ?? []).map(Number);
  await syncDisputedFlags(db, sql`select document_id from dispute_documents where dispute_id = ${row.id}`);
  await emitDisputeEvents(db, "dispute.opened", sql`${row.id}::uuid`);
  return { id: row.id, documentIds };
}

/**
 * Opens disputes on the given documents that are open, not yet disputed and in the user's scope — the others are
 * left alone (a forged id outside the scope changes nothing). The pièces of one client make one case. Returns
 * how many pièces were flagged.
 */
export async function openDisputes(db: Queryable, scope: Scope, documentIds: number[], reason: string): Promise<number> {
  if (documentIds.length === 0) return 0;
  const candidates = await queryRows<{ client_id: string; ids: string[] }>(
    db,
    sql`select d.client_id, array_agg(d.id order by d.id) as ids from documents d join clients on clients.id = d.client_id
      where d.id in (${sql.join(documentIds.map((id) => sql`${id}`), sql`, `)}) and d.status = 'open' and not d.disputed and ${clientInScope(scope)}
      group by d.client_id`,
  );
  let flagged = 0;
  for (const c of candidates) {
    const opened = await openDisputeCase(db, scope, { clientId: c.client_id, documentIds: c.ids.map(Number), reason });
    flagged += opened?.documentIds.length ?? 0;
  }
  return flagged;
}

/** How many of these documents an active case covers. */
export async function countOpenDisputes(db: Queryable, documentIds: number[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct dd.document_id)::int as n from dispute_documents dd join disputes c on c.id = dd.dispute_id
      where dd.document_id in (${sql.join(documentIds.map((id) => sql`${id}`), sql`, `)}) and c.status in ${active}`,
  );
  return row.n;
}

/**
 * Lifts the dispute on the given documents in the user's scope: the active cases covering them are closed, and
 * their pièces are chased again unless another active case still covers them. Returns how many pièces were released.
 */
export async function closeDisputes(db: Queryable, scope: Scope, documentIds: number[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const closed = await queryRows<{ id: string }>(
    db,
    sql`update disputes c set status = 'closed', closed_at = now(), closed_by_id = ${scope.userId}::uuid
      from clients
      where clients.id = c.client_id and ${clientInScope(scope)} and c.status in ${active}
        and exists (select 1 from dispute_documents dd where dd.dispute_id = c.id
          and dd.document_id in (${sql.join(documentIds.map((id) => sql`${id}`), sql`, `)}))
      returning c.id`,
  );
  if (closed.length === 0) return 0;
  await emitDisputeEvents(db, "dispute.resolved", sql.join(closed.map((c) => sql`${c.id}::uuid`), sql`, `));
  return releaseCases(db, closed.map((c) => c.id));
}

/** Clears the flag of the pièces of these (no longer active) cases that no active case covers; returns how many. */
export async function releaseCases(db: Queryable, caseIds: string[]): Promise<number> {
  const ids = sql.join(caseIds.map((id) => sql`${id}::uuid`), sql`, `);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from documents d where d.disputed and d.id in (select document_id from dispute_documents where dispute_id in (${ids}))
      and not exists (select 1 from dispute_documents dd join disputes c on c.id = dd.dispute_id where dd.document_id = d.id and c.status in ${active})`,
  );
  await syncDisputedFlags(db, sql`select document_id from dispute_documents where dispute_id in (${ids})`);
  return row.n;
}
