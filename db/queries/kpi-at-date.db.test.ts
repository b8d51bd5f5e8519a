import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/testing";
import type { DatabaseHandle } from "@/db/client";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import type { Scope } from "@/lib/auth/scope";
import { agedBalanceBuckets } from "./aged-balance";
import { homeTrend, lastMonthEnds } from "./home-trend";
import { homeKpis, kpisAt } from "./kpi";
import { loadScope } from "./scope";
import { recordDailySnapshot, recordMissingSnapshots } from "./snapshots";

const settled = (settledDate: string) => ({ status: "settled" as const, openAmount: "0", settledDate });

/** A fresh book of one client, seen by an administrator; `add` writes one of its pièces. */
async function oneClientBook(date: string) {
  const handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const admin = (await loadScope(db, (await makeUser(db, "admin")).id, date))!;
  const client = await makeClient(db, entity.id);
  const add = (number: string, values: Parameters<typeof makeDocument>[2]) => makeDocument(db, client.id, { number, ...values });
  return { handle, admin, add };
}

describe("indicators at a month end 18 months before the newest snapshot", () => {
  // Two years of one client's ledger, imported at once: the platform's newest day is 30/11/2026; D = 31/05/2025.
  const newest = "2026-11-30";
  const date = "2025-05-31";
  let handle: DatabaseHandle;
  let admin: Scope;

  beforeAll(async () => {
    let add: Awaited<ReturnType<typeof oneClientBook>>["add"];
    ({ handle, admin, add } = await oneClientBook(newest));
    // Older than the 24 months before the newest day: the countback of D needs September 2024.
    await add("H-1", { issueDate: "2024-08-10", dueDate: "2024-09-09", amount: "700.00", ...settled("2024-09-09") });
    await add("H0", { issueDate: "2024-09-20", dueDate: "2024-10-20", amount: "2500.00", ...settled("2025-06-20") });
    await add("H1", { issueDate: "2024-11-15", dueDate: "2024-12-15", amount: "1000.00", ...settled("2024-12-20") });
    await add("H2", { issueDate: "2025-02-10", dueDate: "2025-03-12", amount: "3000.00", ...settled("2025-06-15") });
    await add("H3", { issueDate: "2025-04-20", dueDate: "2025-05-20", amount: "2000.00" });
    await add("H4", { issueDate: "2025-05-05", dueDate: "2025-06-04", amount: "4000.00", ...settled("2025-06-10") });
    await add("H5", { type: "credit_note", issueDate: "2025-03-15", dueDate: "2025-03-15", amount: "-500.00", ...settled("2025-03-31") });
    await add("H6", { issueDate: "2025-03-02", dueDate: "2025-04-01", amount: "1500.00", ...settled("2025-04-29") });
    await add("H7", { issueDate: "2026-10-01", dueDate: "2026-10-31", amount: "6000.00" });
    // Only today's snapshot, as after the first import: the past days are rebuilt when asked for.
    await recordDailySnapshot(handle.db, newest);
  });
  afterAll(() => handle.close());

  it("rebuilds the past days asked for, only once, and none after the newest or before the first pièce", async () => {
    const asked = ["2025-05-31", "2025-04-30", "2025-03-31", "2026-12-31", "2024-07-31"];
    expect(await handle.db.transaction((tx) => recordMissingSnapshots(tx, asked))).toEqual(["2025-03-31", "2025-04-30", "2025-05-31"]);
    expect(await handle.db.transaction((tx) => recordMissingSnapshots(tx, asked))).toEqual([]);
  });

  it("equals the hand computation, with the sales of the 24 months before D, whatever today is", async () => {
    const kpis = await homeKpis(handle.db, admin, date);
    // Open at D: H0 2 500 (due 20/10/2024: 11 + 30 + 31 + 31 + 28 + 31 + 30 + 31 = 223 days late), H2 3 000 (due 12/03:
    // 19 + 30 + 31 = 80 days late), H3 2 000 (due 20/05: 11 days late), H4 4 000 (not due).
    expect(kpis.current).toMatchObject({ outstanding: "11500.00", overdue: "7500.00", notDue: "4000.00" });
    expect(kpis.current.overdueShare).toBeCloseTo(7500 / 11500, 10);
    // Sales: 08/2024 700; 09/2024 2 500; 11/2024 1 000; 02/2025 3 000; 03/2025 1 500 − 500 = 1 000; 04/2025 2 000; 05/2025 4 000.
    // DSO on 11 500: May 4 000 → 31 d, 7 500 left; April 2 000 → 61, 5 500; March 1 000 → 92, 4 500; February
    // 3 000 → 120, 1 500; January and December nothing → 151, 182; November 1 000 → 212, 500; October nothing → 243;
    // September 2024, 26 months before the newest day: 500 / 2 500 × 30 = 6 → 249. Known since 08/2024: exact.
    expect(kpis.current.dso).toBeCloseTo(249, 10);
    expect(kpis.current.dsoLowerBound).toBe(false);
    // BPDSO on 4 000 = May's sales exactly → 31 days. ADD = 218.
    expect(kpis.current.bpdso).toBeCloseTo(31, 10);
    expect(kpis.current.add).toBeCloseTo(218, 10);
    // DBT: (2 500 × 223 + 3 000 × 80 + 2 000 × 11) / 7 500 = 819 500 / 7 500.
    expect(kpis.current.dbt).toBeCloseTo(819_500 / 7_500, 10);
    // CEI of April: opening 31/03 = H0 2 500 + H2 3 000 + H6 1 500 (H5 settled that day) = 7 000; closing 30/04 = H0 2 500
    // + H2 3 000 + H3 2 000 = 7 500, of which not due H3 2 000; April's sales 2 000. (7 000 + 2 000 − 7 500) / (7 000 + 2 000 − 2 000).
    expect(kpis.ceiMonth).toBe("2025-04");
    expect(kpis.current.cei).toBeCloseTo((1500 / 7000) * 100, 10);
    // Falling due 02/05–31/05: H3 2 000, unpaid.
    expect(kpis.current.recoveryRate).toBe(0);
    expect(kpis.salesKnownFrom).toBe("2024-08");
    expect(kpis.salesMonthsKnown).toBe(10);
    // Aged (limits 30/60/90/120): not due 4 000; 1–30 d H3 2 000; 61–90 d H2 3 000; over 120 d H0 2 500.
    const aged = await agedBalanceBuckets(handle.db, admin, date);
    expect(aged.buckets.map((b) => Number(b.amount))).toEqual([4000, 2000, 0, 3000, 0, 2500]);
  });

  it("gives the same figures for D when asked with other dates", async () => {
    const single = (await homeKpis(handle.db, admin, date)).current;
    const { byDate } = await kpisAt(handle.db, admin, ["2025-03-31", date, "2025-04-30", newest]);
    expect(byDate.get(date)).toEqual(single);
    expect([...byDate.keys()].sort()).toEqual(["2025-03-31", "2025-04-30", date, newest]);
  });

  it("draws the trend with, at each month end, the figures the home shows for that date", async () => {
    // What the nightly run keeps: the 12 month ends before today's month, and the one before them for the CEI.
    await handle.db.transaction((tx) => recordMissingSnapshots(tx, lastMonthEnds(newest, 13)));
    const trend = await homeTrend(handle.db, admin, newest);
    expect(trend.map((p) => p.date)).toEqual([...lastMonthEnds(newest), newest]);
    for (const point of trend) {
      expect(point.recorded, point.date).toBe(true);
      expect(point.kpis, point.date).toEqual((await homeKpis(handle.db, admin, point.date)).current);
    }
    // 31/10/2026: H3 2 000 open since 20/05/2025 (529 days late) and H7 6 000 issued 01/10 (not due): 8 000.
    expect(trend[11].kpis).toMatchObject({ outstanding: "8000.00", overdue: "2000.00", dbt: 529 });
  });
});

