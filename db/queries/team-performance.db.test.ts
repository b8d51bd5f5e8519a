import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { loadScope } from "./scope";
import { teamPerformance } from "./team-performance";

const today = "2026-11-23";
const period = { from: "2026-10-25", to: today };
let handle: DatabaseHandle;
let supervisor: Scope;
let manager: Scope;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector", { name: "Alice Martin" });
  const bob = await makeUser(db, "collector", { name: "Bob Durand" });
  await makeUser(db, "collector", { name: "Zoé Partie", active: false });
  supervisor = (await loadScope(db, (await makeUser(db, "supervisor")).id, today))!;
  manager = (await loadScope(db, (await makeUser(db, "manager")).id, today))!;
  const a1 = await makeClient(db, entity.id, { collectorId: alice.id, outstanding: "1000", overdue: "400" });
  const a2 = await makeClient(db, entity.id, { collectorId: alice.id, outstanding: "500.50", overdue: "0" });
  const b1 = await makeClient(db, entity.id, { collectorId: bob.id, outstanding: "200", overdue: "200" });
  const orphan = await makeClient(db, entity.id, { outstanding: "999", overdue: "999" });

  const base = { mode: "manual" as const, plannedDate: "2026-11-01" };
  await db.insert(actions).values([
    { ...base, clientId: a1.id, type: "call", status: "done", doneById: alice.id, doneAt: new Date("2026-11-20T10:00:00Z") },
    // Before the period.
    { ...base, clientId: a1.id, type: "call", status: "done", doneById: alice.id, doneAt: new Date("2026-10-20T10:00:00Z") },
    // Sent by the engine: counts for the client's collector.
    { ...base, clientId: a1.id, type: "email", mode: "automatic", status: "sent", sentAt: new Date("2026-11-10T06:00:00Z") },
    // Bob covering Alice's client: counts for Bob.
    { ...base, clientId: a2.id, type: "letter", status: "done", doneById: bob.id, doneAt: new Date("2026-11-01T09:00:00Z") },
    { ...base, clientId: a1.id, type: "call", status: "planned", assignedUserId: alice.id },
    // 00:30 on the 24th in Paris: after the period.
    { ...base, clientId: b1.id, type: "call", status: "done", doneById: bob.id, doneAt: new Date("2026-11-23T23:30:00Z") },
    { ...base, clientId: b1.id, type: "email", status: "cancelled", assignedUserId: bob.id },
  ]);
  await db.insert(promises).values([
    { clientId: a1.id, promisedDate: "2026-11-12", amount: "300", status: "kept", createdById: alice.id, createdAt: new Date("2026-11-05T10:00:00Z") },
    { clientId: a1.id, promisedDate: "2026-11-30", amount: "100", status: "pending", createdById: alice.id, createdAt: new Date("2026-11-15T10:00:00Z") },
    { clientId: a2.id, promisedDate: "2026-09-10", amount: "50", status: "kept", createdById: alice.id, createdAt: new Date("2026-09-01T10:00:00Z") },
    { clientId: b1.id, promisedDate: "2026-11-10", amount: "80", status: "broken", createdById: bob.id, createdAt: new Date("2026-11-02T10:00:00Z") },
  ]);
  const settled = (clientId: string, amount: string, settledDate: string, type: "invoice" | "credit_note" = "invoice") =>
    makeDocument(db, clientId, { amount, openAmount: "0", issueDate: "2026-09-01", dueDate: "2026-10-01", status: "settled", settledDate, type });
  await settled(a1.id, "300", "2026-11-10");
  await settled(a2.id, "120.25", "2026-11-22");
  await settled(a1.id, "50", "2026-10-01");
  await settled(a1.id, "-30", "2026-11-10", "credit_note");
  await settled(orphan.id, "1000", "2026-11-10");
  await makeDocument(db, b1.id, { amount: "80", issueDate: "2026-10-01", dueDate: "2026-10-31" });
});
afterAll(() => handle.close());

describe("team performance", () => {
  it("gives each active collector their actions, promises, settled invoices and portfolio over the period", async () => {
    const rows = await teamPerformance(handle.db, supervisor, period);
    expect(rows.map((r) => r.name)).toEqual(["Alice Martin", "Bob Durand"]);
    const [alice, bob] = rows;
    expect(alice).toMatchObject({
      actions: { call: 1, email: 1 },
      actionsTotal: 2,
      calls: 1,
      promisesObtained: 2,
      promisesKept: 1,
      settledDocuments: 2,
      clients: 2,
    });
    expect([alice.settled, alice.outstanding, alice.overdue].map(Number)).toEqual([420.25, 1500.5, 400]);
    expect(bob).toMatchObject({ actions: { letter: 1 }, actionsTotal: 1, calls: 0, promisesObtained: 1, promisesKept: 0, settledDocuments: 0, clients: 1 });
    expect([bob.settled, bob.outstanding, bob.overdue].map(Number)).toEqual([0, 200, 200]);
  });

  it("keeps to the scope: a manager without entities sees the collectors with nothing", async () => {
    const rows = await teamPerformance(handle.db, manager, period);
    expect(rows.map((r) => [r.actionsTotal, r.promisesObtained, Number(r.settled), r.clients])).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });
});
