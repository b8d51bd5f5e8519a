/** Reading and writing relance groups; callers recompute membership in the same transaction after a write. */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { groups, scenarios } from "../schema";
import type { GroupCriterion } from "../schema/relance";

export type GroupInput = { name: string; scenarioId: string | null; criteria: GroupCriterion[] };

/** Groups in priority order, with their scenario's name. */
export function listGroups(db: Queryable) {
  return db
    .select({ id: groups.id, name: groups.name, priority: groups.priority, criteria: groups.criteria, scenarioId: groups.scenarioId, scenarioName: scenarios.name })
    .from(groups)
    .leftJoin(scenarios, eq(scenarios.id, groups.scenarioId))
    .orderBy(asc(groups.priority), asc(groups.name));
}

export async function getGroup(db: Queryable, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(groups).where(eq(groups.id, id));
  return row ?? null;
}

export function listScenarioChoices(db: Queryable) {
  return db.select({ id: scenarios.id, name: scenarios.name }).from(scenarios).orderBy(asc(scenarios.name));
}

export async function scenarioExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db.select({ id: scenarios.id }).from(scenarios).where(eq(scenarios.id, id));
  return Boolean(row);
}

/** Whether another group already has this name (ignoring case and surrounding spaces). */
export async function groupNameTaken(db: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const same = sql`lower(trim(${groups.name})) = lower(trim(${name}))`;
  const [row] = await db.select({ id: groups.id }).from(groups).where(exceptId ? and(same, ne(groups.id, exceptId)) : same).limit(1);
  return Boolean(row);
}

/** The priority a new group would get: after every existing group. */
export async function nextGroupPriority(db: Queryable): Promise<number> {
  const [row] = await db.select({ max: sql<number | null>`max(${groups.priority})` }).from(groups);
  return (row?.max ?? 0) + 1;
}

/** Adds a group last in priority order; returns its id. */
export async function createGroup(db: Queryable, input: GroupInput): Promise<string> {
  const priority = await nextGroupPriority(db);
  const [row] = await db.insert(groups).values({ ...input, priority }).returning({ id: groups.id });
  return row.id;
}

export async function updateGroup(db: Queryable, id: string, input: GroupInput): Promise<boolean> {
  const rows = await db.update(groups).set({ ...input, updatedAt: new Date() }).where(eq(groups.id, id)).returning({ id: groups.id });
  return rows.length > 0;
}

/** Deletes a group; its clients (forced ones included) lose it through the foreign key. Returns its name. */
export async function deleteGroup(db: Queryable, id: string): Promise<string | null> {
  const rows = await db.delete(groups).where(eq(groups.id, id)).returning({ name: groups.name });
  return rows[0]?.name ?? null;
}

/**
 * Swaps a group's priority with its neighbour above ("up") or below ("down").
 * Returns false when the group does not exist or is already first/last.
 */
export async function moveGroup(db: Queryable, id: string, direction: "up" | "down"): Promise<boolean> {
  const [group] = await db.select().from(groups).where(eq(groups.id, id)).for("update");
  if (!group) return false;
  const ordered = await db.select({ id: groups.id, priority: groups.priority }).from(groups).orderBy(asc(groups.priority), asc(groups.name));
  const index = ordered.findIndex((g) => g.id === id);
  const other = ordered[direction === "up" ? index - 1 : index + 1];
  if (!other) return false;
  // Priorities may be equal or sparse: renumber all in order, then swap the two positions.
  const positions = ordered.map((g) => g.id);
  [positions[index], positions[ordered.indexOf(other)]] = [other.id, id];
  for (const [i, gid] of positions.entries()) {
    await db.update(groups).set({ priority: i + 1, updatedAt: new Date() }).where(eq(groups.id, gid));
  }
  return true;
}
