/**
 * The scenario engine's statements (SPEC §7). Each one works on every client at once; lib/collection/evaluate.ts
 * runs them in order inside one transaction.
 */
import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { underActivePlan } from "./payment-plans";

/** Actions not yet carried out: the engine may still add documents to them, take documents out or cancel them. */
export const pendingStatuses = sql`('planned', 'to_confirm', 'scheduled', 'error')`;

/** The group that decides a client's scenario: the forced one, else the computed one. */
const clientGroup = sql`c.effective_group_id`;

const count = async (db: Queryable, query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, query))[0]?.n ?? 0;

/**
 * Cancels the pending scenario actions whose step is no longer in the client's scenario (group changed, scenario
 * edited, step deleted) and frees their documents for the client's current scenario. Done and sent actions stay.
 */
export function cancelActionsOffScenario(db: Queryable): Promise<number> {
  return count(
    db,
    sql`with off as (
          update actions a set status = 'cancelled', cancel_reason = 'Scénario du client modifié'
          from clients c
          where c.id = a.client_id and a.status in ${pendingStatuses} and a.step_offset_days is not null
            and not exists (
              select 1 from scenario_steps s join groups g on g.scenario_id = s.scenario_id
              where s.id = a.step_id and g.id = ${clientGroup})
          returning a.id
        ), freed as (
          delete from action_documents ad using off where ad.action_id = off.id returning 1
        )
        select count(*)::int as n from off`,
  );
}

/** A document no longer to be chased: settled, disputed, promised, under an active échéancier, or its client paused on `date`. */
const noLongerChased = (date: string) => sql`(
  d.status <> 'open' or d.open_amount <= 0 or d.disputed
  or (c.paused_until is not null and c.paused_until >= ${date}::date)
  or exists (select 1 from promise_documents pd join promises p on p.id = pd.promise_id
             where pd.document_id = d.id and p.status = 'pending')
  or ${underActivePlan(sql`d.id`)})`;

/**
 * Takes the documents no longer to be chased out of the pending actions that covered them. An action locked by a
 * sender (claimed, its transaction not yet committed) is skipped: what it sends stays what it records. The others
 * are locked until commit, so a claim waits and then reads the documents as they end up.
 */
export function releaseDocuments(db: Queryable, date: string): Promise<number> {
  return count(
    db,
    sql`with target as (
          select ad.action_id, ad.document_id from action_documents ad
          join actions a on a.id = ad.action_id
          join documents d on d.id = ad.document_id
          join clients c on c.id = a.client_id
          where a.status in ${pendingStatuses} and ${noLongerChased(date)}
          for update of a skip locked
        ), released as (
          delete from action_documents ad using target t
          where ad.action_id = t.action_id and ad.document_id = t.document_id
          returning 1
        )
        select count(*)::int as n from released`,
  );
}

/** Pending scenario actions left without a document have nothing to chase any more. */
export function cancelEmptyActions(db: Queryable): Promise<number> {
  return count(
    db,
    sql`with emptied as (
          update actions a set status = 'cancelled', cancel_reason = 'Sans objet'
          where a.status in ${pendingStatuses} and a.step_offset_days is not null
            and not exists (select 1 from action_documents ad where ad.action_id = a.id)
          returning 1
        )
        select count(*)::int as n from emptied`,
  );
}

/**
 * Open invoices the engine chases on `date`, with their client's scenario and the user the actions go to:
 * the collector, or the colleague covering their absence that day.
 */
const eligibleDocuments = (date: string) => sql`
  select d.id as document_id, d.client_id, d.due_date, d.open_amount, g.scenario_id,
    case when u.covering_user_id is not null and ${date}::date between u.absence_from and u.absence_to
      then u.covering_user_id else c.collector_id end as assignee
  from documents d
  join clients c on c.id = d.client_id
  join groups g on g.id = ${clientGroup}
  left join users u on u.id = c.collector_id
  where d.status = 'open' and d.type = 'invoice' and d.open_amount > 0 and not d.disputed
    and g.scenario_id is not null
    and (c.paused_until is null or c.paused_until < ${date}::date)
    and not exists (select 1 from promise_documents pd join promises p on p.id = pd.promise_id
                    where pd.document_id = d.id and p.status = 'pending')
    and not ${underActivePlan(sql`d.id`)}`;

/**
 * Each eligible invoice with each step of its scenario whose date (due date + offset) is on or before `until`
 * and that no action of that step or a later one covers yet; `past` when the step date is on or before `date`.
 * The eligible invoices are gathered once, then joined to the steps: left to itself the planner walks the
 * documents index once per client and step. The latest step covering an invoice is read once per invoice, not
 * once per step.
 */
export const reachedSteps = (date: string, until: ReturnType<typeof sql>) => sql`
  with e as materialized (
    select eligible.*, (select max(a.step_offset_days) from action_documents ad join actions a on a.id = ad.action_id
                        where ad.document_id = eligible.document_id) as covered_offset
    from (${eligibleDocuments(date)}) eligible
  )
  select e.*, s.id as step_id, s.offset_days, s.min_amount, s.action_type, s.mode,
    e.due_date + s.offset_days as step_date,
    e.due_date + s.offset_days <= ${date}::date as past
  from e
  join scenario_steps s on s.scenario_id = e.scenario_id
  where e.due_date + s.offset_days <= ${until}
    and (e.covered_offset is null or s.offset_days > e.covered_offset)`;

