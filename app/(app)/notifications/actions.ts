"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setNotificationDigest } from "@/db/queries/notification-digest";
import { markNotificationRead } from "@/db/queries/notification-feed";
import { authedAction } from "@/lib/auth/action";
import { safeReturnPath } from "@/lib/auth/return-path";
import { markNotificationsReadAction } from "../actions";

// Only paths of this application: a notification's link never leads elsewhere.
const internal = (path: string | null | undefined) => (path ? safeReturnPath(path) : "/");

const open = authedAction(
  "notifications.read",
  z.object({ id: z.uuid(), back: z.string().optional() }),
  async ({ id, back }, { db, scope }) => {
    const row = await markNotificationRead(db, scope.userId, id);
    revalidatePath("/", "layout");
    const target = [row?.link, back].map(internal).find((path) => path !== "/");
    redirect(target ?? "/notifications");
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

/** Turns the daily e-mail digest on or off, for the user themself only. */
export const saveDigestAction = authedAction(
  "notifications.read",
  z.object({ digest: z.literal("on").optional() }),
  async ({ digest }, { db, scope }) => {
    await setNotificationDigest(db, scope.userId, digest === "on");
    return {
      ok: true,
      data: undefined,
      message: digest === "on" ? "Résumé quotidien activé : il partira le prochain jour ouvré à 7 h." : "Résumé quotidien désactivé.",
    };
  },
);
