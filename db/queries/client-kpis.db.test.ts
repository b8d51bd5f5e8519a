import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { listClientOpenDocuments } from "./client-documents";
import { getClientKpis } from "./client-kpis";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  for (const key of ["alice", "bruno"]) {
    const user = await makeUser(db, "collector");
    ids[key] = user.id;
    scopes[key] = (await loadScope(db, user.id, today))!;
  }
  // Balances as the nightly snapshot leaves them.
  const client = await makeClient(db, entity.id, { collectorId: ids.alice, outstanding: "1000.00", overdue: "600.00", creditLimit: "2000.00" });
  ids.client = client.id;
  ids.empty = (await makeClient(db, entity.id, { collectorId: ids.alice })).id;
  const doc = (number: string, values: Parameters<typeof makeDocument>[2]) => makeDocument(db, client.id, { number, ...values });
  // Open: two overdue invoices (10 and 30 days late), one not yet due, a credit note and a payment (left out of DBT).
  await doc("F-10", { issueDate: "2026-10-14", dueDate: "2026-11-13", amount: "500.00", openAmount: "400.00" });
  await doc("F-30", { issueDate: "2026-09-24", dueDate: "2026-10-24", amount: "200.00" });
  await doc("F-NE", { issueDate: "2026-11-01", dueDate: "2026-12-01", amount: "400.00" });
  await doc("AV-1", { type: "credit_note", issueDate: "2026-09-01", dueDate: "2026-10-01", amount: "-100.00" });
  await doc("RG-1", { type: "payment", issueDate: "2026-08-01", dueDate: "2026-08-01", amount: "-50.00" });
  // Settled invoices: paid 20 days late, paid early (counts 0), 23 days late just inside the 12 months.
  const settled = { status: "settled" as const, openAmount: "0" };
  await doc("S-20", { ...settled, issueDate: "2026-05-02", dueDate: "2026-06-01", settledDate: "2026-06-21", amount: "1000.00" });
  await doc("S-0", { ...settled, issueDate: "2026-08-31", dueDate: "2026-09-30", settledDate: "2026-09-20", amount: "3000.00" });
  await doc("S-23", { ...settled, issueDate: "2025-10-02", dueDate: "2025-11-01", settledDate: "2025-11-24", amount: "500.00" });
  // Outside the window or not an invoice: settled exactly 12 months ago, after today, and a settled credit note.
  await doc("S-OLD", { ...settled, issueDate: "2025-09-01", dueDate: "2025-10-01", settledDate: "2025-11-23", amount: "9000.00" });
  await doc("S-FUT", { ...settled, issueDate: "2026-10-01", dueDate: "2026-10-31", settledDate: "2026-11-24", amount: "9000.00" });
  await doc("AV-S", { ...settled, type: "credit_note", issueDate: "2026-03-01", dueDate: "2026-03-01", settledDate: "2026-07-01", amount: "-9000.00" });
});
afterAll(() => handle.close());

describe("client KPIs", () => {
  it("computes the strip by hand-checked figures", async () => {
    const kpis = await getClientKpis(handle.db, scopes.alice, ids.client, today);
    expect(kpis).toMatchObject({ outstanding: "1000.00", overdue: "600.00", creditLimit: "2000.00" });
    expect(kpis!.overdueShare).toBeCloseTo(0.6, 10);
    expect(kpis!.creditUsed).toBeCloseTo(0.5, 10);
    // DBT = (400 × 10 + 200 × 30) / (400 + 200) = 10 000 / 600.
    expect(kpis!.dbt).toBeCloseTo(10_000 / 600, 10);
    // Average days late = (1 000 × 20 + 3 000 × 0 + 500 × 23) / 4 500 = 31 500 / 4 500 = 7.
    expect(kpis!.averageDaysLate).toBeCloseTo(7, 10);
  });

  it("has no ratios for a client with nothing owed, no history and no credit limit", async () => {
    expect(await getClientKpis(handle.db, scopes.alice, ids.empty, today)).toEqual({
      outstanding: "0.00",
      overdue: "0.00",
      creditLimit: null,
      overdueShare: null,
      creditUsed: null,
      dbt: null,
      averageDaysLate: null,
    });
  });

  it("finds nothing outside the scope", async () => {
    expect(await getClientKpis(handle.db, scopes.bruno, ids.client, today)).toBeNull();
  });
});

describe("open documents of a client", () => {
  it("sorts by the column asked for, ties by due date", async () => {
    const numbers = async (key: "retard" | "reste" | "piece", direction: "asc" | "desc") =>
      (await listClientOpenDocuments(handle.db, scopes.alice, ids.client, today, { key, direction })).map((d) => d.number);
    expect(await numbers("retard", "desc")).toEqual(["RG-1", "AV-1", "F-30", "F-10", "F-NE"]);
    expect(await numbers("reste", "desc")).toEqual(["F-10", "F-NE", "F-30", "RG-1", "AV-1"]);
    expect(await numbers("piece", "asc")).toEqual(["AV-1", "F-10", "F-30", "F-NE", "RG-1"]);
    const rows = await listClientOpenDocuments(handle.db, scopes.alice, ids.client, today, { key: "echeance", direction: "asc" });
    expect(rows.find((r) => r.number === "F-30")).toMatchObject({ daysLate: 30, disputed: false, disputeReason: null });
    expect(rows.find((r) => r.number === "F-NE")?.daysLate).toBe(0);
  });

  it("lists nothing outside the scope", async () => {
    expect(await listClientOpenDocuments(handle.db, scopes.bruno, ids.client, today, { key: "echeance", direction: "asc" })).toEqual([]);
  });
});
