import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { listMyPendingActions } from "./actions";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<"alice" | "sup" | "admin", Scope> = {} as never;
const entityIds: Record<"north" | "south", string> = {} as never;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const north = await makeEntity(db);
  const south = await makeEntity(db);
  Object.assign(entityIds, { north: north.id, south: south.id });
  const alice = await makeUser(db, "collector");
  const bruno = await makeUser(db, "collector");
  const sup = await makeUser(db, "supervisor");
  const admin = await makeUser(db, "admin");
  const mine = await makeClient(db, north.id, { collectorId: alice.id, name: "Alpha Bâtiment" });
  const brunos = await makeClient(db, south.id, { collectorId: bruno.id, name: "Bravo Transports" });
  const call = { type: "call", mode: "manual", amountCovered: "100.00" } as const;
  await db.insert(actions).values([
    { ...call, clientId: mine.id, assignedUserId: alice.id, plannedDate: today, status: "planned" },
    { ...call, clientId: mine.id, assignedUserId: alice.id, plannedDate: today, status: "planned", amountCovered: "2500.00" },
    { ...call, clientId: mine.id, assignedUserId: alice.id, plannedDate: "2026-11-20", status: "to_confirm", type: "letter", mode: "automatic_to_confirm" },
    // Handed to Alice by a supervisor, on Bruno's client.
    { ...call, clientId: brunos.id, assignedUserId: alice.id, plannedDate: "2026-11-18", status: "planned" },
    // Not pending, not due yet, or not hers.
    { ...call, clientId: mine.id, assignedUserId: alice.id, plannedDate: "2026-11-24", status: "planned" },
    { ...call, clientId: mine.id, assignedUserId: alice.id, plannedDate: "2026-11-19", status: "done" },
    { ...call, clientId: mine.id, assignedUserId: alice.id, plannedDate: "2026-11-19", status: "scheduled", type: "email", mode: "automatic" },
    { ...call, clientId: brunos.id, assignedUserId: bruno.id, plannedDate: today, status: "planned" },
    // Sends in error are the collector's to fix; awaiting confirmation is for whoever may confirm.
    { ...call, clientId: mine.id, assignedUserId: alice.id, plannedDate: "2026-11-21", status: "error", type: "email", mode: "automatic", amountCovered: "40.00" },
    { ...call, clientId: brunos.id, assignedUserId: admin.id, plannedDate: "2026-11-22", status: "to_confirm", type: "letter", mode: "automatic_to_confirm" },
  ]);
  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.sup = (await loadScope(db, sup.id, today))!;
  scopes.admin = (await loadScope(db, admin.id, today))!;
});
afterAll(() => handle.close());

describe("my pending actions", () => {
  it("lists the user's actions due, oldest then largest first, those handed over on a colleague's client included but not openable", async () => {
    const { rows, total } = await listMyPendingActions(handle.db, scopes.alice, today);
    // The letter to confirm of 20/11 is not hers to act on: a collector cannot confirm.
    expect(total).toBe(4);
    expect(rows.map((r) => [r.plannedDate, r.amountCovered, r.clientName, r.clientOpen])).toEqual([
      ["2026-11-18", "100.00", "Bravo Transports", false],
      ["2026-11-21", "40.00", "Alpha Bâtiment", true],
      [today, "2500.00", "Alpha Bâtiment", true],
      [today, "100.00", "Alpha Bâtiment", true],
    ]);
  });

  it("narrows to one société, and shows nobody else's actions", async () => {
    const south = await listMyPendingActions(handle.db, scopes.alice, today, entityIds.south);
    expect(south.rows.map((r) => r.clientName)).toEqual(["Bravo Transports"]);
    expect(await listMyPendingActions(handle.db, scopes.sup, today)).toEqual({ rows: [], total: 0 });
  });

  it("lists actions to confirm for those who may confirm them", async () => {
    const { rows, total } = await listMyPendingActions(handle.db, scopes.admin, today);
    expect(total).toBe(1);
    expect(rows.map((r) => [r.status, r.plannedDate])).toEqual([["to_confirm", "2026-11-22"]]);
  });
});
