"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markAllNotificationsRead } from "@/db/queries/notifications";
import { revokeSessions } from "@/db/queries/users";
import { authedAction } from "@/lib/auth/action";
import { signOut } from "@/lib/auth/config";
import { currentUser } from "@/lib/auth/session";

export const markNotificationsReadAction = authedAction("notifications.read", z.object({}), async (_input, { db, scope }) => {
  await markAllNotificationsRead(db, scope.userId);
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
});

export async function logoutAction() {
  const current = await currentUser();
  if (current) await revokeSessions(current.db, current.scope.userId);
  await signOut({ redirectTo: "/login" });
}
