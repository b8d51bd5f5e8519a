import bcrypt from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { makeUser } from "@/db/test-builders";
import { env } from "@/lib/env";
import { checkLogin } from "./check-login";
import { hashPassword, unknownUserHash, verifyPassword } from "./password";

// The real bcrypt comparison, counted: how many passwords were actually checked.
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return { ...original, verifyPassword: vi.fn((password: string, hash: string) => original.verifyPassword(password, hash)) };
});

let handle: DatabaseHandle;
let passwordHash: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  passwordHash = await hashPassword("Bon-mot-de-passe1");
});
afterAll(() => handle.close());
beforeEach(() => {
  vi.mocked(verifyPassword).mockClear();
});

describe("checkLogin", () => {
  it("signs in with the right password", async () => {
    const user = await makeUser(handle.db, "admin", { email: "admin@test.fr", passwordHash });
    const outcome = await checkLogin(handle.db, { email: "Admin@Test.fr", password: "Bon-mot-de-passe1" }, "10.1.0.1");
    expect(outcome).toMatchObject({ kind: "signed-in", user: { id: user.id, role: "admin" } });
  });

  it("checks no more passwords than the rule allows when 30 attempts come at once", async () => {
    await makeUser(handle.db, "admin", { email: "cible@test.fr", passwordHash });
    const attempts = Array.from({ length: 30 }, (_, i) => checkLogin(handle.db, { email: "cible@test.fr", password: `faux-${i}` }, "10.1.0.2"));
    attempts.push(checkLogin(handle.db, { email: "cible@test.fr", password: "Bon-mot-de-passe1" }, "10.1.0.2"));
    const outcomes = await Promise.all(attempts);
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(env.LOGIN_MAX_FAILURES);
    expect(outcomes.filter((o) => o.kind === "wait").length).toBeGreaterThanOrEqual(31 - env.LOGIN_MAX_FAILURES);
  });

  it("still lets the real user in from another address", async () => {
    const outcome = await checkLogin(handle.db, { email: "cible@test.fr", password: "Bon-mot-de-passe1" }, "10.1.0.3");
    expect(outcome.kind).toBe("signed-in");
  });

  it("compares an unknown e-mail's password with a hash of the same cost, as for a real account", async () => {
    const outcome = await checkLogin(handle.db, { email: "personne@test.fr", password: "Bon-mot-de-passe1" }, "10.1.0.4");
    expect(outcome).toEqual({ kind: "refused" });
    expect(verifyPassword).toHaveBeenCalledExactlyOnceWith("Bon-mot-de-passe1", unknownUserHash);
    expect(bcrypt.getRounds(unknownUserHash)).toBe(bcrypt.getRounds(passwordHash));
  });

  it("compares the password of a deactivated account too, and refuses it", async () => {
    await makeUser(handle.db, "collector", { email: "parti@test.fr", passwordHash, active: false });
    const outcome = await checkLogin(handle.db, { email: "parti@test.fr", password: "Bon-mot-de-passe1" }, "10.1.0.5");
    expect(outcome).toEqual({ kind: "refused" });
    expect(verifyPassword).toHaveBeenCalledOnce();
  });
});
