/**
 * The collector's worklist: the manual actions to do, each with its priority and the figures it is made of, the
 * phone to call, the last contact and the reminders already sent. One statement; every figure is computed in SQL
 * for the whole filtered set, so that any column can sort it before the page is cut.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { brokenPromiseWindowDays, type PriorityFactor, type PriorityWeights, priorityFactors } from "@/lib/relance/worklist-priority";
import type { WorklistSort, WorklistSortKey } from "@/lib/relance/worklist-sort";
import { type Queryable, queryRows } from "../client";
import { type AgendaFilters, agendaActionsWhere } from "./agenda";
import { clientInScope } from "./scope";
import { simulatedSend } from "./send-state";

/** Each factor's value for one action, in the unit its weight is given per (lib/relance/worklist-priority.ts). */
const factorValues: Record<PriorityFactor, SQL> = {
  amount: sql`facts.amount_at_stake / 1000`,
  daysLate: sql`facts.days_late`,
  brokenPromises: sql`facts.broken_promises`,
  risk: sql`facts.expected_late / 1000`,
};

const sortColumns: Record<WorklistSortKey, SQL> = {
  priority: sql`score.priority`,
  date: sql`actions.planned_date`,
  client: sql`clients.name`,
  action: sql`actions.type`,
  documents: sql`actions.document_count`,
  amount: sql`facts.amount_at_stake`,
  lastContact: sql`last_contact.at`,
  reminders: sql`(sent.reminders, sent.simulated)`,
  assignee: sql`assignee.name`,
};

// What a client's row shows beside the action; joined for the page only, or for every row when it sorts them
// (as are the client's name and the assignee's).
const lastContactJoin = sql`left join lateral (
      select coalesce(h.done_at, h.sent_at)::date as at, h.type, h.outcome, ${simulatedSend(sql`h.id`)} as simulated from actions h
      where h.client_id = actions.client_id and h.status in ('done', 'sent') and h.type in ('call', 'email', 'letter', 'formal_notice')
      order by coalesce(h.done_at, h.sent_at) desc nulls last, h.planned_date desc
      limit 1
    ) last_contact on true`;
// A send left in the outbox (no provider configured) is counted apart: it never reached the client.
const sentJoin = sql`cross join lateral (
      select count(*) filter (where not ${simulatedSend(sql`s.id`)})::int as reminders,
        count(*) filter (where ${simulatedSend(sql`s.id`)})::int as simulated
      from actions s where s.client_id = actions.client_id and s.status = 'sent'
    ) sent`;
const phoneJoin = sql`left join lateral (
      select coalesce(ct.phone, ct.mobile) as number from contacts ct
      where ct.client_id = actions.client_id and coalesce(ct.phone, ct.mobile) is not null
      order by cardinality(ct.recipient_for) desc, ct.name
      limit 1
    ) phone on true`;

function orderBy(sort: WorklistSort, today: string): SQL {
  const direction = sql.raw(sort.order === "asc" ? "asc nulls first" : "desc nulls last");
  // By priority, what is due today or late comes before what is still to come.
  const first = sort.key === "priority" ? sql`actions.planned_date <= ${today}::date desc, ` : sql``;
  return sql`${first}${sortColumns[sort.key]} ${direction}, score.priority desc, actions.planned_date asc, actions.id asc`;
}

export type WorklistRow = {
  id: string;
  type: string;
  plannedDate: string;
  amountCovered: string;
  /** The open amount of the pièces covered, or the amount covered by an action without pièces. */
  amountAtStake: string;
  clientId: string;
  clientCode: string;
  clientName: string;
  clientOpen: boolean;
  assigneeName: string | null;
  stepLabel: string | null;
  documentCount: number;
  daysLate: number;
  brokenPromises: number;
  /** Σ open × probability of paying late over the pièces covered (the client's, for an action without pièces). */
  expectedLate: string;
  /** Points per factor, rounded to one decimal; the priority is their sum. */
  points: Record<PriorityFactor, string>;
  priority: string;
  phone: string | null;
  lastContactOn: string | null;
  lastContactType: string | null;
  lastContactOutcome: string | null;
  /** The last contact is a send left in the outbox: it never reached the client. */
  lastContactSimulated: boolean;
  remindersSent: number;
  /** Sends that stayed in the outbox: shown apart, never as reminders sent. */
  remindersSimulated: number;
};

type RawRow = Omit<WorklistRow, "points"> & Record<`points_${PriorityFactor}`, string>;

