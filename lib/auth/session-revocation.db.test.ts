import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { revokeSessions } from "@/db/queries/users";
import { users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { makeUser } from "@/db/test-builders";
import { handlers } from "./config";
import { authSecret } from "./secret";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
});
afterAll(() => handle.close());

const cookieName = "authjs.session-token";

/** What the browser's /api/auth/session call answers for a session cookie opened at `loginAt`. */
async function sessionFor(userId: string, loginAt: number) {
  const token = await encode({ token: { uid: userId, role: "admin", loginAt, sub: userId }, secret: authSecret(), salt: cookieName });
  const response = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie: `${cookieName}=${token}` } }));
  return { body: await response.json(), cookies: response.headers.getSetCookie() };
}

describe("/api/auth/session", () => {
  it("answers the user of an open session", async () => {
    const user = await makeUser(handle.db, "admin");
    const { body } = await sessionFor(user.id, Date.now());
    expect(body.user).toMatchObject({ id: user.id, role: "admin" });
  });

  it("answers no user once the user logged out, and clears the cookie", async () => {
    const user = await makeUser(handle.db, "collector");
    const loginAt = Date.now() - 1000;
    await revokeSessions(handle.db, user.id);
    const { body, cookies } = await sessionFor(user.id, loginAt);
    expect(body?.user).toBeUndefined();
    expect(cookies.some((c) => c.startsWith(`${cookieName}=;`))).toBe(true);
    // A session opened after the logout is a new one.
    expect((await sessionFor(user.id, Date.now() + 1000)).body.user.id).toBe(user.id);
  });

  it("answers no user once the user was deactivated", async () => {
    const user = await makeUser(handle.db, "sales");
    await handle.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const { body } = await sessionFor(user.id, Date.now());
    expect(body?.user).toBeUndefined();
  });
});
