import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { alertNamesByClient, createAlert, deleteAlert, getAlert, listAlertClients, listAlerts, nameTaken, updateAlert } from "./alerts";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<"alice" | "admin", Scope> = {} as never;
const bigOverdue = { name: "Gros échu", criteria: [{ field: "overdue", operator: "gt", value: "50 000" }] };
const overLimit = { name: "Limite dépassée", criteria: [{ field: "creditLimitExceeded", operator: "eq", value: "true" }] };

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector");
  const bruno = await makeUser(db, "collector");
  const admin = await makeUser(db, "admin");
  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.admin = (await loadScope(db, admin.id, today))!;
  const client = async (key: string, values: Parameters<typeof makeClient>[2]) => (ids[key] = (await makeClient(db, entity.id, values)).id);
  await client("big", { name: "Alpha", collectorId: alice.id, outstanding: "70000.00", overdue: "60000.00" });
  await client("over", { name: "Bravo", collectorId: alice.id, outstanding: "1000.00", overdue: "1000.00", creditLimit: "500" });
  await client("small", { name: "Charlie", collectorId: alice.id, outstanding: "100.00", overdue: "0.00" });
  await client("brunos", { name: "Delta", collectorId: bruno.id, outstanding: "90000.00", overdue: "80000.00" });
  ids.aliceBig = await createAlert(db, scopes.alice, bigOverdue);
  ids.aliceOver = await createAlert(db, scopes.alice, overLimit);
  ids.adminBig = await createAlert(db, scopes.admin, bigOverdue);
});
afterAll(() => handle.close());

describe("alerts", () => {
  it("count each alert's clients and overdue within the user's own scope", async () => {
    expect(await listAlerts(handle.db, scopes.alice, today)).toMatchObject([
      { name: "Gros échu", clients: 1, overdue: "60000.00" },
      { name: "Limite dépassée", clients: 1, overdue: "1000.00" },
    ]);
    expect(await listAlerts(handle.db, scopes.admin, today)).toMatchObject([{ name: "Gros échu", clients: 2, overdue: "140000.00" }]);
  });

  it("list the matching clients most overdue first, never another portfolio's", async () => {
    const mine = await listAlertClients(handle.db, scopes.alice, bigOverdue.criteria, today);
    expect(mine.map((c) => c.name)).toEqual(["Alpha"]);
    const all = await listAlertClients(handle.db, scopes.admin, bigOverdue.criteria, today);
    expect(all.map((c) => c.name)).toEqual(["Delta", "Alpha"]);
  });

  it("flag the clients of a list with the names of the alerts they meet", async () => {
    const flags = await alertNamesByClient(handle.db, scopes.alice, [ids.big, ids.over, ids.small, ids.brunos], today);
    expect(Object.fromEntries(flags)).toEqual({ [ids.big]: ["Gros échu"], [ids.over]: ["Limite dépassée"] });
    expect((await alertNamesByClient(handle.db, scopes.alice, [], today)).size).toBe(0);
  });

  it("belong to their author alone", async () => {
    expect(await getAlert(handle.db, scopes.admin, ids.aliceBig)).toBeNull();
    expect(await updateAlert(handle.db, scopes.admin, ids.aliceBig, { name: "Pris", criteria: [] })).toBe(false);
    expect(await deleteAlert(handle.db, scopes.admin, ids.aliceOver)).toBe(false);
    expect(await nameTaken(handle.db, scopes.alice, "gros échu")).toBe(true);
    expect(await nameTaken(handle.db, scopes.alice, "Gros échu", ids.aliceBig)).toBe(false);
    expect(await deleteAlert(handle.db, scopes.alice, ids.aliceOver)).toBe(true);
    expect((await listAlerts(handle.db, scopes.alice, today)).map((a) => a.name)).toEqual(["Gros échu"]);
  });
});
