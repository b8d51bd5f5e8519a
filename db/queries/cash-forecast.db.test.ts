import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "@/db/client";
import { cashForecasts, documentScores, scoreModels } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { computeCashForecast, listCashForecast, NO_COLLECTOR } from "./cash-forecast";
import { loadScope } from "./scope";

// Wednesday 4 March 2026: week 0 is Monday 2 → Sunday 8 March.
const today = "2026-03-04";
let handle: DatabaseHandle;
const scopes: Record<string, Scope> = {};
const entities: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  entities.one = (await makeEntity(db)).id;
  entities.two = (await makeEntity(db)).id;
  const ids: Record<string, string> = {};
  for (const [key, role, entityIds] of [
    ["admin", "admin", []],
    ["alice", "collector", []],
    ["bruno", "collector", []],
    ["manager", "manager", [entities.two]],
    ["sales", "sales", []],
  ] as const) {
    ids[key] = (await makeUser(db, role, { entityIds: [...entityIds] })).id;
    scopes[key] = (await loadScope(db, ids[key], today))!;
  }
  const [model] = await db.insert(scoreModels).values({ kind: "rules", graceDays: 0, features: [], trainedOn: 0, trainedTo: today }).returning();
  const scored = async (clientId: string, amount: string, dueDate: string, expectedPaymentDate: string, extra = {}) => {
    const document = await makeDocument(db, clientId, { amount, issueDate: "2025-12-01", dueDate, ...extra });
    await db.insert(documentScores).values({ documentId: document.id, modelId: model.id, pLate: 0.5, expectedPaymentDate, scoredOn: today });
  };
  const alices = await makeClient(db, entities.one, { collectorId: ids.alice });
  const brunos = await makeClient(db, entities.one, { collectorId: ids.bruno });
  const nobodys = await makeClient(db, entities.two);
  // Alice: two invoices due and expected next Wednesday (scale 5): P(week 0) = 0.238651, P(week 1) = 0.407802.
  await scored(alices.id, "1000.00", "2026-03-11", "2026-03-11");
  await scored(alices.id, "3000.00", "2026-03-11", "2026-03-11");
  // Left out: settled, or in another currency.
  await scored(alices.id, "9000.00", "2026-03-11", "2026-03-11", { status: "settled", openAmount: "0" });
  await scored(alices.id, "7000.00", "2026-03-11", "2026-03-11", { currency: "USD" });
  // Bruno: 60 days overdue, expected a month ago (scale 30): P(week 0) = 0.116599, P(week 1) = 0.146989.
  await scored(brunos.id, "2000.00", "2026-01-03", "2026-02-02");
  // No collector: expected last Monday (scale 5), days before today dropped: P(week 0) = 0.496742, P(week 1) = 0.355279.
  await scored(nobodys.id, "500.00", "2026-03-02", "2026-03-02");
});
afterAll(() => handle.close());

describe("listCashForecast before the first computation", () => {
  it("has no weeks", async () => {
    expect(await listCashForecast(handle.db, scopes.admin)).toEqual([]);
  });
});