/** One page of the planned manual actions matching the filters, with their total. */
export async function listWorklist(
  db: Queryable,
  scope: Scope,
  filters: AgendaFilters,
  args: { today: string; weights: PriorityWeights; sort: WorklistSort; page: number; pageSize: number },
): Promise<WorklistRow[]> {
  const { today, weights, sort } = args;
  const pointName = (key: PriorityFactor) => sql.identifier(`points_${key}`);
  const points = {
    columns: sql.join(
      priorityFactors.map(({ key }) => sql`round(${weights[key]}::numeric * ${factorValues[key]}, 1) as ${pointName(key)}`),
      sql`, `,
    ),
    total: sql.join(
      priorityFactors.map(({ key }) => sql`points.${pointName(key)}`),
      sql` + `,
    ),
    map: sql.join(
      priorityFactors.map(({ key }) => sql`points.${pointName(key)}`),
      sql`, `,
    ),
    texts: sql.join(
      priorityFactors.map(({ key }) => sql`page.${pointName(key)}::text as ${pointName(key)}`),
      sql`, `,
    ),
  };
  // The priority and the sort key for every action matching, then the rest for the page's rows only.
  const rows = await queryRows<RawRow>(
    db,
    sql`
    with broken as (
      select client_id, count(*)::int as n from promises
      where status = 'broken' and promised_date > ${today}::date - ${brokenPromiseWindowDays}::int and promised_date <= ${today}::date
      group by client_id
    ),
    -- One row per matching action, whatever the estimates: a join of two aggregates on a misjudged count of rows
    -- made the planner loop over all the pièces covered once per action, and a misjudged hash join read every
    -- pièce; each action's own pièces are read through the indexes.
    covered as (
      select actions.id, actions.client_id, actions.planned_date, actions.amount_covered, actions.type, actions.assigned_user_id, pieces.*
      from actions cross join lateral (
        select count(ad.document_id)::int as document_count,
          min(d.due_date) filter (where d.status = 'open') as oldest_due,
          case when count(ad.document_id) > 0 then coalesce(sum(d.open_amount) filter (where d.status = 'open'), 0) end as open_amount,
          case when count(ad.document_id) > 0 then coalesce(sum(d.open_amount * ds.p_late::numeric) filter (where d.status = 'open'), 0) end as expected_late
        from action_documents ad join documents d on d.id = ad.document_id
          left join document_scores ds on ds.document_id = d.id
        where ad.action_id = actions.id
      ) pieces
      where ${agendaActionsWhere(scope, filters)} and actions.status = 'planned'
    ),
    page as (
      select actions.id, actions.document_count, facts.amount_at_stake, facts.days_late, facts.broken_promises, facts.expected_late, ${points.map}, score.priority,
        row_number() over (order by ${orderBy(sort, today)}) as position
      -- Named as the table: the sort keys and the joins shared with the page's rows read actions.*.
      from covered actions
      ${sort.key === "client" ? sql`join clients on clients.id = actions.client_id` : sql``}
      ${sort.key === "assignee" ? sql`left join users assignee on assignee.id = actions.assigned_user_id` : sql``}
      left join broken on broken.client_id = actions.client_id
      cross join lateral (
        select greatest(${today}::date - coalesce(actions.oldest_due, actions.planned_date), 0) as days_late, coalesce(broken.n, 0) as broken_promises,
          -- What is still owed on the pièces covered (some may have been paid since); the planned amount for an action without any.
          coalesce(actions.open_amount, actions.amount_covered) as amount_at_stake,
          -- Open × probability of paying late over the pièces covered; the client's whole expected amount late otherwise.
          coalesce(actions.expected_late,
            (select cs.expected_late_amount from client_scores cs where cs.client_id = actions.client_id), 0) as expected_late
      ) facts
      cross join lateral (select ${points.columns}) points
      cross join lateral (select ${points.total} as priority) score
      ${sort.key === "lastContact" ? lastContactJoin : sql``}
      ${sort.key === "reminders" ? sentJoin : sql``}
      order by position
      limit ${args.pageSize} offset ${(args.page - 1) * args.pageSize}
    )
    select actions.id, actions.type, actions.planned_date::text as "plannedDate", actions.amount_covered::text as "amountCovered",
      clients.id as "clientId", clients.code as "clientCode", clients.name as "clientName", ${clientInScope(scope)} as "clientOpen",
      assignee.name as "assigneeName", scenario_steps.label as "stepLabel",
      page.document_count as "documentCount", page.amount_at_stake::text as "amountAtStake", page.days_late as "daysLate", page.broken_promises as "brokenPromises",
      round(page.expected_late, 2)::text as "expectedLate",
      ${points.texts}, page.priority::text as priority,
      coalesce(phone.number, clients.phone) as phone,
      last_contact.at::text as "lastContactOn", last_contact.type as "lastContactType", last_contact.outcome as "lastContactOutcome",
      coalesce(last_contact.simulated, false) as "lastContactSimulated",
      sent.reminders as "remindersSent", sent.simulated as "remindersSimulated"
    from page
    join actions on actions.id = page.id
    join clients on clients.id = actions.client_id
    left join users assignee on assignee.id = actions.assigned_user_id
    left join scenario_steps on scenario_steps.id = actions.step_id
    ${lastContactJoin}
    ${sentJoin}
    ${phoneJoin}
    order by page.position`,
  );
  return rows.map((row) => {
    const points = Object.fromEntries(priorityFactors.map(({ key }) => [key, row[`points_${key}`]])) as Record<PriorityFactor, string>;
    const rest = Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith("points_"))) as Omit<WorklistRow, "points">;
    return { ...rest, points };
  });
}
