import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions, disputes, tasks } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { salesSummary } from "./sales-summary";
import { loadScope } from "./scope";

const today = "2026-12-04";
let handle: DatabaseHandle;
let rep: Scope;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const repUser = await makeUser(db, "sales");
  const otherRep = await makeUser(db, "sales");
  const collector = await makeUser(db, "collector");
  rep = (await loadScope(db, repUser.id, today))!;
  const mine = (extra: Parameters<typeof makeClient>[2]) => makeClient(db, entity.id, { salesRepId: repUser.id, ...extra });
  // A and D have a credit limit; B has none and C a zero limit, so both stay out of the credit ratio.
  ids.a = (await mine({ name: "Alpha", outstanding: "1000.00", overdue: "400.00", creditLimit: "2000.00" })).id;
  ids.b = (await mine({ name: "Bravo", outstanding: "500.00", overdue: "500.00" })).id;
  ids.c = (await mine({ name: "Charlie", outstanding: "300.00", overdue: "0", creditLimit: "0" })).id;
  ids.d = (await mine({ name: "Delta", outstanding: "1500.00", overdue: "100.00", creditLimit: "1000.00" })).id;
  ids.e = (await makeClient(db, entity.id, { salesRepId: otherRep.id, outstanding: "9000.00", overdue: "9000.00", creditLimit: "100.00" })).id;

  await db.insert(disputes).values([
    { clientId: ids.a, reason: "Prix", status: "open", amount: "120.00" },
    { clientId: ids.b, reason: "Livraison", status: "in_progress", amount: "80.00" },
    { clientId: ids.d, reason: "Qualité", status: "waiting_customer" },
    { clientId: ids.a, reason: "Réglé", status: "resolved", amount: "999.00" },
    { clientId: ids.b, reason: "Clos", status: "closed", amount: "999.00" },
    { clientId: ids.e, reason: "Autre portefeuille", status: "open", amount: "5000.00" },
  ]);

  await db.insert(tasks).values([
    { clientId: ids.a, kind: "appeler", dueDate: "2026-12-10", assigneeId: repUser.id },
    { clientId: ids.b, kind: "obtenir_justificatif", dueDate: "2026-12-05", assigneeId: repUser.id },
    { clientId: ids.a, kind: "relancer", dueDate: "2026-12-01", assigneeId: repUser.id, status: "done" },
    { clientId: ids.a, kind: "relancer", dueDate: "2026-12-01", assigneeId: repUser.id, status: "cancelled" },
    { clientId: ids.a, kind: "appeler", dueDate: "2026-12-01", assigneeId: collector.id },
  ]);

  // Eleven calls done on Alpha from 1 to 11 November, an e-mail sent to Bravo on the 20th, a planned call, and a
  // later call on the other rep's client.
  const action = { type: "call" as const, mode: "manual" as const, plannedDate: "2026-11-01" };
  await db.insert(actions).values([
    ...Array.from({ length: 11 }, (_, i) => ({
      ...action,
      clientId: ids.a,
      status: "done" as const,
      outcome: `Appel ${i + 1}`,
      doneAt: new Date(`2026-11-${String(i + 1).padStart(2, "0")}T10:00:00Z`),
    })),
    { ...action, type: "email" as const, clientId: ids.b, status: "sent" as const, sentAt: new Date("2026-11-20T09:00:00Z") },
    { ...action, clientId: ids.a, status: "planned" as const },
    { ...action, clientId: ids.e, status: "done" as const, doneAt: new Date("2026-11-30T09:00:00Z") },
  ]);
});
afterAll(() => handle.close());

describe("sales rep summary", () => {
  it("sums the balances of the rep's clients and the credit used over the clients with a limit", async () => {
    const summary = await salesSummary(handle.db, rep);
    // 1 000 + 500 + 300 + 1 500 = 3 300 owed, 400 + 500 + 0 + 100 = 1 000 overdue.
    expect(summary).toMatchObject({ clients: 4, outstanding: "3300.00", overdue: "1000.00" });
    // Alpha and Delta only: (1 000 + 1 500) / (2 000 + 1 000) = 2 500 / 3 000.
    expect(summary).toMatchObject({ outstandingWithLimit: "2500.00", creditLimit: "3000.00" });
    expect(summary.creditUsed).toBeCloseTo(2500 / 3000, 10);
  });

  it("counts the open, in-progress and waiting disputes of the rep's clients", async () => {
    // 120 + 80 + nothing for the case without an amount; resolved, closed and the other rep's are left out.
    expect((await salesSummary(handle.db, rep)).disputes).toEqual({ count: 3, amount: "200.00" });
  });

  it("lists the rep's own open tasks, soonest first", async () => {
    const { tasks: mine } = await salesSummary(handle.db, rep);
    expect(mine.total).toBe(2);
    expect(mine.rows.map((t) => [t.clientName, t.dueDate])).toEqual([
      ["Bravo", "2026-12-05"],
      ["Alpha", "2026-12-10"],
    ]);
  });

  it("shows the ten latest actions done or sent on the rep's clients", async () => {
    const recent = (await salesSummary(handle.db, rep)).recentActions;
    expect(recent).toHaveLength(10);
    // The e-mail of the 20th first, then the calls of 11 down to 3 November.
    expect(recent[0]).toMatchObject({ type: "email", clientName: "Bravo", status: "sent" });
    expect(recent[0].at).toEqual(new Date("2026-11-20T09:00:00Z"));
    expect(recent.slice(1).map((a) => a.outcome)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3].map((n) => `Appel ${n}`));
  });

  it("has no credit ratio when no client has a limit", async () => {
    const { db } = handle;
    const lonely = await makeUser(db, "sales");
    await makeClient(db, (await makeEntity(db)).id, { salesRepId: lonely.id, outstanding: "10.00" });
    const summary = await salesSummary(db, (await loadScope(db, lonely.id, today))!);
    expect(summary).toMatchObject({ clients: 1, outstanding: "10.00", creditLimit: "0.00", creditUsed: null });
    expect(summary.disputes).toEqual({ count: 0, amount: "0.00" });
    expect(summary.recentActions).toEqual([]);
  });
});
