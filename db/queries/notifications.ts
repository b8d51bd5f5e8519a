import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { notifications } from "../schema";

export async function listNotifications(db: Queryable, userId: string, limit = 8) {
  const [rows, [{ unread }]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt))
      .limit(limit),
    db
      .select({ unread: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { rows, unread };
}

export async function notify(db: Queryable, notification: NewNotification): Promise<void> {
  await db.insert(notifications).values(notification);
}

export async function markAllNotificationsRead(db: Queryable, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export type NewNotification = { userId: string; kind: string; title: string; body?: string; link?: string; subjectId?: string };

/** Several notifications in one insert: what a nightly verdict tells many people at once. */
export async function notifyMany(db: Queryable, rows: NewNotification[]): Promise<void> {
  if (rows.length) await db.insert(notifications).values(rows);
}
