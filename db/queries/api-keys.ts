import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { newApiKey } from "@/lib/api/keys";
import type { Queryable } from "../client";
import { apiKeys, apiRateWindows, users } from "../schema";
import { recordAudit } from "./audit";

export type ApiKeyInput = { name: string; readOnly: boolean; expiresAt: Date | null; requestsPerMinute?: number };

/** Creates a key for `userId`; the token is returned here only, never stored. */
export async function createApiKey(db: Queryable, createdBy: string, userId: string, input: ApiKeyInput) {
  const key = newApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({ userId, createdBy, name: input.name, prefix: key.prefix, secretHash: key.secretHash, readOnly: input.readOnly, expiresAt: input.expiresAt, requestsPerMinute: input.requestsPerMinute })
    .returning();
  await recordAudit(db, { userId: createdBy, action: "api_key.create", targetType: "api_key", targetId: row.id, details: { name: input.name, owner: userId, readOnly: input.readOnly } });
  return { key: row, token: key.token };
}

/** A user's own keys; an administrator (`all`) sees everyone's, with the owner's name. */
export function listApiKeys(db: Queryable, scope: Scope, all: boolean) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      readOnly: apiKeys.readOnly,
      requestsPerMinute: apiKeys.requestsPerMinute,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
      userId: apiKeys.userId,
      userName: users.name,
      userRole: users.role,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(all ? undefined : eq(apiKeys.userId, scope.userId))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes a key its owner holds (or any key, for an administrator); false when there is no such key. */
export async function revokeApiKey(db: Queryable, scope: Scope, keyId: string, any: boolean): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt), any ? undefined : eq(apiKeys.userId, scope.userId)))
    .returning({ id: apiKeys.id });
  if (rows.length === 0) return false;
  await recordAudit(db, { userId: scope.userId, action: "api_key.revoke", targetType: "api_key", targetId: keyId });
  return true;
}

export type KeyLookup =
  | { status: "ok"; key: { id: string; userId: string; readOnly: boolean; requestsPerMinute: number } }
  | { status: "unknown" | "revoked" | "expired" | "inactive_user" };

/** The key a secret hash belongs to, and whether it may still be used. */
export async function findApiKey(db: Queryable, secretHash: string, now: Date): Promise<KeyLookup> {
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, readOnly: apiKeys.readOnly, requestsPerMinute: apiKeys.requestsPerMinute, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt, active: users.active })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.secretHash, secretHash));
  if (!row) return { status: "unknown" };
  if (row.revokedAt) return { status: "revoked" };
  if (row.expiresAt && row.expiresAt <= now) return { status: "expired" };
  if (!row.active) return { status: "inactive_user" };
  return { status: "ok", key: { id: row.id, userId: row.userId, readOnly: row.readOnly, requestsPerMinute: row.requestsPerMinute } };
}

/**
 * Counts one request of `keyId` in the current minute and returns the count so far and the seconds until the
 * next minute. Also records the last use, at most once a minute (the first request of each window).
 */
export async function countApiRequest(db: Queryable, keyId: string): Promise<{ count: number; resetInSeconds: number }> {
  const [row] = await db
    .insert(apiRateWindows)
    .values({ keyId, windowStart: sql`date_trunc('minute', now())`, count: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.keyId, apiRateWindows.windowStart], set: { count: sql`${apiRateWindows.count} + 1` } })
    .returning({ count: apiRateWindows.count, reset: sql<number>`ceil(extract(epoch from date_trunc('minute', now()) + interval '1 minute' - now()))::int` });
  if (row.count === 1) {
    await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, keyId));
  }
  return { count: row.count, resetInSeconds: Math.max(1, row.reset) };
}

/** Forgets rate windows and idempotent answers older than a day (nightly). */
export async function pruneApiBookkeeping(db: Queryable): Promise<void> {
  await db.delete(apiRateWindows).where(lt(apiRateWindows.windowStart, sql`now() - interval '1 hour'`));
  await db.execute(sql`delete from api_idempotency where created_at < now() - interval '1 day'`);
}
