"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { markNotificationRead } from "@/db/queries/notification-feed";
import { authedAction } from "@/lib/auth/action";
import { markNotificationsReadAction } from "../actions";

// Only paths of this application: a notification's link never leads elsewhere.
const internal = (path: string | null | undefined) => (path && path.startsWith("/") && !path.startsWith("//") ? path : null);

const open = authedAction(
  "notifications.read",
  z.object({ id: z.uuid(), back: z.string().optional() }),
  async ({ id, back }, { db, scope }) => {
    const row = await markNotificationRead(db, scope.userId, id);
    revalidatePath("/", "layout");
    redirect(internal(row?.link) ?? internal(back) ?? "/notifications");
  },
);

/** Marks a notification read, then follows its link (or goes back to the list when it has none). */
export async function openNotificationAction(form: FormData): Promise<void> {
  await open(null, form);
}

/** « Tout marquer comme lu » from the notifications page. */
export async function markAllReadAction(): Promise<void> {
  await markNotificationsReadAction(null, {});
}
