import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { homeKpis } from "./kpi";
import { loadScope } from "./scope";
import { recordDailySnapshot } from "./snapshots";

// D = 15/11/2026; 30 days before = 16/10/2026. The last full month before D is October (snapshots of 30/09 and 31/10).
const date = "2026-11-15";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const e1 = await makeEntity(db);
  const e2 = await makeEntity(db);
  ids.e1 = e1.id;
  for (const [key, role, entityIds] of [
    ["alice", "collector", []],
    ["bruno", "collector", []],
    ["admin", "admin", []],
    ["manager", "manager", [e2.id]],
  ] as const) {
    const user = await makeUser(db, role, { entityIds: [...entityIds] });
    ids[key] = user.id;
    scopes[key] = (await loadScope(db, user.id, date))!;
  }
  const a = await makeClient(db, e1.id, { collectorId: ids.alice });
  const b = await makeClient(db, e2.id, { collectorId: ids.bruno });
  const settled = { status: "settled" as const, openAmount: "0" };
  // Client A (alice, entity 1).
  await makeDocument(db, a.id, { number: "A1", issueDate: "2026-11-05", dueDate: "2026-12-05", amount: "2000.00" });
  await makeDocument(db, a.id, { number: "A2", issueDate: "2026-10-01", dueDate: "2026-10-31", amount: "1500.00", openAmount: "1000.00" });
  await makeDocument(db, a.id, { ...settled, number: "A3", type: "credit_note", issueDate: "2026-10-10", dueDate: "2026-10-10", settledDate: "2026-10-20", amount: "-500.00" });
  await makeDocument(db, a.id, { ...settled, number: "A4", issueDate: "2026-09-10", dueDate: "2026-10-20", settledDate: "2026-11-02", amount: "800.00" });
  // Client B (bruno, entity 2).
  await makeDocument(db, b.id, { number: "B1", issueDate: "2026-08-01", dueDate: "2026-08-31", amount: "2000.00" });
  await makeDocument(db, b.id, { ...settled, number: "B2", issueDate: "2026-09-01", dueDate: "2026-10-01", settledDate: "2026-10-10", amount: "600.00" });
  // Snapshots rebuilt for past days, in order, so the clients' balances end as of D.
  for (const day of ["2026-09-30", "2026-10-16", "2026-10-31", date]) await recordDailySnapshot(db, day);
});
afterAll(() => handle.close());

