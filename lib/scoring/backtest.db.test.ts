import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { latestBacktest } from "@/db/queries/score-backtests";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type BacktestReport, recordBacktest } from "./backtest";

/**
 * A year of history, 2025, one invoice of 1 000 € every second day (1 January, 3 January, …) per client, due
 * 30 days after issue. « Bon payeur » always pays 5 days before the due date, « Mauvais payeur » 20 days after.
 */
let handle: DatabaseHandle;
let report: BacktestReport;

async function invoicesEveryOtherDay(clientId: string, paidDaysAfterIssue: number, prefix: string) {
  await handle.db.execute(sql`
    insert into documents (client_id, type, number, issue_date, due_date, amount, open_amount, status, settled_date)
    select ${clientId}::uuid, 'invoice', ${prefix} || d, date '2025-01-01' + d, date '2025-01-01' + d + 30, 1000, 0, 'settled',
           date '2025-01-01' + d + ${paidDaysAfterIssue}::int
    from generate_series(0, 364, 2) as d`);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db);
  const good = await makeClient(handle.db, entity.id, { name: "Bon payeur" });
  const bad = await makeClient(handle.db, entity.id, { name: "Mauvais payeur" });
  await invoicesEveryOtherDay(good.id, 25, "B");
  await invoicesEveryOtherDay(bad.id, 50, "M");
  ({ report } = await recordBacktest(handle.db, { from: "2025-10-15", to: "2025-11-30", today: "2026-03-01", userId: null }));
});

afterAll(async () => {
  await handle?.close();
});

describe("backtest on a history of a good and a bad payer", () => {
  it("learns each month from the invoices whose outcome was known on its first day", () => {
    expect(report.months.map((m) => m.month)).toEqual(["2025-10-01", "2025-11-01"]);
    // Due before 1 October = issued before 1 September (day 243): days 0, 2, … 242, 122 per client.
    expect(report.months[0].trainedOn).toBe(244);
    // Due before 1 November (day 304) = issued before day 274: days 0 … 272, 137 per client.
    expect(report.months[1].trainedOn).toBe(274);
    expect(report.months.every((m) => m.method === "logistic")).toBe(true);
  });

  it("predicts the invoices issued in the month: half late, perfectly ranked by both", () => {
    const [october] = report.months;
    // Issued in October: days 274 … 302, 15 per client.
    expect(october.model.invoices).toBe(30);
    expect(october.model.lateRate).toBe(0.5);
    expect(october.model.auc).toBe(1);
    expect(october.baseline.auc).toBe(1);
    // Always answering 50 %: 0.5² for every invoice.
    expect(october.model.baseBrier).toBeCloseTo(0.25, 12);
    expect(october.model.brier!).toBeLessThan(0.001);
    // The baseline smooths by two pseudo-invoices at the base rate: 1 / (n + 2) from the truth, with n ≈ 122 to 137
    // invoices known before each, so each squared error is below 1 / 124².
    expect(october.baseline.brier!).toBeLessThan(1 / 124 ** 2);
    expect(october.baseline.brier!).toBeGreaterThan(1 / 140 ** 2);
  });

  it("calibrates by decile: the five lowest deciles on time, the five highest late", () => {
    const { calibration } = report.months[0].model;
    expect(calibration.map((c) => c.n)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(calibration.map((c) => c.observedRate)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it("dates the payment: the baseline's client mean days late is exact here", () => {
    // Each client always paid the same number of days from its due date: −5 and +20.
    expect(report.overall.baseline.maeDays).toBe(0);
    expect(report.overall.model.paidInvoices).toBe(report.overall.model.invoices);
    // The model expects the good payer at the due date (p ≈ 0) when it pays 5 days early, the bad one at due + 20:
    // (15 × 5 + 15 × 0) / 30 for each month.
    expect(report.overall.model.maeDays).toBe(2.5);
  });

  it("compares the 13-week cash-in forecast with what the invoices then open paid", () => {
    const october = report.forecast.windows.find((w) => w.start === "2025-10-01")!;
    // Open on 1 October: the good payer's invoices issued from 6 September (paid from 1 October), 13 of them,
    // and the bad payer's from 12 August (days 224 … 272), 25.
    expect(october.openInvoices).toBe(38);
    expect(october.openAmount).toBe(38_000);
    // Week 0 runs from Monday 29 September; 1–5 October: good payer's 6, 8, 10 September, bad payer's 13 and 15 August.
    expect(october.weeks[0]).toMatchObject({ weekStart: "2025-09-29", actual: 5000 });
    expect(october.weeks.reduce((sum, w) => sum + w.actual, 0)).toBe(38_000);
    const expected = october.weeks.reduce((sum, w) => sum + w.expected, 0);
    expect(expected).toBeGreaterThan(0.9 * 38_000);
    expect(expected).toBeLessThanOrEqual(38_000 + 1e-6);
    expect(report.forecast.mape).not.toBeNull();
  });

  it("keeps the report for Paramétrage → Scoring", async () => {
    const stored = await latestBacktest(handle.db);
    expect(stored?.report.months).toHaveLength(2);
    expect(stored?.report.overall.model.invoices).toBe(report.overall.model.invoices);
  });
});
