import { notFound, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { cache } from "react";
import { getDb } from "@/db/client";
import { loadScope } from "@/db/queries/scope";
import { getUserSummary } from "@/db/queries/users";
import { today } from "@/lib/dates";
import { auth } from "./config";
import { can, type Permission } from "./permissions";

/** The signed-in, still active user with their scope, once per request; null when signed out. */
export const currentUser = cache(async () => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const db = await getDb();
  const [scope, user] = await Promise.all([loadScope(db, session.user.id, today(), session.user.loginAt ?? 0), getUserSummary(db, session.user.id)]);
  if (!scope || !user) return null;
  return { db, scope, user };
});

/** For pages: signed-out users go to the login page; a missing right looks like a missing page. */
export async function requireUser(permission?: Permission) {
  const current = await currentUser();
  if (!current) redirect("/login");
  if (permission && !can(current.scope.role, permission)) notFound();
  return current;
}

/** For route handlers: the user with the permission, or the 401/403 response to send instead. */
export async function userForRoute(permission: Permission) {
  const current = await currentUser();
  if (!current) return { denied: NextResponse.json({ error: "Non authentifié." }, { status: 401 }) } as const;
  if (!can(current.scope.role, permission)) return { denied: NextResponse.json({ error: "Accès refusé." }, { status: 403 }) } as const;
  return { ...current, denied: null } as const;
}