/**
 * The (invoice, step) pairs to plan on `date` for step dates up to `until`: of the steps already reached, only an
 * invoice's latest; planned on the step date, or on `date` when it has passed. `group_amount` is what the client's
 * invoices at that step and planned date total, to compare with the step's minimum.
 */
export const candidates = (date: string, until: ReturnType<typeof sql>) => sql`
  with reached as (${reachedSteps(date, until)}),
  latest as (
    select r.*, row_number() over (partition by document_id, past order by offset_days desc) as rank from reached r
  ),
  kept as (
    select l.*, greatest(${date}::date, l.step_date) as planned_date from latest l where not past or rank = 1
  )
  select k.*, sum(k.open_amount) over (partition by k.client_id, k.step_id, k.planned_date) as group_amount from kept k`;

export type PlanReport = { actions: number; documents: number; skippedBelowMinimum: number };

/**
 * Plans the actions of `date` with a horizon of `horizonDays`: per client, step and planned date, one action
 * covering the invoices whose step date is within the horizon and that no action of that step or a later one
 * covers yet. Of the steps already reached, an invoice only gets the latest.
 */
export async function planActions(db: Queryable, date: string, horizonDays: number): Promise<PlanReport> {
  await db.execute(sql`drop table if exists engine_candidates`);
  await db.execute(sql`drop table if exists engine_created`);
  await db.execute(sql`
    create temporary table engine_candidates on commit drop as
    ${candidates(date, sql`${date}::date + ${horizonDays}::int`)}`);
  // A temporary table is never analysed by autovacuum: without this the planner guesses its size.
  await db.execute(sql`analyze engine_candidates`);

  const [skipped] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct (client_id, step_id, planned_date))::int as n from engine_candidates where group_amount < min_amount`,
  );
  await db.execute(sql`delete from engine_candidates where group_amount < min_amount`);

  // A new action covers all its candidates: its amount is their sum, written once by the insert.
  await db.execute(sql`
    create temporary table engine_created on commit drop as
    with created as (
      insert into actions (client_id, step_id, step_offset_days, type, mode, planned_date, status, amount_covered, assigned_user_id)
      select client_id, step_id, min(offset_days), min(action_type::text)::action_type, min(mode::text)::action_mode,
        planned_date,
        (case min(mode::text) when 'manual' then 'planned' when 'automatic' then 'scheduled' else 'to_confirm' end)::action_status,
        sum(open_amount), (array_agg(assignee))[1]
      from engine_candidates
      group by client_id, step_id, planned_date
      on conflict (client_id, step_id, planned_date) where status in ('planned', 'to_confirm', 'scheduled') do nothing
      returning id, client_id, step_id, planned_date
    )
    select * from created`);
  await db.execute(sql`analyze engine_created`);
  const actions = await count(db, sql`select count(*)::int as n from engine_created`);

  // Their documents, matched in the two temporary tables: no other transaction sees these actions yet.
  const linkedToNew = await count(
    db,
    sql`with linked as (
          insert into action_documents (action_id, document_id)
          select c.id, e.document_id from engine_candidates e
          join engine_created c on c.client_id = e.client_id and c.step_id = e.step_id and c.planned_date = e.planned_date
          on conflict do nothing
          returning 1
        )
        select count(*)::int as n from linked`,
  );
  // Pending actions already there grow by what each new document owed when it joined. An action being sent is
  // skipped, as in releaseDocuments; its invoices wait for the next evaluation.
  const linkedToPending = await count(
    db,
    sql`with target as (
          select a.id as action_id, e.document_id from engine_candidates e
          join actions a on a.client_id = e.client_id and a.step_id = e.step_id and a.planned_date = e.planned_date
            and a.status in ('planned', 'to_confirm', 'scheduled')
          where not exists (select 1 from engine_created c
                            where c.client_id = e.client_id and c.step_id = e.step_id and c.planned_date = e.planned_date)
          for update of a skip locked
        ), linked as (
          insert into action_documents (action_id, document_id)
          select action_id, document_id from target
          on conflict do nothing
          returning action_id, document_id
        ), added as (
          select l.action_id, sum(d.open_amount) as amount, count(*) as n
          from linked l join documents d on d.id = l.document_id
          group by l.action_id
        ), grown as (
          update actions a set amount_covered = a.amount_covered + added.amount from added where a.id = added.action_id
          returning 1
        )
        select coalesce(sum(n), 0)::int as n from added`,
  );
  const documents = linkedToNew + linkedToPending;
  return { actions, documents, skippedBelowMinimum: skipped.n };
}

/**
 * Statistics of the tables the engine has just rewritten, as the nightly run takes them after the evaluation:
 * the sends, the forecast and the next evaluation plan on them without waiting for autovacuum.
 */
export async function analyzeEngineTables(db: Queryable): Promise<void> {
  await db.execute(sql`analyze actions`);
  await db.execute(sql`analyze action_documents`);
}
