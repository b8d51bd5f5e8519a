/**
 * The demo's past collection activity over the 60 days before `today`: the scenario steps each client went through
 * (e-mails and letters sent, calls done with their outcome), the promises those calls obtained, a few tasks and
 * comments. Everything is in the past and finished, so tonight's engine only plans what comes next.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { callNotes, comments, replies, taskNotes } from "./demo-history-texts";
import { demoCompany } from "./demo-company";

const windowDays = 60;

/** Sixteen-bit slice k (0–7) of md5(key), as a uniform number in [0, 1): the same on every server. */
const rnd = (key: SQL, k: number) => sql`(('x' || substr(md5(${key}), ${sql.raw(String(4 * k + 1))}, 4))::bit(16)::int / 65536.0)::float8`;

/** A constant written into the statement, so PostgreSQL knows its type (a parameter next to a date is ambiguous). */
const n = (value: number) => sql.raw(String(value));

const pick = (texts: string[], r: SQL) => sql`(${JSON.stringify(texts)}::jsonb ->> floor(${r} * ${n(texts.length)})::int)`;

const isoDow = (day: SQL) => sql`extract(isodow from ${day})::int`;
const workingDayOnOrAfter = (day: SQL) => sql`(${day} + case ${isoDow(day)} when 6 then 2 when 7 then 1 else 0 end)`;
const workingDayOnOrBefore = (day: SQL) => sql`(${day} - case ${isoDow(day)} when 6 then 1 when 7 then 2 else 0 end)`;

/** An instant of `day` during office hours in Paris (9 h–12 h, 14 h–18 h), placed by `r` in [0, 1). */
const officeHours = (day: SQL, r: SQL) =>
  sql`((${day} + time '09:00' + make_interval(mins => (floor(${r} * 420) + case when ${r} * 420 >= 180 then 120 else 0 end)::int))
    at time zone 'Europe/Paris')`;

/**
 * `workedShare` is the share of clients the collectors worked over the window (chosen by a hash of the client); the
 * others' overdue invoices wait for tonight's engine.
 */
