import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { countClients, getClient, listClients, searchClients } from "./clients";
import { loadScope } from "./scope";
import { listUsers, revokeSessions, setAbsence, transferPortfolio } from "./users";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const north = await makeEntity(db, "NORD");
  const south = await makeEntity(db, "SUD");
  const users = {
    admin: await makeUser(db, "admin"),
    supervisor: await makeUser(db, "supervisor"),
    alice: await makeUser(db, "collector"),
    bruno: await makeUser(db, "collector"),
    sales: await makeUser(db, "sales"),
    manager: await makeUser(db, "manager", { entityIds: [south.id] }),
  };
  for (const [k, u] of Object.entries(users)) ids[k] = u.id;
  ids.c1 = (await makeClient(db, north.id, { name: "Alpha Bâtiment", collectorId: users.alice.id, salesRepId: users.sales.id })).id;
  ids.c2 = (await makeClient(db, north.id, { name: "Alpha Services", collectorId: users.alice.id })).id;
  ids.c3 = (await makeClient(db, south.id, { name: "Bêta Transports", collectorId: users.bruno.id, salesRepId: users.sales.id })).id;
  ids.c4 = (await makeClient(db, south.id, { name: "Gamma Négoce" })).id;
});

afterAll(() => handle.close());

async function visibleIds(userKey: string) {
  const scope = (await loadScope(handle.db, ids[userKey], today))!;
  const { rows } = await listClients(handle.db, scope, {}, { key: "name", order: "asc" }, today, { page: 1, pageSize: 50 });
  return rows.map((r) => r.id).sort();
}

describe("data scope", () => {
  it("gives each role exactly its clients", async () => {
    expect(await visibleIds("admin")).toEqual([ids.c1, ids.c2, ids.c3, ids.c4].sort());
    expect(await visibleIds("supervisor")).toHaveLength(4);
    expect(await visibleIds("alice")).toEqual([ids.c1, ids.c2].sort());
    expect(await visibleIds("bruno")).toEqual([ids.c3]);
    expect(await visibleIds("sales")).toEqual([ids.c1, ids.c3].sort());
    expect(await visibleIds("manager")).toEqual([ids.c3, ids.c4].sort());
  });

  it("answers not found for a client outside the scope, in reads, counts and search", async () => {
    const bruno = (await loadScope(handle.db, ids.bruno, today))!;
    expect(await getClient(handle.db, bruno, ids.c1)).toBeNull();
    expect((await getClient(handle.db, bruno, ids.c3))?.client.id).toBe(ids.c3);
    expect(await countClients(handle.db, bruno)).toBe(1);
    expect((await searchClients(handle.db, bruno, "Alpha")).total).toBe(0);
    const alice = (await loadScope(handle.db, ids.alice, today))!;
    const found = await searchClients(handle.db, alice, "alpha");
    expect(found.total).toBe(2);
  });

  it("lets a collector see a colleague's portfolio only during the absence they cover", async () => {
    await setAbsence(handle.db, ids.alice, { from: "2026-11-20", to: "2026-11-30", coveringUserId: ids.bruno });
    const during = (await loadScope(handle.db, ids.bruno, today))!;
    expect(await countClients(handle.db, during)).toBe(3);
    const after = (await loadScope(handle.db, ids.bruno, "2026-12-01"))!;
    expect(await countClients(handle.db, after)).toBe(1);
    await setAbsence(handle.db, ids.alice, null);
    expect(await countClients(handle.db, (await loadScope(handle.db, ids.bruno, today))!)).toBe(1);
  });

  it("moves a whole portfolio and the old collector loses sight of it", async () => {
    const sizes = async () => new Map((await listUsers(handle.db)).map((u) => [u.id, u.portfolioSize]));
    expect((await sizes()).get(ids.alice)).toBe(2);
    expect(await transferPortfolio(handle.db, ids.alice, ids.bruno, ids.admin)).toBe(2);
    // Each client moved says so in its history.
    const recorded = await handle.db.select().from(auditLog).where(eq(auditLog.action, "client.assign"));
    expect(recorded.map((r) => [r.targetId, r.userId, r.details]).sort()).toEqual(
      [ids.c1, ids.c2].sort().map((id) => [id, ids.admin, { assignment: "collector", from: ids.alice, to: ids.bruno, transfer: true }]),
    );
    expect((await sizes()).get(ids.bruno)).toBe(3);
    expect(await visibleIds("alice")).toEqual([]);
    expect(await visibleIds("bruno")).toEqual([ids.c1, ids.c2, ids.c3].sort());
  });

  it("refuses a session opened before the user logged out, and accepts the next one", async () => {
    const openedBefore = Date.now() - 1000;
    expect(await loadScope(handle.db, ids.sales, today, openedBefore)).not.toBeNull();
    await revokeSessions(handle.db, ids.sales);
    expect(await loadScope(handle.db, ids.sales, today, openedBefore)).toBeNull();
    expect(await loadScope(handle.db, ids.sales, today, Date.now() + 1000)).not.toBeNull();
  });

  it("gives no scope to an unknown user", async () => {
    expect(await loadScope(handle.db, "00000000-0000-0000-0000-000000000000", today)).toBeNull();
  });
});