describe("homeKpis", () => {
  it("computes every indicator of the whole book for an admin", async () => {
    const kpis = await homeKpis(handle.db, scopes.admin, date);
    // Encours = A (A1 2 000 + A2 1 000) + B (B1 2 000) = 5 000; échu = A2 1 000 + B1 2 000 = 3 000; non échu 2 000.
    expect(kpis.current).toMatchObject({ outstanding: "5000.00", overdue: "3000.00", notDue: "2000.00" });
    expect(kpis.current.overdueShare).toBeCloseTo(0.6, 10);
    // Sales: Nov A1 2 000; Oct A2 1 500 − A3 500 = 1 000; Sep A4 800 + B2 600 = 1 400; Aug B1 2 000.
    // DSO: 5 000 − Nov 2 000 → 15 d, 3 000; − Oct 1 000 → 46 d, 2 000; − Sep 1 400 → 76 d, 600;
    // Aug: 600 / 2 000 × 31 = 9.3 → 85.3. BPDSO on 2 000 = Nov exactly → 15. ADD = 70.3.
    expect(kpis.current.dso).toBeCloseTo(85.3, 10);
    expect(kpis.current.bpdso).toBeCloseTo(15, 10);
    expect(kpis.current.add).toBeCloseTo(70.3, 10);
    // DBT: A2 1 000 × 15 d (31/10 → 15/11) + B1 2 000 × 76 d (31/08 → 15/11) = 167 000, / 3 000.
    expect(kpis.current.dbt).toBeCloseTo(167_000 / 3_000, 10);
    // CEI October: opening 30/09 = A4 800 + B1 2 000 + B2 600 = 3 400; closing 31/10 = A2 1 000 + A4 800 + B1 2 000
    // = 3 800, of which non échu A2 1 000 (due that day). (3 400 + 1 000 − 3 800) / (3 400 + 1 000 − 1 000) × 100.
    expect(kpis.ceiMonth).toBe("2026-10");
    expect(kpis.current.cei).toBeCloseTo((600 / 3400) * 100, 10);
    // Recovery 17/10–15/11: due A2 1 500 + A4 800 = 2 300; settled A2's paid 500 + A4 800 = 1 300.
    expect(kpis.current.recoveryRate).toBeCloseTo(1300 / 2300, 10);
  });

  it("reads the figures of 30 days before from that day's snapshot", async () => {
    const { previous, previousDate } = await homeKpis(handle.db, scopes.admin, date);
    expect(previousDate).toBe("2026-10-16");
    // 16/10: A2 1 000 (not due), A3 −500 (6 d late), A4 800 (not due), B1 2 000 (late): 3 300, échu 1 500, non échu 1 800.
    expect(previous).toMatchObject({ outstanding: "3300.00", overdue: "1500.00", notDue: "1800.00" });
    // Sales up to 16/10: Oct 1 000, Sep 1 400, Aug 2 000. DSO: 3 300 − 1 000 → 16 d, 2 300; − 1 400 → 46 d, 900;
    // Aug 900 / 2 000 × 31 = 13.95 → 59.95. BPDSO: 1 800 − 1 000 → 16, 800; Sep 800 / 1 400 × 30 → 16 + 120/7.
    expect(previous!.dso).toBeCloseTo(59.95, 10);
    expect(previous!.bpdso).toBeCloseTo(16 + 120 / 7, 10);
    expect(previous!.add).toBeCloseTo(59.95 - 16 - 120 / 7, 10);
    // DBT 16/10: only B1, 2 000 × 46 d (31/08 → 16/10). The overdue credit note A3 is not an invoice.
    expect(previous!.dbt).toBeCloseTo(46, 10);
    // Recovery 17/09–16/10: B2 600 due 01/10, settled 10/10 → 100 %.
    expect(previous!.recoveryRate).toBe(1);
    // CEI of September needs the snapshot of 31/08, never recorded.
    expect(previous!.cei).toBeNull();
  });

  it("says nothing of 30 days before when that day has no snapshot", async () => {
    expect((await homeKpis(handle.db, scopes.admin, "2026-11-16")).previous).toBeNull();
  });

  it("keeps a collector to their own clients", async () => {
    const { current, previous } = await homeKpis(handle.db, scopes.alice, date);
    // A only: 3 000, échu 1 000. Sales Nov 2 000, Oct 1 000: 3 000 → 15 d, 1 000 → + 31 = 46, nothing left.
    expect(current).toMatchObject({ outstanding: "3000.00", overdue: "1000.00", notDue: "2000.00" });
    expect(current.dso).toBeCloseTo(46, 10);
    expect(current.bpdso).toBeCloseTo(15, 10);
    expect(current.dbt).toBeCloseTo(15, 10);
    // CEI October for A: (800 + 1 000 − 1 800) / (800 + 1 000 − 1 000) = 0 %.
    expect(current.cei).toBe(0);
    // 16/10 for A: 1 000 − 500 + 800 = 1 300, échu −500 (the credit note). DSO: 1 300 − Oct 1 000 → 16 d, 300;
    // Sep 300 / 800 × 30 = 11.25 → 27.25. No invoice overdue nor due then.
    expect(previous).toMatchObject({ outstanding: "1300.00", overdue: "-500.00", notDue: "1800.00", dbt: null, recoveryRate: null });
    expect(previous!.dso).toBeCloseTo(27.25, 10);

    const bruno = await homeKpis(handle.db, scopes.bruno, date);
    // B only: 2 000 all échu. Nov and Oct have no sales → 15 + 31 = 46 d; Sep 600 → 76 d, 1 400;
    // Aug 1 400 / 2 000 × 31 = 21.7 → 97.7. DBT = 76.
    expect(bruno.current).toMatchObject({ outstanding: "2000.00", overdue: "2000.00", notDue: "0.00", bpdso: 0 });
    expect(bruno.current.dso).toBeCloseTo(97.7, 10);
    expect(bruno.current.dbt).toBeCloseTo(76, 10);
  });

  it("narrows to one entity, and a manager to their entities", async () => {
    const entity1 = await homeKpis(handle.db, scopes.admin, date, ids.e1);
    expect(entity1.current).toMatchObject({ outstanding: "3000.00", overdue: "1000.00" });
    const manager = await homeKpis(handle.db, scopes.manager, date);
    expect(manager.current).toMatchObject({ outstanding: "2000.00", overdue: "2000.00" });
    // Entity 1 is not the manager's: nothing there.
    expect((await homeKpis(handle.db, scopes.manager, date, ids.e1)).current).toMatchObject({ outstanding: "0.00", dso: 0, dbt: null });
  });
});