export async function insertDemoHistory(tx: Tx, today: string, workedShare: number) {
  const d = sql`${today}::date`;

  // Every (invoice, scenario step) met in the window while the invoice was still unpaid, on the step's date; a step
  // that needs a person (a call, a letter to confirm) on the next working day. A disputed invoice stopped being
  // chased when its dispute opened (day 10).
  await tx.execute(sql`
    create temporary table history_steps on commit drop as
    with worked as materialized (
      select c.id, c.collector_id, c.code, c.name, e.code || c.code as client_key, c.effective_group_id as group_id
      from clients c join entities e on e.id = c.entity_id
      where c.collector_id is not null and ${rnd(sql`e.code || c.code`, 0)} < ${n(workedShare)}
    )
    select * from (
      select c.id as client_id, c.collector_id, c.client_key, c.code as client_code, c.name as client_name,
        s.id as step_id, s.offset_days, s.action_type, s.mode, s.min_amount, t.subject, d.id as document_id, d.settled_date,
        case when d.status = 'open' then d.open_amount else d.amount end as owed,
        case when s.mode = 'automatic' then d.due_date + s.offset_days
          else ${workingDayOnOrAfter(sql`d.due_date + s.offset_days`)} end as planned_date
      from worked c
      join groups g on g.id = c.group_id
      join scenario_steps s on s.scenario_id = g.scenario_id
      left join templates t on t.id = s.template_id
      join documents d on d.client_id = c.id and d.type = 'invoice'
      where d.due_date between ${d} - ${n(windowDays + 3)} - s.offset_days and ${d} - 1 - s.offset_days
        and (d.status = 'open' or d.settled_date > ${d} - ${n(windowDays + 3)})
        and (not d.disputed or s.offset_days < 10)
    ) pairs
    where planned_date between ${d} - ${n(windowDays)} and ${d} - 1 and (settled_date is null or settled_date > planned_date)`);

  // One action per client, step and day, as the engine groups them. A call's outcome follows what the client did
  // next: most of those who paid within three weeks had promised to, and so did a few of those who still owe.
  await tx.execute(sql`
    create temporary table history_actions on commit drop as
    select *,
      case when action_type <> 'call' then null
        when all_settled and last_settled <= planned_date + 3 and ${rnd(sql`h`, 0)} < 0.3 then 'already_paid'
        when all_settled and last_settled <= planned_date + 20 and ${rnd(sql`h`, 0)} < 0.65 then 'promise'
        when not all_settled and ${rnd(sql`h`, 0)} < 0.1 then 'promise'
        when ${rnd(sql`h`, 0)} < 0.4 then 'reached'
        when ${rnd(sql`h`, 0)} < 0.7 then 'voicemail'
        else 'not_reached' end as outcome
    from (
      select gen_random_uuid() as id, client_id, collector_id, client_code, client_name, step_id, offset_days, action_type, mode,
        subject, planned_date, sum(owed) as amount, max(settled_date) as last_settled, bool_and(settled_date is not null) as all_settled,
        md5(client_key || ':' || offset_days || ':' || planned_date) as h, client_key
      from history_steps
      group by client_id, collector_id, client_key, client_code, client_name, step_id, offset_days, action_type, mode, subject, planned_date
      having sum(owed) >= min(min_amount)
    ) grouped`);

  const confirmedAt = officeHours(sql`planned_date`, rnd(sql`h`, 2));
  await tx.execute(sql`
    insert into actions (id, client_id, step_id, step_offset_days, type, mode, planned_date, status, amount_covered, assigned_user_id,
      outcome, note, rendered_subject, sent_at, confirmed_by_id, confirmed_at, done_by_id, done_at, created_at)
    select id, client_id, step_id, offset_days, action_type, mode, planned_date,
      (case when mode = 'manual' then 'done' else 'sent' end)::action_status, amount, collector_id,
      outcome, case when outcome is not null and ${rnd(sql`h`, 1)} >= 0.2 then ${JSON.stringify(callNotes)}::jsonb -> outcome
        ->> floor(${rnd(sql`h`, 3)} * jsonb_array_length(${JSON.stringify(callNotes)}::jsonb -> outcome))::int end,
      replace(replace(replace(subject, '{{client.raison_sociale}}', client_name), '{{client.code}}', client_code), '{{societe.nom}}', ${demoCompany.name}),
      case mode when 'automatic' then ((planned_date + time '07:00' + make_interval(mins => floor(${rnd(sql`h`, 2)} * 45)::int)) at time zone 'Europe/Paris')
        when 'automatic_to_confirm' then ${confirmedAt} + interval '2 minutes' end,
      case when mode = 'automatic_to_confirm' then collector_id end,
      case when mode = 'automatic_to_confirm' then ${confirmedAt} end,
      case when mode = 'manual' then collector_id end,
      case when mode = 'manual' then ${officeHours(sql`planned_date`, rnd(sql`h`, 2))} end,
      ((planned_date - 7) + time '02:00') at time zone 'Europe/Paris'
    from history_actions`);
  await tx.execute(sql`
    insert into action_documents (action_id, document_id)
    select a.id, s.document_id from history_actions a join history_steps s using (client_id, step_id, planned_date)`);

  // The promise covers the call's invoices; its status is what the nightly verdict made of it by today.
  await tx.execute(sql`
    with promised as (
      select a.id as action_id, a.client_id, a.collector_id, a.amount, a.all_settled, a.last_settled, x.done_at,
        case when a.all_settled and a.last_settled <= a.planned_date + 20
          then greatest(a.planned_date + 3, a.last_settled + floor(${rnd(sql`a.h`, 4)} * 3)::int)
          else a.planned_date + 5 + floor(${rnd(sql`a.h`, 4)} * 10)::int end as promised_date
      from history_actions a join actions x on x.id = a.id
      where a.outcome = 'promise'
    ), created as (
      insert into promises (client_id, action_id, promised_date, amount, status, created_by_id, created_at)
      select client_id, action_id, promised_date, amount,
        (case when all_settled and last_settled <= promised_date then 'kept' when promised_date < ${d} then 'broken' else 'pending' end)::promise_status,
        collector_id, done_at
      from promised
      returning id, action_id
    )
    insert into promise_documents (promise_id, document_id)
    select c.id, ad.document_id from created c join action_documents ad on ad.action_id = c.action_id`);

  await tx.execute(sql`
    insert into actions (client_id, type, mode, planned_date, status, amount_covered, assigned_user_id, note, done_by_id, done_at, created_at)
    select client_id, 'task', 'manual', day, 'done', 0, collector_id, ${pick(taskNotes, rnd(sql`client_key`, 2))}, collector_id,
      ${officeHours(sql`day`, rnd(sql`client_key`, 3))}, ((day - 2) + time '10:00') at time zone 'Europe/Paris'
    from (
      select distinct client_id, collector_id, client_key,
        ${workingDayOnOrBefore(sql`(${d} - 1 - floor(${rnd(sql`client_key`, 4)} * ${n(windowDays - 5)})::int)`)} as day
      from history_actions where ${rnd(sql`client_key`, 1)} < 0.08
    ) tasks`);

  await tx.execute(sql`
    insert into comments (client_id, author_id, body, created_at)
    select client_id, collector_id, ${pick(comments, rnd(sql`client_key`, 6))}, ${officeHours(sql`day`, rnd(sql`client_key`, 7))}
    from (
      select distinct client_id, collector_id, client_key,
        ${workingDayOnOrBefore(sql`(${d} - 1 - floor(${rnd(sql`client_key`, 4)} * 40)::int)`)} as day
      from history_actions where ${rnd(sql`client_key`, 5)} < 0.05
    ) commented`);
  await tx.execute(sql`
    insert into comments (client_id, parent_id, author_id, body, created_at)
    select k.client_id, k.id, c.sales_rep_id, ${pick(replies, rnd(sql`c.code || k.body`, 0))},
      k.created_at + make_interval(mins => 20 + floor(${rnd(sql`c.code || k.body`, 1)} * 180)::int)
    from comments k join clients c on c.id = k.client_id
    where k.parent_id is null and c.sales_rep_id is not null and ${rnd(sql`c.code || k.body`, 2)} < 0.6`);
}
