/**
 * What happened on a client, newest first: actions, comments, promises, disputes, the imports of its documents, and
 * the changes made on its fiche (collector, sales rep, forced group, reminders paused or resumed), read from the audit.
 */
import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type Queryable, queryRows } from "../client";
import { comments } from "../schema";
import { clientInScope } from "./scope";
import { shownActionStatus } from "./send-state";

export type TimelineKind =
  | "action"
  | "comment"
  | "promise"
  | "dispute_opened"
  | "dispute_closed"
  | "import"
  | "assignment"
  | "group"
  | "pause"
  | "resume";

export type TimelineEvent = {
  key: string;
  kind: TimelineKind;
  /** The instant, ISO 8601 in UTC. */
  at: string;
  actor: string | null;
  /** Action type, document number(s), file name, or who was assigned ("collector" or "salesRep"). */
  subject: string | null;
  /**
   * Action or promise status ("simulated" for a send that stayed in the outbox); "transfer" for an assignment made
   * by a whole portfolio's transfer; a resolved dispute's outcome (null when it was lifted without one).
   */
  status: string | null;
  /** Comment body, call outcome, subject of what an action sent, dispute or pause reason, new assignee or group. */
  body: string | null;
  /** Action note, error or cancellation reason, or the previous assignee. */
  note: string | null;
  amount: string | null;
  /** Promised payment date, or end of a pause (yyyy-mm-dd). */
  date: string | null;
  /** Import: documents of the client it created or saw, and how many of them it created. */
  documents: number | null;
  created: number | null;
};

export const TIMELINE_LIMIT = 100;

// The pièces of a dispute case, as one line (a case opened on the account alone has none).
const disputePieces = sql`(select string_agg(d.number, ', ' order by d.number) as numbers
  from dispute_documents dd join documents d on d.id = dd.document_id where dd.dispute_id = ds.id)`;

/** The latest events of one client in scope (none when it is not found there). */
export function listClientTimeline(db: Queryable, scope: Scope, clientId: string, limit = TIMELINE_LIMIT): Promise<TimelineEvent[]> {
  return queryRows<TimelineEvent>(
    db,
    sql`
    with target as (select clients.id from clients where clients.id = ${clientId} and ${clientInScope(scope)}),
    events as (
      select 'action:' || a.id as key, 'action' as kind, coalesce(a.done_at, a.sent_at, a.confirmed_at, a.created_at) as happened_at,
        u.name as actor, a.type::text as subject, ${shownActionStatus(sql`a.status`, sql`a.id`)} as status, coalesce(a.outcome, a.rendered_subject) as body,
        coalesce(a.note, a.error_message, a.cancel_reason) as note, a.amount_covered::text as amount, null::date as date,
        null::int as documents, null::int as created
      from actions a join target t on t.id = a.client_id left join users u on u.id = a.done_by_id
      where a.status in ('done', 'sent', 'cancelled', 'error')
      union all
      select 'comment:' || c.id, 'comment', c.created_at, u.name, null, null, c.body, null, null, null, null, null
      from comments c join target t on t.id = c.client_id left join users u on u.id = c.author_id
      where c.thread_id is null
      union all
      select 'promise:' || p.id, 'promise', p.created_at, u.name, null, p.status::text, null, null, p.amount::text, p.promised_date,
        null, null
      from promises p join target t on t.id = p.client_id left join users u on u.id = p.created_by_id
      union all
      select 'dispute-opened:' || ds.id, 'dispute_opened', ds.opened_at, u.name, pieces.numbers, null, ds.reason, null, null, null, null, null
      from disputes ds join target t on t.id = ds.client_id cross join lateral ${disputePieces} pieces
        left join users u on u.id = ds.opened_by_id
      union all
      select 'dispute-closed:' || ds.id, 'dispute_closed', ds.closed_at, u.name, pieces.numbers, ds.outcome::text, ds.reason, null, null, null,
        null, null
      from disputes ds join target t on t.id = ds.client_id cross join lateral ${disputePieces} pieces
        left join users u on u.id = ds.closed_by_id
      where ds.closed_at is not null
      union all
      select 'import:' || i.id, 'import', coalesce(i.finished_at, i.started_at, i.created_at), u.name, i.file_name, null, null, null, null,
        null, count(*)::int, (count(*) filter (where d.first_seen_import_id = i.id))::int
      from documents d join target t on t.id = d.client_id
        join imports i on i.id = d.first_seen_import_id or i.id = d.last_seen_import_id
        left join users u on u.id = i.user_id
      group by i.id, u.name
      union all
      select 'audit:' || l.id, case l.action when 'client.assign' then 'assignment' when 'client.group' then 'group'
          when 'client.pause' then 'pause' else 'resume' end,
        l.at, u.name, l.details ->> 'assignment', case when (l.details ->> 'transfer')::boolean then 'transfer' end,
        coalesce(l.details ->> 'reason', g.name, assignee.name), previous.name,
        null, (l.details ->> 'until')::date, null, null
      from audit_log l join target t on l.target_type = 'client' and l.target_id = t.id::text
        left join users u on u.id = l.user_id
        left join users assignee on assignee.id::text = l.details ->> 'to'
        left join users previous on previous.id::text = l.details ->> 'from'
        left join groups g on g.id::text = l.details ->> 'forcedGroupId'
      where l.action in ('client.assign', 'client.group', 'client.pause', 'client.resume')
    )
    select key, kind, to_char(happened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor, subject, status,
      body, note, amount, to_char(date, 'YYYY-MM-DD') as date, documents, created
    from events
    order by happened_at desc, key
    limit ${limit}`,
  );
}

/** Adds a comment to a client in scope; null when the client is not found there. */
export async function addClientComment(db: Queryable, scope: Scope, clientId: string, body: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into ${comments} (client_id, author_id, body)
        select clients.id, ${scope.userId}, ${body} from clients where clients.id = ${clientId} and ${clientInScope(scope)}
        returning id`,
  );
  return row?.id ?? null;
}
