import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { loadScope } from "./scope";
import { recordDailySnapshot } from "./snapshots";
import { teamPerformance } from "./team-performance";

const today = "2026-11-23";
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
  const a1 = await makeClient(db, entity.id, { collectorId: alice.id });
  const a2 = await makeClient(db, entity.id, { collectorId: alice.id });
  const b1 = await makeClient(db, entity.id, { collectorId: bob.id });
  const orphan = await makeClient(db, entity.id);

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
  // Open: Alice 400 overdue + 600 + 500.50 not due; Bob 80 + 120 overdue; nobody's 999 overdue.
  await makeDocument(db, a1.id, { amount: "400", issueDate: "2026-10-02", dueDate: "2026-11-01" });
  await makeDocument(db, a1.id, { amount: "600", issueDate: "2026-11-15", dueDate: "2026-12-15" });
  await makeDocument(db, a2.id, { amount: "500.50", issueDate: "2026-11-03", dueDate: "2026-12-03" });
  await makeDocument(db, b1.id, { amount: "80", issueDate: "2026-10-01", dueDate: "2026-10-31" });
  await makeDocument(db, b1.id, { amount: "120", issueDate: "2026-09-15", dueDate: "2026-10-15" });
  await makeDocument(db, orphan.id, { amount: "999", issueDate: "2026-09-15", dueDate: "2026-10-15" });
  await recordDailySnapshot(db, today);
});
afterAll(() => handle.close());

describe("team performance", () => {
  it("gives each active collector their actions, promises, settled invoices and portfolio over the period", async () => {
    const rows = await teamPerformance(handle.db, supervisor, today);
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

  it("gives each portfolio its DSO by countback", async () => {
    const [alice, bob] = await teamPerformance(handle.db, supervisor, today);
    // Alice: 1 500.50 owed; sales Nov 600 + 500.50 = 1 100.50 → 23 d, 400 left; Oct 400 → 31 d, nothing left: 54 d.
    expect(alice.dso).toBeCloseTo(54, 10);
    // Bob: 200 owed; Nov no sales → 23 d; Oct 80 → 31 d, 120 left; Sep 120 → 30 d: 84 d.
    expect(bob.dso).toBeCloseTo(84, 10);
  });

  it("keeps to the scope: a manager without entities sees the collectors with nothing", async () => {
    const rows = await teamPerformance(handle.db, manager, today);
    expect(rows.map((r) => [r.actionsTotal, r.promisesObtained, Number(r.settled), r.clients])).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });
});
