import { NextResponse } from "next/server";
import { notificationState } from "@/db/queries/notification-feed";
import { listNotifications } from "@/db/queries/notifications";
import { userForRoute } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The bell's content: unread count, newest unread id and latest items; polled when the live stream is unavailable. */
export async function GET() {
  const current = await userForRoute("notifications.read");
  if (current.denied) return current.denied;
  const [state, { rows }] = await Promise.all([notificationState(current.db, current.scope.userId), listNotifications(current.db, current.scope.userId)]);
  const items = rows.map(({ id, title, body, link, readAt, createdAt }) => ({ id, title, body, link, readAt, createdAt }));
  return NextResponse.json({ ...state, items }, { headers: { "Cache-Control": "no-store" } });
}