describe("a platform that knows only its open items", () => {
  const date = "2026-11-30";
  let handle: DatabaseHandle;
  let admin: Scope;

  beforeAll(async () => {
    let add: Awaited<ReturnType<typeof oneClientBook>>["add"];
    ({ handle, admin, add } = await oneClientBook(date));
    await add("O1", { issueDate: "2026-10-10", dueDate: "2026-11-09", amount: "3000.00" });
    await add("O2", { issueDate: "2026-11-20", dueDate: "2026-12-20", amount: "1000.00" });
    await recordDailySnapshot(handle.db, date);
  });
  afterAll(() => handle.close());

  it("shows the DSO as a minimum: the countback used up every month it knows", async () => {
    const kpis = await homeKpis(handle.db, admin, date);
    // Encours 4 000 = all the sales known. November 1 000 → 30 d, 3 000 left; October, the first month known,
    // 3 000 → 31 d: ≥ 61 days, where the old walk went on to zero-sales months and read 24 months.
    expect(kpis.current.dso).toBe(61);
    expect(kpis.current.dsoLowerBound).toBe(true);
    // BPDSO on the 1 000 not due: November's sales exactly, without reaching October: exact.
    expect(kpis.current.bpdso).toBe(30);
    expect(kpis.current.bpdsoLowerBound).toBe(false);
    expect(kpis).toMatchObject({ salesKnownFrom: "2026-10", salesMonthsKnown: 2 });
  });
});
