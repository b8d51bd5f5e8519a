import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../client";
import { apiIdempotency } from "../schema";

export type IdempotencyClaim =
  | { status: "claimed" }
  | { status: "replay"; code: number; body: unknown }
  | { status: "in_progress" }
  | { status: "mismatch" };

// A first request that died before storing its answer leaves its claim behind; after this long it is taken over.
const ABANDONED_AFTER = "10 minutes";

/** Claims `idempotencyKey` for this request, or finds the stored answer of the same request sent before. */
export async function claimIdempotencyKey(db: Queryable, keyId: string, idempotencyKey: string, requestHash: string): Promise<IdempotencyClaim> {
  const claimed = await db
    .insert(apiIdempotency)
    .values({ keyId, idempotencyKey, requestHash })
    .onConflictDoUpdate({
      target: [apiIdempotency.keyId, apiIdempotency.idempotencyKey],
      set: { requestHash, createdAt: sql`now()` },
      setWhere: sql`${apiIdempotency.status} is null and ${apiIdempotency.createdAt} < now() - interval '${sql.raw(ABANDONED_AFTER)}'`,
    })
    .returning({ keyId: apiIdempotency.keyId });
  if (claimed.length > 0) return { status: "claimed" };
  const [existing] = await db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
  if (!existing) return claimIdempotencyKey(db, keyId, idempotencyKey, requestHash);
  if (existing.status === null) return { status: "in_progress" };
  if (existing.requestHash !== requestHash) return { status: "mismatch" };
  return { status: "replay", code: existing.status, body: existing.body };
}

export async function storeIdempotentAnswer(db: Queryable, keyId: string, idempotencyKey: string, code: number, body: unknown) {
  await db
    .update(apiIdempotency)
    .set({ status: code, body })
    .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
}

/** Gives the key back after a failure, so the client may retry the same request. */
export async function releaseIdempotencyKey(db: Queryable, keyId: string, idempotencyKey: string) {
  await db.delete(apiIdempotency).where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)));
}
