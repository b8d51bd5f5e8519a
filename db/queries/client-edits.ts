/** Changes to one client from its fiche: who follows it, its forced group, and pausing its reminders. */
import { and, asc, eq, exists, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Role } from "@/lib/auth/roles";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients, groups, scenarios, users } from "../schema";
import { clientInScope } from "./scope";

/** Who may hold each assignment: a portfolio goes to a collector or a supervisor, a sales rep is a salesperson. */
export const assignableRoles = {
  collector: ["collector", "supervisor"],
  salesRep: ["sales"],
} as const satisfies Record<string, readonly Role[]>;
export type Assignment = keyof typeof assignableRoles;

export type EditResult<T = unknown> = ({ status: "ok" } & T) | { status: "not_found" } | { status: "invalid_choice" };

/** The client, when in scope: lets a write that changed nothing tell "not found" from "bad choice". */
async function clientVisible(db: Queryable, scope: Scope, clientId: string): Promise<boolean> {
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, clientId), clientInScope(scope)));
  return rows.length > 0;
}

const previous = alias(clients, "previous");

/**
 * Sets the collector or the sales rep of a client in scope. The user must be active and of a role that may hold
 * the assignment, checked in the same statement; null clears it. Returns the previous holder for the audit log.
 */
export async function assignClient(
  db: Queryable,
  scope: Scope,
  clientId: string,
  assignment: Assignment,
  userId: string | null,
): Promise<EditResult<{ previousId: string | null }>> {
  const column = assignment === "collector" ? "collectorId" : "salesRepId";
  const value = assignment === "collector" ? { collectorId: userId } : { salesRepId: userId };
  const eligible =
    userId === null
      ? undefined
      : exists(
          db
            .select({ one: sql`1` })
            .from(users)
            .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, [...assignableRoles[assignment]]))),
        );
  // Joined to itself, the row keeps its values from before the update for RETURNING.
  const [row] = await db
    .update(clients)
    .set({ ...value, updatedAt: new Date() })
    .from(previous)
    .where(and(eq(previous.id, clients.id), eq(clients.id, clientId), clientInScope(scope), eligible))
    .returning({ previousId: previous[column] });
  if (row) return { status: "ok", previousId: row.previousId };
  return (await clientVisible(db, scope, clientId)) ? { status: "invalid_choice" } : { status: "not_found" };
}

/**
 * Forces a group on a client in scope, or (null) lets the nightly run compute it again. A forced group applies at
 * once; back to automatic, the client has no group until that run.
 */
export async function setForcedGroup(db: Queryable, scope: Scope, clientId: string, groupId: string | null): Promise<EditResult> {
  const known: SQL | undefined =
    groupId === null
      ? undefined
      : exists(
          db
            .select({ one: sql`1` })
            .from(groups)
            .where(eq(groups.id, groupId)),
        );
  const updated = await db
    .update(clients)
    .set({ forcedGroupId: groupId, groupId, updatedAt: new Date() })
    .where(and(eq(clients.id, clientId), clientInScope(scope), known))
    .returning({ id: clients.id });
  if (updated.length) return { status: "ok" };
  return (await clientVisible(db, scope, clientId)) ? { status: "invalid_choice" } : { status: "not_found" };
}

/** Stops the reminders of a client in scope until `until` (included), or resumes them when `pause` is null. */
export async function setReminderPause(
  db: Queryable,
  scope: Scope,
  clientId: string,
  pause: { until: string; reason: string } | null,
): Promise<boolean> {
  const updated = await db
    .update(clients)
    .set({ pausedUntil: pause?.until ?? null, pauseReason: pause?.reason ?? null, updatedAt: new Date() })
    .where(and(eq(clients.id, clientId), clientInScope(scope)))
    .returning({ id: clients.id });
  return updated.length > 0;
}

/** Active users who may be chosen as collector or sales rep, by name. */
export function listAssignableUsers(db: Queryable) {
  const allowed = [...new Set<Role>([...assignableRoles.collector, ...assignableRoles.salesRep])];
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, allowed)))
    .orderBy(asc(users.name));
}

/** Groups by priority with the name of their scenario: the choices for a forced group. */
export function listGroupChoices(db: Queryable) {
  return db
    .select({ id: groups.id, name: groups.name, scenarioName: scenarios.name })
    .from(groups)
    .leftJoin(scenarios, eq(scenarios.id, groups.scenarioId))
    .orderBy(asc(groups.priority), asc(groups.name));
}
