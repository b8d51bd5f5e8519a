import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { recentLoginFailures, recordLoginAttempt } from "./login-attempts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("login rate limiting", () => {
  it("counts failures within the window only", async () => {
    const { db } = handle;
    const now = Date.now();
    await db.insert(loginAttempts).values([
      { email: "a@test.fr", succeeded: false, at: new Date(now - 20 * 60_000) },
      { email: "a@test.fr", succeeded: false, at: new Date(now - 60_000) },
      { email: "b@test.fr", succeeded: false, at: new Date(now - 60_000) },
    ]);
    await recordLoginAttempt(db, "a@test.fr", false);
    expect(await recentLoginFailures(db, "a@test.fr", new Date(now - 15 * 60_000))).toBe(2);
    expect(await recentLoginFailures(db, "c@test.fr", new Date(now - 15 * 60_000))).toBe(0);
  });

  it("forgets failures that came before a successful login", async () => {
    const { db } = handle;
    const since = new Date(Date.now() - 15 * 60_000);
    await recordLoginAttempt(db, "b@test.fr", true);
    expect(await recentLoginFailures(db, "b@test.fr", since)).toBe(0);
    await recordLoginAttempt(db, "b@test.fr", false);
    expect(await recentLoginFailures(db, "b@test.fr", since)).toBe(1);
  });
});
