import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { agedBalanceBuckets } from "./aged-balance";
import { assignClient } from "./client-edits";
import { refreshHomeAggregates } from "./home-aggregates";
import { homeKpis } from "./kpi";
import { loadScope } from "./scope";
import { recordDailySnapshot } from "./snapshots";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<string, Scope> = {};
let moving: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const ids: Record<string, string> = {};
  for (const [key, role] of [["admin", "admin"], ["alice", "collector"], ["bruno", "collector"]] as const) {
    ids[key] = (await makeUser(db, role)).id;
    scopes[key] = (await loadScope(db, ids[key], today))!;
  }
  const kept = await makeClient(db, entity.id, { collectorId: ids.alice, department: "75" });
  moving = (await makeClient(db, entity.id, { collectorId: ids.alice, department: "69" })).id;
  await makeDocument(db, kept.id, { issueDate: "2026-10-01", dueDate: "2026-10-31", amount: "1000.00" });
  await makeDocument(db, moving, { issueDate: "2026-11-02", dueDate: "2026-12-02", amount: "250.00" });
  // 295 days late: the open-ended last bucket.
  const old = await makeClient(db, entity.id, { collectorId: ids.alice, department: "13" });
  await makeDocument(db, old.id, { issueDate: "2026-01-01", dueDate: "2026-02-01", amount: "400.00" });
  await recordDailySnapshot(db, today);
});
afterAll(() => handle.close());

const outstanding = async (scope: Scope) => (await homeKpis(handle.db, scope, today)).current.outstanding;

describe("home aggregates", () => {
  it("sum the day's snapshots per portfolio and département, and the sales per month", async () => {
    const rows = await queryRows<{ department: string; clients: number; outstanding: string }>(
      handle.db,
      sql`select department, clients, outstanding::text from portfolio_snapshots where snapshot_date = ${today}::date order by department`,
    );
    expect(rows).toEqual([
      { department: "13", clients: 1, outstanding: "400.00" },
      { department: "69", clients: 1, outstanding: "250.00" },
      { department: "75", clients: 1, outstanding: "1000.00" },
    ]);
    const sales = await queryRows<{ month: string; amount: string }>(
      handle.db,
      sql`select month::text, sum(amount)::text as amount from monthly_sales group by month order by month`,
    );
    expect(sales).toEqual([
      { month: "2026-01-01", amount: "400.00" },
      { month: "2026-10-01", amount: "1000.00" },
      { month: "2026-11-01", amount: "250.00" },
    ]);
  });

  it("keep every aged bucket, the open-ended last one included, so the balance âgée adds up to the encours", async () => {
    const balance = await agedBalanceBuckets(handle.db, scopes.admin, today);
    // Default limits 30, 60, 90, 120: non échu, four bounded buckets and « plus de 120 jours ».
    expect(balance.buckets.map((b) => Number(b.amount))).toEqual([250, 1000, 0, 0, 0, 400]);
    expect(balance.buckets.map((b) => b.clients)).toEqual([1, 1, 0, 0, 0, 1]);
    expect(balance.clients).toBe(3);
  });

  it("follow a client to its new collector once refreshed, and a second refresh changes nothing", async () => {
    expect([await outstanding(scopes.alice), await outstanding(scopes.bruno)]).toEqual(["1650.00", "0.00"]);
    await handle.db.transaction(async (tx) => {
      expect((await assignClient(tx, scopes.admin, moving, "collector", scopes.bruno.userId)).status).toBe("ok");
      await refreshHomeAggregates(tx);
    });
    expect([await outstanding(scopes.alice), await outstanding(scopes.bruno)]).toEqual(["1400.00", "250.00"]);
    // Bruno's DSO now walks his own sales: 250 owed, November's 250 → 23 days.
    expect((await homeKpis(handle.db, scopes.bruno, today)).current.dso).toBeCloseTo(23, 10);

    await handle.db.transaction((tx) => refreshHomeAggregates(tx));
    expect(await outstanding(scopes.admin)).toBe("1650.00");
    const [{ rows }] = await queryRows<{ rows: number }>(handle.db, sql`select count(*)::int as rows from monthly_sales`);
    expect(rows).toBe(3);
  });

  it.skipIf(process.env.TEST_DB !== "postgres")("leave one set of rows when two refreshes run at once", async () => {
    await Promise.all([1, 2].map(() => handle.db.transaction((tx) => refreshHomeAggregates(tx))));
    const [counts] = await queryRows<{ sales: number; portfolios: number }>(
      handle.db,
      sql`select (select count(*)::int from monthly_sales) as sales, (select count(*)::int from portfolio_snapshots) as portfolios`,
    );
    expect(counts).toEqual({ sales: 3, portfolios: 3 });
  });
});
