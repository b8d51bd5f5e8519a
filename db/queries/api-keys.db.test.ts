import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { hashApiKey } from "@/lib/api/keys";
import { apiIdempotency, apiKeys, apiRateWindows, users } from "../schema";
import { makeUser } from "../test-builders";
import { createTestDatabase } from "../testing";
import { countApiRequest, createApiKey, findApiKey, listApiKeys, pruneApiBookkeeping, revokeApiKey } from "./api-keys";
import { loadScope } from "./scope";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("API keys", () => {
  it("are listed to their owner, all of them to an administrator, and revoked by either", async () => {
    const { db } = handle;
    const admin = await makeUser(db, "admin");
    const ana = await makeUser(db, "collector");
    const bob = await makeUser(db, "collector");
    const anaKey = await createApiKey(db, ana.id, ana.id, { name: "ERP", readOnly: true, expiresAt: null });
    const bobKey = await createApiKey(db, admin.id, bob.id, { name: "BI", readOnly: false, expiresAt: null });
    const [anaScope, adminScope] = [await loadScope(db, ana.id, "2026-12-05"), await loadScope(db, admin.id, "2026-12-05")];
    expect((await listApiKeys(db, anaScope!, false)).map((k) => k.name)).toEqual(["ERP"]);
    expect((await listApiKeys(db, adminScope!, true)).map((k) => k.name).sort()).toEqual(["BI", "ERP"]);
    // The token is never stored: only its hash.
    const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, anaKey.key.id));
    expect(JSON.stringify(stored)).not.toContain(anaKey.token.split("_")[2]);
    expect(stored.secretHash).toBe(hashApiKey(anaKey.token));

    expect(await revokeApiKey(db, anaScope!, bobKey.key.id, false)).toBe(false);
    expect((await findApiKey(db, hashApiKey(bobKey.token), new Date())).status).toBe("ok");
    expect(await revokeApiKey(db, adminScope!, bobKey.key.id, true)).toBe(true);
    expect((await findApiKey(db, hashApiKey(bobKey.token), new Date())).status).toBe("revoked");
    expect(await revokeApiKey(db, anaScope!, anaKey.key.id, false)).toBe(true);
  });

  it("expire at their date and stop with their user", async () => {
    const { db } = handle;
    const user = await makeUser(db, "sales");
    const { token } = await createApiKey(db, user.id, user.id, { name: "CRM", readOnly: false, expiresAt: new Date("2026-12-31T23:00:00Z") });
    expect((await findApiKey(db, hashApiKey(token), new Date("2026-12-31T22:59:00Z"))).status).toBe("ok");
    expect((await findApiKey(db, hashApiKey(token), new Date("2026-12-31T23:00:00Z"))).status).toBe("expired");
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await findApiKey(db, hashApiKey(token), new Date("2026-12-01T00:00:00Z"))).status).toBe("inactive_user");
    expect((await findApiKey(db, hashApiKey("enc_x_y"), new Date())).status).toBe("unknown");
  });

  it("count requests per minute, note the last use, and forget old windows at night", async () => {
    const { db } = handle;
    const user = await makeUser(db, "manager");
    const { key } = await createApiKey(db, user.id, user.id, { name: "Tableau", readOnly: true, expiresAt: null });
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await countApiRequest(db, key.id)).count);
    expect(counts[0]).toBe(1);
    // Three requests may straddle a minute boundary; the windows still hold three in all.
    const counted = await db.select().from(apiRateWindows).where(eq(apiRateWindows.keyId, key.id));
    expect(counted.reduce((sum, w) => sum + w.count, 0)).toBe(3);
    expect(counts.at(-1)).toBe(counted.at(-1)!.count);
    const [used] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(used.lastUsedAt).not.toBeNull();
    await db.insert(apiRateWindows).values({ keyId: key.id, windowStart: sql`now() - interval '2 hours'`, count: 9 });
    await db.insert(apiIdempotency).values({ keyId: key.id, idempotencyKey: "old", requestHash: "h", createdAt: sql`now() - interval '2 days'` });
    await db.insert(apiIdempotency).values({ keyId: key.id, idempotencyKey: "new", requestHash: "h" });
    await pruneApiBookkeeping(db);
    const windows = await db.select().from(apiRateWindows).where(eq(apiRateWindows.keyId, key.id));
    expect(windows.every((w) => w.count !== 9)).toBe(true);
    expect((await db.select().from(apiIdempotency).where(eq(apiIdempotency.keyId, key.id))).map((r) => r.idempotencyKey)).toEqual(["new"]);
  });
});
