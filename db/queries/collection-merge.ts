/**
 * One message per client, day and channel (SPEC §7): when automatic actions of the same channel fall on the same
 * client and day, the one of the highest step goes out for all their documents and the others are cancelled.
 */
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { pendingStatuses } from "./collection-engine";

/** A lettre de relance and a mise en demeure both go by post. */
const channelOf = (type: ReturnType<typeof sql>) => sql`(case ${type} when 'formal_notice' then 'letter' else ${type}::text end)`;

export type MergeReport = { mergedActions: number; regroupedDocuments: number };

/**
 * Cancels, for each client, channel and planned date holding several automatic actions not yet sent, all but the
 * one of the highest step, which takes over their documents. A document so raised counts as reminded at the kept
 * step: any later pending action at that step or below lets it go. The kept action keeps its own state, so a
 * confirmation given to a lower step never stands for a higher one. Actions locked by a sender are left alone.
 */
export async function mergeSameDayActions(db: Queryable): Promise<MergeReport> {
  await db.execute(sql`drop table if exists engine_merges`);
  // One sort of the pending automatic actions finds the clashes; only the actions involved are then locked.
  await db.execute(sql`
    create temporary table engine_merges on commit drop as
    select r.id as absorbed_id, r.kept_id, r.kept_offset, r.planned_date as kept_date,
      'Regroupée avec ' || coalesce(s.label, 'l''étape suivante') as reason
    from (
      select a.id, a.planned_date,
        first_value(a.id) over w as kept_id,
        first_value(a.step_offset_days) over w as kept_offset,
        first_value(a.step_id) over w as kept_step_id
      from actions a
      where a.status in ('to_confirm', 'scheduled') and a.mode <> 'manual' and a.step_offset_days is not null
      window w as (partition by a.client_id, ${channelOf(sql`a.type`)}, a.planned_date order by a.step_offset_days desc, a.id)
    ) r
    left join scenario_steps s on s.id = r.kept_step_id
    where r.id <> r.kept_id`);
  await db.execute(sql`analyze engine_merges`);
  // A merge whose actions a sender holds waits for the next evaluation.
  await db.execute(sql`
    with involved as (
      select absorbed_id as id from engine_merges union select kept_id from engine_merges
    ), locked as (
      select a.id from actions a join involved i on i.id = a.id
      where a.status in ('to_confirm', 'scheduled')
      for update of a skip locked
    )
    delete from engine_merges m
    where not exists (select 1 from locked l where l.id = m.absorbed_id)
       or not exists (select 1 from locked l where l.id = m.kept_id)`);

  const [moved] = await queryRows<{ n: number }>(
    db,
    sql`with linked as (
          insert into action_documents (action_id, document_id)
          select m.kept_id, ad.document_id from engine_merges m join action_documents ad on ad.action_id = m.absorbed_id
          on conflict do nothing
          returning 1
        )
        select count(*)::int as n from linked`,
  );
  // The raised documents, then the later actions that would chase them again at a step already reached.
  await db.execute(sql`drop table if exists engine_trimmed`);
  await db.execute(sql`
    create temporary table engine_trimmed on commit drop as
    with raised as (
      select distinct ad.document_id, m.kept_id, m.kept_offset, m.kept_date
      from engine_merges m join action_documents ad on ad.action_id = m.absorbed_id
    ), trimmed as (
      delete from action_documents ad using raised r, actions p
      where ad.document_id = r.document_id and p.id = ad.action_id and p.id <> r.kept_id
        and p.status in ${pendingStatuses} and p.step_offset_days <= r.kept_offset and p.planned_date > r.kept_date
      returning ad.action_id
    )
    select distinct action_id from trimmed`);
  await db.execute(sql`analyze engine_trimmed`);
  const [merged] = await queryRows<{ n: number }>(
    db,
    sql`with emptied as (
          delete from action_documents ad using engine_merges m where ad.action_id = m.absorbed_id returning 1
        ), cancelled as (
          update actions a set status = 'cancelled', cancel_reason = m.reason
          from engine_merges m where a.id = m.absorbed_id
          returning 1
        )
        select count(*)::int as n from cancelled`,
  );
  await db.execute(sql`
    update actions a set amount_covered = coalesce(
      (select sum(d.open_amount) from action_documents ad join documents d on d.id = ad.document_id where ad.action_id = a.id), 0)
    where a.id in (select kept_id from engine_merges union select action_id from engine_trimmed)`);
  return { mergedActions: merged.n, regroupedDocuments: moved.n };
}
