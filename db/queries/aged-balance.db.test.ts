import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { dailySnapshots } from "@/db/schema";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { agedBalanceBuckets, latestAgingLimits, streamAgedBalanceByClient } from "./aged-balance";
import { refreshPortfolioSnapshot } from "./home-aggregates";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
let admin: Scope;
let alice: Scope;

async function collect<T>(source: AsyncIterable<T[]>) {
  const all: T[] = [];
  for await (const batch of source) all.push(...batch);
  return all;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const a = await makeUser(db, "collector");
  alice = (await loadScope(db, a.id, today))!;
  admin = (await loadScope(db, (await makeUser(db, "admin")).id, today))!;
  const c1 = await makeClient(db, entity.id, { code: "A1", collectorId: a.id });
  const c2 = await makeClient(db, entity.id, { code: "B2" });
  const c3 = await makeClient(db, entity.id, { code: "C3", collectorId: a.id });
  const c4 = await makeClient(db, entity.id, { code: "D4" });
  const snap = (clientId: string, snapshotDate: string, notDue: string, aged: string[]) => {
    const overdue = aged.reduce((s, v) => s + Number(v), 0);
    return {
      snapshotDate, clientId, entityId: entity.id, notDue, aged, agingLimits: [30, 60],
      overdue: String(overdue), outstanding: String(overdue + Number(notDue)), sales: "0",
    };
  };
  await db.insert(dailySnapshots).values([
    snap(c1.id, "2026-11-22", "100", ["50", "0", "25"]),
    snap(c2.id, "2026-11-22", "7", ["0", "0", "0"]),
    snap(c4.id, "2026-11-22", "0", ["0", "0", "0"]),
    // Yesterday's figures are ignored.
    snap(c1.id, "2026-11-21", "999", ["999", "999", "999"]),
    snap(c3.id, "2026-11-22", "0", ["10.5", "200", "0"]),
  ]);
  for (const date of ["2026-11-21", "2026-11-22"]) await refreshPortfolioSnapshot(db, date);
});
afterAll(() => handle.close());

describe("aged balance", () => {
  it("sums each bucket and counts its clients on the day asked", async () => {
    const balance = await agedBalanceBuckets(handle.db, admin, "2026-11-22");
    expect(balance.snapshotDate).toBe("2026-11-22");
    expect(balance.agingLimits).toEqual([30, 60]);
    expect(await latestAgingLimits(handle.db)).toEqual([30, 60]);
    expect(balance.buckets.map((b) => [Number(b.amount), b.clients])).toEqual([
      [107, 2],
      [60.5, 2],
      [200, 1],
      [25, 1],
    ]);
    expect(balance.clients).toBe(3);
  });

  it("lists one row per client with something open, within the scope", async () => {
    const rows = await collect(streamAgedBalanceByClient(handle.db, admin, undefined, 1));
    expect(rows.map((r) => [r.code, Number(r.outstanding), ...r.buckets.map(Number)])).toEqual([
      ["A1", 175, 100, 50, 0, 25],
      ["B2", 7, 7, 0, 0, 0],
      ["C3", 210.5, 0, 10.5, 200, 0],
    ]);
    expect(new Set(rows.map((r) => r.entityCode)).size).toBe(1);
    const mine = await agedBalanceBuckets(handle.db, alice, "2026-11-22");
    expect(mine.buckets.map((b) => Number(b.amount))).toEqual([100, 60.5, 200, 25]);
  });
});
