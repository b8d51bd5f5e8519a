import { eq, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { outboundMessages, users } from "../schema";

export type DigestItem = { title: string; body: string | null; link: string | null; createdAt: string };
export type DueDigest = { userId: string; email: string; name: string; total: number; items: DigestItem[] };

/** Most notifications listed in one digest; the rest are counted and wait on the site. */
export const DIGEST_MAX_ITEMS = 20;

export const digestKey = (userId: string, date: string) => `digest:${userId}:${date}`;

/**
 * Digests to send for `date`: active users who asked for one, have not had that day's yet, and hold unread
 * notifications that arrived since their last digest (the last week at most, for a first one).
 */
export async function listDueDigests(db: Queryable, date: string): Promise<DueDigest[]> {
  const rows = await queryRows<{ user_id: string; email: string; name: string; total: number; items: DigestItem[] }>(
    db,
    sql`select u.id as user_id, u.email, u.name, n.total, n.items
        from users u
        cross join lateral (
          select count(*)::int as total,
                 (jsonb_agg(jsonb_build_object('title', x.title, 'body', x.body, 'link', x.link, 'createdAt', x.created_at)
                   order by x.created_at desc) filter (where x.rank <= ${DIGEST_MAX_ITEMS})) as items
          from (select n.*, row_number() over (order by n.created_at desc) as rank
                from notifications n
                where n.user_id = u.id and n.read_at is null
                  and n.created_at > coalesce(u.last_digest_at, now() - interval '7 days')) x
        ) n
        where u.notification_digest and u.active and n.total > 0
          and not exists (select 1 from outbound_messages o where o.dedupe_key = 'digest:' || u.id || ':' || ${date})
        order by u.email`,
  );
  return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, total: r.total, items: r.items }));
}

/** Claims the day's digest of a user: the outbound record, or null when another run already holds it. */
export async function claimDigest(
  tx: Queryable,
  values: { userId: string; date: string; recipient: string; subject: string; body: string; provider: string },
): Promise<string | null> {
  const [row] = await tx
    .insert(outboundMessages)
    .values({
      dedupeKey: digestKey(values.userId, values.date),
      channel: "email",
      recipient: values.recipient,
      subject: values.subject,
      body: values.body,
      provider: values.provider,
      status: "queued",
    })
    .onConflictDoNothing({ target: outboundMessages.dedupeKey })
    .returning({ id: outboundMessages.id });
  return row?.id ?? null;
}

export async function markDigestSent(tx: Queryable, userId: string) {
  await tx.update(users).set({ lastDigestAt: sql`now()` }).where(eq(users.id, userId));
}

export async function setNotificationDigest(db: Queryable, userId: string, on: boolean) {
  await db.update(users).set({ notificationDigest: on, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function getNotificationDigest(db: Queryable, userId: string): Promise<boolean> {
  const [row] = await db.select({ on: users.notificationDigest }).from(users).where(eq(users.id, userId));
  return row?.on ?? false;
}
