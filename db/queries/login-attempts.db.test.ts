import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { markLoginSucceeded, startLoginAttempt } from "./login-attempts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const rule = { maxFailures: 5, windowMinutes: 15 };
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function failures(email: string, ip: string, at: Date[]) {
  await handle.db.insert(loginAttempts).values(at.map((when) => ({ email, ip, succeeded: false, at: when })));
}

describe("startLoginAttempt", () => {
  it("records the attempt as a failure before anything is checked", async () => {
    const start = await startLoginAttempt(handle.db, "a@test.fr", "10.0.0.1", rule);
    expect(start.attemptId).toBeTypeOf("number");
    const [row] = await handle.db.select().from(loginAttempts).where(eq(loginAttempts.id, start.attemptId!));
    expect(row).toMatchObject({ email: "a@test.fr", ip: "10.0.0.1", succeeded: false });
  });

  it("makes the attempt after too many recent failures wait, and records nothing for it", async () => {
    await failures("b@test.fr", "10.0.0.2", [minutesAgo(20), minutesAgo(4), minutesAgo(3), minutesAgo(2), minutesAgo(1), minutesAgo(0.1)]);
    const start = await startLoginAttempt(handle.db, "b@test.fr", "10.0.0.2", rule);
    // 5 failures in the window (the one 20 minutes ago is out of it), the last 6 seconds ago: 30 s less 6 s.
    expect(start.waitSeconds).toBeGreaterThan(20);
    expect(start.waitSeconds).toBeLessThanOrEqual(24);
    const rows = await handle.db.select().from(loginAttempts).where(eq(loginAttempts.email, "b@test.fr"));
    expect(rows).toHaveLength(6);
  });

  it("keys the failures on the e-mail and the address together", async () => {
    await failures("c@test.fr", "10.0.0.3", Array.from({ length: 8 }, () => minutesAgo(0.1)));
    expect((await startLoginAttempt(handle.db, "c@test.fr", "10.0.0.3", rule)).waitSeconds).toBeGreaterThan(0);
    // The same account from another address, and another account from the same address, are not slowed down.
    expect((await startLoginAttempt(handle.db, "c@test.fr", "10.0.0.4", rule)).attemptId).toBeDefined();
    expect((await startLoginAttempt(handle.db, "d@test.fr", "10.0.0.3", rule)).attemptId).toBeDefined();
  });

  it("forgets the failures that came before a success from the same address", async () => {
    await failures("e@test.fr", "10.0.0.5", [minutesAgo(3), minutesAgo(2), minutesAgo(1), minutesAgo(0.5)]);
    const good = await startLoginAttempt(handle.db, "e@test.fr", "10.0.0.5", rule);
    await markLoginSucceeded(handle.db, good.attemptId!);
    const [row] = await handle.db.select().from(loginAttempts).where(eq(loginAttempts.id, good.attemptId!));
    expect(row.succeeded).toBe(true);
    for (let i = 0; i < 5; i++) expect((await startLoginAttempt(handle.db, "e@test.fr", "10.0.0.5", rule)).attemptId).toBeDefined();
    expect((await startLoginAttempt(handle.db, "e@test.fr", "10.0.0.5", rule)).waitSeconds).toBe(30);
  });

  it("lets exactly the allowed number of parallel attempts through", async () => {
    const starts = await Promise.all(Array.from({ length: 30 }, () => startLoginAttempt(handle.db, "f@test.fr", "10.0.0.6", rule)));
    expect(starts.filter((s) => s.attemptId !== undefined)).toHaveLength(5);
    const rows = await handle.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, "f@test.fr"), eq(loginAttempts.ip, "10.0.0.6")));
    expect(rows).toHaveLength(5);
  });
});
