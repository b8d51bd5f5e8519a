import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { kpiReport } from "./report";
import { kpiReportText } from "./report-text";

// Only open items known: O1 3 000 issued 10/10 due 09/11, O2 1 000 issued 20/11 due 20/12; the newest day is 30/11.
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "NORD");
  const client = await makeClient(handle.db, entity.id);
  await makeDocument(handle.db, client.id, { number: "O1", issueDate: "2026-10-10", dueDate: "2026-11-09", amount: "3000.00" });
  await makeDocument(handle.db, client.id, { number: "O2", issueDate: "2026-11-20", dueDate: "2026-12-20", amount: "1000.00" });
  await recordDailySnapshot(handle.db, "2026-11-30");
});
afterAll(() => handle.close());

describe("npm run kpi", () => {
  it("prints the figures of a past day, rebuilt from the pièces, with the DSO as a minimum and why", async () => {
    // 15/11: O1 3 000 open, 6 days late; O2 not issued yet. Sales to date: October 3 000, November nothing yet.
    // DSO: November 0 → 15 d; October (the first month known) 3 000 → 31 d: ≥ 46 j.
    const report = await kpiReport(handle.db, "2026-11-15", "NORD");
    expect(report.current).toMatchObject({ outstanding: "3000.00", overdue: "3000.00", dso: 46, dsoLowerBound: true, dbt: 6 });
    const text = kpiReportText(report);
    expect(text).toContain("Indicateurs au 15/11/2026 — ");
    expect(text).toContain("(NORD)");
    expect(text).toMatch(/DSO {18}≥ 46 j/);
    expect(text).toMatch(/DBT {18}6 j/);
    expect(text).toContain("Ventes connues sur 2 mois seulement (depuis octobre 2026)");
    expect(text).toMatch(/1–30 j {13}3\u202f000,00\u00a0€/);
  });

  it("refuses, in French, an unknown société and a day after the newest snapshot", async () => {
    await expect(kpiReport(handle.db, "2026-11-15", "SUD")).rejects.toThrow("Société inconnue : SUD.");
    await expect(kpiReport(handle.db, "2026-12-01")).rejects.toThrow("Les derniers indicateurs sont ceux du 30/11/2026");
  });
});