describe("computeCashForecast and listCashForecast", () => {
  beforeAll(async () => {
    await computeCashForecast(handle.db, today);
  });

  it("writes one row per société, collector and week, the nil UUID standing for no collector", async () => {
    const rows = await queryRows<{ collector_id: string; n: number; week0: string; expected0: string }>(
      handle.db,
      sql`select collector_id::text, count(*)::int as n, min(week_start)::text as week0,
          (array_agg(expected::text order by week_start))[1] as expected0
        from cash_forecasts where computed_on = ${today} group by collector_id order by expected0`,
    );
    // Week 0: 2 000 × 0.116599 = 233.20; 500 × 0.496742 = 248.37; 4 000 × 0.238651 = 954.60.
    expect(rows.map((r) => [r.n, r.week0, r.expected0])).toEqual([
      [13, "2026-03-02", "233.20"],
      [13, "2026-03-02", "248.37"],
      [13, "2026-03-02", "954.60"],
    ]);
    expect(rows[1].collector_id).toBe(NO_COLLECTOR);
  });

  it("sums the whole company for an admin, with the 80 % band from the summed variances", async () => {
    const weeks = await listCashForecast(handle.db, scopes.admin);
    expect(weeks).toHaveLength(13);
    expect(weeks[0].weekStart).toBe("2026-03-02");
    expect(weeks[12].weekStart).toBe("2026-05-25");
    // 954.60 + 233.20 + 248.37. Variances: 10⁷ × 0.238651 × 0.761349 = 1 816 968; 4·10⁶ × 0.116599 × 0.883401
    // = 412 014; 250 000 × 0.496742 × 0.503258 = 62 497; √2 291 479 = 1 513.76; × 1.2816 = 1 940.04.
    expect(weeks[0].expected).toBeCloseTo(1436.17, 2);
    expect(weeks[0].low).toBe(0);
    expect(weeks[0].high).toBeCloseTo(3376.21, 1);
    // Week 1: 4 000 × 0.407802 = 1 631.21; 2 000 × 0.146989 = 293.98; 500 × 0.355279 = 177.64.
    expect(weeks[1].expected).toBeCloseTo(2102.83, 2);
  });

  it("gives a collector their portfolio only, a manager their société, a sales rep nothing", async () => {
    const alice = await listCashForecast(handle.db, scopes.alice);
    expect(alice[0].expected).toBeCloseTo(954.6, 2);
    // √1 816 968 = 1 347.95; × 1.2816 = 1 727.53.
    expect(alice[0].high).toBeCloseTo(2682.13, 1);
    expect(alice[1].expected).toBeCloseTo(1631.21, 2);
    expect((await listCashForecast(handle.db, scopes.bruno))[0].expected).toBeCloseTo(233.2, 2);
    expect((await listCashForecast(handle.db, scopes.manager))[0].expected).toBeCloseTo(248.37, 2);
    const sales = await listCashForecast(handle.db, scopes.sales);
    expect(sales.every((week) => week.expected === 0 && week.high === 0)).toBe(true);
  });

  it("narrows to one société", async () => {
    const one = await listCashForecast(handle.db, scopes.admin, { entityId: entities.one });
    expect(one[0].expected).toBeCloseTo(1187.8, 2);
    const twoForAlice = await listCashForecast(handle.db, scopes.alice, { entityId: entities.two });
    expect(twoForAlice[0].expected).toBe(0);
  });

  it("gives the same rows when run again the same day, and keeps 60 days of computations", async () => {
    const before = await listCashForecast(handle.db, scopes.admin);
    await handle.db.insert(cashForecasts).values([
      { computedOn: "2026-01-03", entityId: entities.one, collectorId: NO_COLLECTOR, weekStart: "2025-12-29", expected: "1.00", variance: 0 },
      { computedOn: "2026-01-04", entityId: entities.one, collectorId: NO_COLLECTOR, weekStart: "2025-12-29", expected: "1.00", variance: 0 },
    ]);
    const report = await computeCashForecast(handle.db, today);
    expect(report).toEqual({ weeks: 13, rows: 39, invoices: 4 });
    expect(await listCashForecast(handle.db, scopes.admin)).toEqual(before);
    const days = await queryRows<{ day: string; n: number }>(
      handle.db,
      sql`select computed_on::text as day, count(*)::int as n from cash_forecasts group by computed_on order by computed_on`,
    );
    // 4 March − 60 days = 3 January: dropped; 4 January is within the 60 days kept.
    expect(days).toEqual([{ day: "2026-01-04", n: 1 }, { day: today, n: 39 }]);
  });

  it("reads the latest computation, its weeks starting on that day's Monday", async () => {
    await computeCashForecast(handle.db, "2026-03-09");
    const weeks = await listCashForecast(handle.db, scopes.admin);
    expect(weeks[0].weekStart).toBe("2026-03-09");
    expect(weeks).toHaveLength(13);
  });
});
