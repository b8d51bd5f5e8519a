"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markAllNotificationsRead } from "@/db/queries/notifications";
import { authedAction } from "@/lib/auth/action";
import { signOut } from "@/lib/auth/config";

export const markNotificationsReadAction = authedAction("notifications.read", z.object({}), async (_input, { db, scope }) => {
  await markAllNotificationsRead(db, scope.userId);
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
});

export async function logoutAction() {
  await signOut({ redirectTo: "/login" });
}
