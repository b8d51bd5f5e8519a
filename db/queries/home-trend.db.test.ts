import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { dailySnapshots } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { refreshPortfolioSnapshot } from "./home-aggregates";
import { homeTrend, lastMonthEnds, type TrendPoint } from "./home-trend";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<string, Scope> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const ids: Record<string, string> = {};
  for (const [key, role] of [["admin", "admin"], ["alice", "collector"], ["bruno", "collector"], ["chloe", "collector"]] as const) {
    ids[key] = (await makeUser(db, role)).id;
    scopes[key] = (await loadScope(db, ids[key], today))!;
  }
  const a = await makeClient(db, entity.id, { collectorId: ids.alice });
  const b = await makeClient(db, entity.id, { collectorId: ids.bruno });
  const snap = (clientId: string, snapshotDate: string, outstanding: string, overdue: string) => ({
    snapshotDate, clientId, entityId: entity.id, outstanding, overdue, notDue: "0", aged: [], agingLimits: [], sales: "0",
  });
  await db.insert(dailySnapshots).values([
    snap(a.id, "2026-09-30", "1000.00", "200.00"),
    snap(b.id, "2026-09-30", "500.00", "100.00"),
    snap(a.id, "2026-10-31", "1200.00", "300.00"),
    snap(b.id, "2026-10-31", "700.00", "0.00"),
    // Not a month end: left out.
    snap(a.id, "2026-10-15", "9999.00", "9999.00"),
    // The latest snapshot up to today stands for today.
    snap(a.id, "2026-11-20", "900.00", "400.00"),
    snap(b.id, "2026-11-20", "100.00", "50.00"),
    // After today: left out.
    snap(a.id, "2026-11-24", "9999.00", "9999.00"),
  ]);
  for (const date of ["2026-09-30", "2026-10-15", "2026-10-31", "2026-11-20", "2026-11-24"]) await refreshPortfolioSnapshot(db, date);
});
afterAll(() => handle.close());

const point = (date: string, outstanding: string, overdue: string, recorded = true) => ({ date, outstanding, overdue, recorded });
const amounts = (points: TrendPoint[]) => points.map(({ date, outstanding, overdue, recorded }) => ({ date, outstanding, overdue, recorded }));

describe("lastMonthEnds", () => {
  it("lists the 12 month ends before the month of today, leap years and short months included", () => {
    expect(lastMonthEnds("2024-03-15")).toEqual([
      "2023-03-31", "2023-04-30", "2023-05-31", "2023-06-30", "2023-07-31", "2023-08-31",
      "2023-09-30", "2023-10-31", "2023-11-30", "2023-12-31", "2024-01-31", "2024-02-29",
    ]);
  });
});

describe("home trend", () => {
  it("sums the scope's snapshots at each month end and at the latest snapshot up to today", async () => {
    const trend = await homeTrend(handle.db, scopes.admin, today);
    expect(trend).toHaveLength(13);
    // Nothing recorded from November 2025 to August 2026.
    expect(trend.slice(0, 10).map((p) => p.date)).toEqual(lastMonthEnds(today).slice(0, 10));
    expect(trend.slice(0, 10).every((p) => !p.recorded && Number(p.outstanding) === 0)).toBe(true);
    expect(amounts(trend.slice(10))).toEqual([
      point("2026-09-30", "1500.00", "300.00"),
      point("2026-10-31", "1900.00", "300.00"),
      point("2026-11-20", "1000.00", "450.00"),
    ]);
  });

  it("keeps to the collector's clients", async () => {
    expect(amounts((await homeTrend(handle.db, scopes.alice, today)).slice(10))).toEqual([
      point("2026-09-30", "1000.00", "200.00"),
      point("2026-10-31", "1200.00", "300.00"),
      point("2026-11-20", "900.00", "400.00"),
    ]);
    expect(amounts((await homeTrend(handle.db, scopes.bruno, today)).slice(10))).toEqual([
      point("2026-09-30", "500.00", "100.00"),
      point("2026-10-31", "700.00", "0.00"),
      point("2026-11-20", "100.00", "50.00"),
    ]);
  });

  it("shows recorded days at zero for a collector with no clients", async () => {
    const trend = await homeTrend(handle.db, scopes.chloe, today);
    expect(trend.slice(10).map((p) => [p.recorded, Number(p.outstanding), Number(p.overdue)])).toEqual([
      [true, 0, 0],
      [true, 0, 0],
      [true, 0, 0],
    ]);
  });
});
