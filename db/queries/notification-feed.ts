/** The notification centre: the user's full list, the cheap state the live bell watches, reading one. */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../client";
import { notifications } from "../schema";

export type NotificationState = { unread: number; latestId: string | null };

/**
 * What the bell watches every few seconds: the unread count and the newest unread id, both read from the
 * (user_id, read_at, created_at) index. A new notification arrives unread, so it changes `latestId`.
 */
export async function notificationState(db: Queryable, userId: string): Promise<NotificationState> {
  const [row] = await queryRows<NotificationState>(
    db,
    sql`select (select count(*)::int from notifications where user_id = ${userId} and read_at is null) as "unread",
               (select id from notifications where user_id = ${userId} and read_at is null order by created_at desc limit 1) as "latestId"`,
  );
  return row;
}

export type NotificationOrder = "unread" | "date";

/** One page of the user's notifications, unread ones first (or simply newest first), and how many match. */
export async function listMyNotifications(
  db: Queryable,
  userId: string,
  options: { unreadOnly: boolean; order: NotificationOrder; page: number; pageSize: number },
) {
  const where = and(eq(notifications.userId, userId), options.unreadOnly ? isNull(notifications.readAt) : undefined);
  const order = options.order === "unread" ? [sql`${notifications.readAt} is null desc`, desc(notifications.createdAt)] : [desc(notifications.createdAt)];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(...order)
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(notifications).where(where),
  ]);
  return { rows, total };
}

/** Marks one of the user's notifications read; its link, or null when it is not theirs. */
export async function markNotificationRead(db: Queryable, userId: string, id: string): Promise<{ link: string | null } | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ link: notifications.link });
  return row ?? null;
}
