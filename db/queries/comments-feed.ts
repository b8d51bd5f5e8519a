/** Comments across the user's clients, newest first: what the agenda's « Réponses & commentaires » tab lists. */
import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type Queryable, queryRows } from "../client";
import { clientInScope } from "./scope";

export type FeedItem = {
  id: string;
  /** "comment" on a client or an action, or "note" left when an action was done. */
  kind: "comment" | "note";
  at: string;
  author: string | null;
  body: string;
  clientId: string;
  clientCode: string;
  clientName: string;
  /** The action commented on, or done, with its type. */
  actionType: string | null;
  actionOutcome: string | null;
  /** The comment this one answers. */
  replyTo: { author: string | null; body: string } | null;
};

export const FEED_PAGE_SIZE = 50;

/** One page of the feed; `before` (an ISO instant) pages back in time. */
export async function listCommentsFeed(db: Queryable, scope: Scope, options: { before?: string | null; limit?: number } = {}): Promise<FeedItem[]> {
  const limit = options.limit ?? FEED_PAGE_SIZE;
  const before = options.before ? sql`and happened_at < ${options.before}::timestamptz` : sql``;
  return queryRows<FeedItem>(
    db,
    sql`with mine as (select clients.id, clients.code, clients.name from clients where ${clientInScope(scope)}),
    feed as (
      select 'comment:' || c.id as id, 'comment' as kind, c.created_at as happened_at, u.name as author, c.body,
        m.id as client_id, m.code, m.name, a.type::text as action_type, a.outcome as action_outcome,
        case when p.id is null then null else json_build_object('author', pu.name, 'body', p.body) end as reply_to
      from comments c join mine m on m.id = c.client_id
        left join users u on u.id = c.author_id
        left join actions a on a.id = c.action_id
        left join comments p on p.id = c.parent_id left join users pu on pu.id = p.author_id
      where c.thread_id is null
      union all
      select 'note:' || a.id, 'note', a.done_at, u.name, a.note, m.id, m.code, m.name, a.type::text, a.outcome, null
      from actions a join mine m on m.id = a.client_id left join users u on u.id = a.done_by_id
      where a.status = 'done' and coalesce(trim(a.note), '') <> ''
    )
    select id, kind, to_char(happened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, author, body,
      client_id as "clientId", code as "clientCode", name as "clientName", action_type as "actionType",
      action_outcome as "actionOutcome", reply_to as "replyTo"
    from feed where true ${before}
    order by happened_at desc, id
    limit ${limit}`,
  );
}
