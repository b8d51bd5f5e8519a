import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { homeGeography } from "./home-geography";
import { loadScope } from "./scope";
import { recordDailySnapshot } from "./snapshots";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<string, Scope> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const ids: Record<string, string> = {};
  for (const [key, role] of [["admin", "admin"], ["alice", "collector"], ["bruno", "collector"]] as const) {
    ids[key] = (await makeUser(db, role)).id;
    scopes[key] = (await loadScope(db, ids[key], today))!;
  }
  const paris = await makeClient(db, entity.id, { collectorId: ids.alice, department: "75" });
  const lyon = await makeClient(db, entity.id, { collectorId: ids.alice, department: "69" });
  const parisBruno = await makeClient(db, entity.id, { collectorId: ids.bruno, department: "75" });
  const nowhere = await makeClient(db, entity.id, { collectorId: ids.alice, department: null });
  const doc = (clientId: string, values: Parameters<typeof makeDocument>[2]) => makeDocument(db, clientId, values);
  const settled = { status: "settled" as const, openAmount: "0", settledDate: "2026-03-01" };
  // Paris (Alice): 1 000 − 200 + 700 = 1 500 issued from December 2025 to today; 300 of the 700 still overdue.
  await doc(paris.id, { ...settled, issueDate: "2026-01-10", dueDate: "2026-02-09", amount: "1000.00" });
  await doc(paris.id, { ...settled, type: "credit_note", issueDate: "2026-06-01", dueDate: "2026-06-01", amount: "-200.00" });
  await doc(paris.id, { issueDate: "2025-12-01", dueDate: "2025-12-31", amount: "700.00", openAmount: "300.00" });
  // Issued in November 2025 (12 months back), after today, and a payment: none is revenue.
  await doc(paris.id, { ...settled, issueDate: "2025-11-30", dueDate: "2025-12-30", amount: "5000.00" });
  await doc(paris.id, { issueDate: "2026-11-24", dueDate: "2026-12-24", amount: "999.00" });
  await doc(paris.id, { ...settled, type: "payment", issueDate: "2026-03-01", dueDate: "2026-03-01", amount: "-300.00" });
  // Lyon (Alice): a settled invoice still counts as revenue.
  await doc(lyon.id, { ...settled, issueDate: "2026-05-05", dueDate: "2026-06-04", amount: "400.00", settledDate: "2026-06-01" });
  // Paris (Bruno): issued today, and 100 overdue for years.
  await doc(parisBruno.id, { issueDate: today, dueDate: "2026-12-23", amount: "250.00" });
  await doc(parisBruno.id, { issueDate: "2024-01-01", dueDate: "2024-02-01", amount: "100.00" });
  // No département: 50 overdue, no recent sales.
  await doc(nowhere.id, { issueDate: "2020-01-01", dueDate: "2020-02-01", amount: "50.00" });
  await recordDailySnapshot(db, today);
});
afterAll(() => handle.close());

const row = (department: string | null, clients: number, revenue: number, overdue: number) => ({ department, clients, revenue, overdue });
const numeric = (rows: Awaited<ReturnType<typeof homeGeography>>) =>
  rows.map((r) => row(r.department, r.clients, Number(r.revenue), Number(r.overdue)));

describe("home geography", () => {
  it("sums the sales of the last 12 months, this one included, and the échu by département, largest revenue first", async () => {
    expect(numeric(await homeGeography(handle.db, scopes.admin, today))).toEqual([
      row("75", 2, 1750, 400),
      row("69", 1, 400, 0),
      row(null, 1, 0, 50),
    ]);
  });

  it("keeps to the collector's clients", async () => {
    expect(numeric(await homeGeography(handle.db, scopes.alice, today))).toEqual([
      row("75", 1, 1500, 300),
      row("69", 1, 400, 0),
      row(null, 1, 0, 50),
    ]);
    expect(numeric(await homeGeography(handle.db, scopes.bruno, today))).toEqual([row("75", 1, 250, 100)]);
  });

  it("returns exact decimal strings", async () => {
    const [paris] = await homeGeography(handle.db, scopes.admin, today);
    expect(paris).toMatchObject({ revenue: "1750.00", overdue: "400.00" });
  });
});
