import { type AnyColumn, and, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients, userEntities, users } from "../schema";

/**
 * Loads the scope of an active user on `date`; null when the user is unknown, deactivated, or logged out
 * since the session began (`loginAt`, ms).
 */
export async function loadScope(db: Queryable, userId: string, date: string, loginAt?: number): Promise<Scope | null> {
  const [user] = await db
    .select({ id: users.id, role: users.role, revokedAt: users.sessionsRevokedAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  if (loginAt !== undefined && user.revokedAt && loginAt <= user.revokedAt.getTime()) return null;
  const [entityRows, covered] = await Promise.all([
    db.select({ id: userEntities.entityId }).from(userEntities).where(eq(userEntities.userId, userId)),
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.coveringUserId, userId), lte(users.absenceFrom, date), gte(users.absenceTo, date))),
  ]);
  return {
    userId: user.id,
    role: user.role,
    entityIds: entityRows.map((r) => r.id),
    collectorIds: [user.id, ...covered.map((r) => r.id)],
  };
}

/** Whether the scope is every client (administrators and supervisors): a query may then leave the clients out. */
export const seesEveryClient = (scope: Scope) => scope.role === "admin" || scope.role === "supervisor";

type ScopeColumns = { entityId: AnyColumn; collectorId: AnyColumn; salesRepId: AnyColumn };

/**
 * The WHERE condition that keeps only the rows `scope` may see, on any table carrying a client's société,
 * collector and sales rep (the clients, or the home page's aggregates).
 */
export function inScope(scope: Scope, columns: ScopeColumns): SQL {
  switch (scope.role) {
    case "admin":
    case "supervisor":
      return sql`true`;
    case "manager":
      return scope.entityIds.length ? inArray(columns.entityId, scope.entityIds) : sql`false`;
    case "collector":
      return inArray(columns.collectorId, scope.collectorIds);
    case "sales":
      return eq(columns.salesRepId, scope.userId);
  }
}

/** The WHERE condition on `clients` that keeps only the clients `scope` may see. */
export function clientInScope(scope: Scope): SQL {
  return inScope(scope, clients);
}
