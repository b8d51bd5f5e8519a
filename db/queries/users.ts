import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Role } from "@/lib/auth/roles";
import { type Queryable, queryRows } from "../client";
import { clients, entities, userEntities, users } from "../schema";

export async function findActiveUserByEmail(db: Queryable, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.active, true)));
  return user ?? null;
}

export async function getUserSummary(db: Queryable, id: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, id));
  return user ?? null;
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

/** Users with their entities and the size of their portfolio (as collector). */
export async function listUsers(db: Queryable) {
  // One pass over the clients rather than a count per user.
  const portfolios = db
    .select({ collectorId: clients.collectorId, size: sql<number>`count(*)::int`.as("size") })
    .from(clients)
    .groupBy(clients.collectorId)
    .as("portfolios");
  return db
    .select({
      id: users.id,
      name: users.name,
      civility: users.civility,
      email: users.email,
      phone: users.phone,
      role: users.role,
      active: users.active,
      absenceFrom: users.absenceFrom,
      absenceTo: users.absenceTo,
      coveringUserId: users.coveringUserId,
      entityIds: sql<string[]>`coalesce((select array_agg(ue.entity_id::text order by ue.entity_id)
        from user_entities ue where ue.user_id = "users"."id"), '{}')`,
      portfolioSize: sql<number>`coalesce(${portfolios.size}, 0)`,
    })
    .from(users)
    .leftJoin(portfolios, eq(portfolios.collectorId, users.id))
    .orderBy(asc(users.name));
}

export function listEntities(db: Queryable) {
  return db.select({ id: entities.id, code: entities.code, name: entities.name }).from(entities).orderBy(asc(entities.name));
}

export type UserInput = {
  email: string;
  name: string;
  /** « Madame » or « Monsieur »; left as it is when absent. */
  civility?: string | null;
  phone: string | null;
  role: Role;
  entityIds: string[];
};

export async function createUser(db: Queryable, input: UserInput & { passwordHash: string }) {
  const [user] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, civility: input.civility ?? null, phone: input.phone, role: input.role, passwordHash: input.passwordHash })
    .returning({ id: users.id });
  await setUserEntities(db, user.id, input.entityIds);
  return user.id;
}

export async function updateUser(db: Queryable, id: string, input: UserInput & { active: boolean }) {
  const updated = await db
    .update(users)
    .set({
      email: input.email,
      name: input.name,
      ...(input.civility !== undefined && { civility: input.civility }),
      phone: input.phone,
      role: input.role,
      active: input.active,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  if (updated.length === 0) return false;
  await setUserEntities(db, id, input.entityIds);
  return true;
}

async function setUserEntities(db: Queryable, userId: string, entityIds: string[]) {
  await db.delete(userEntities).where(eq(userEntities.userId, userId));
  if (entityIds.length) await db.insert(userEntities).values(entityIds.map((entityId) => ({ userId, entityId })));
}

export async function setAbsence(
  db: Queryable,
  userId: string,
  absence: { from: string; to: string; coveringUserId: string } | null,
) {
  await db
    .update(users)
    .set({
      absenceFrom: absence?.from ?? null,
      absenceTo: absence?.to ?? null,
      coveringUserId: absence?.coveringUserId ?? null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
}

/**
 * Gives every client of one collector to another in one statement, and records on each client the change `actorId`
 * made, as a change of collector on its fiche would: each client's history shows it. Returns how many clients moved.
 */
export async function transferPortfolio(db: Queryable, fromUserId: string, toUserId: string, actorId: string): Promise<number> {
  const [{ count }] = await queryRows<{ count: number }>(
    db,
    sql`with moved as (
          update clients set collector_id = ${toUserId}, updated_at = now() where collector_id = ${fromUserId} returning id
        ), recorded as (
          insert into audit_log (user_id, action, target_type, target_id, details)
          select ${actorId}, 'client.assign', 'client', id::text,
            jsonb_build_object('assignment', 'collector', 'from', ${fromUserId}::uuid, 'to', ${toUserId}::uuid, 'transfer', true)
          from moved
          returning 1
        )
        select count(*)::int as count from recorded`,
  );
  return count;
}

export async function usersExist(db: Queryable, ids: string[], role?: Role): Promise<boolean> {
  if (ids.length === 0) return true;
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), role ? eq(users.role, role) : undefined));
  return rows.length === new Set(ids).size;
}

export async function revokeSessions(db: Queryable, userId: string): Promise<void> {
  await db.update(users).set({ sessionsRevokedAt: new Date() }).where(eq(users.id, userId));
}

/** Whether a session opened at `loginAt` (ms) still holds: its user is active and has not logged out since. */
export async function sessionIsOpen(db: Queryable, userId: string, loginAt: number): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.active, true),
        sql`(${users.sessionsRevokedAt} is null or ${users.sessionsRevokedAt} < to_timestamp(${loginAt}::float8 / 1000))`,
      ),
    );
  return Boolean(row);
}
