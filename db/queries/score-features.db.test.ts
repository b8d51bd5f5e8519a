import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { disputes, documents, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { featureNames } from "@/lib/scoring/features";
import { loadInvoiceFeatures } from "./score-features";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const f = (x: number[], name: (typeof featureNames)[number]) => x[featureNames.indexOf(name)];

/**
 * One client: A (100 €) paid 10 days late, B (300 €) paid 2 days early, C (200 €) due 2026-03-31 and paid on
 * 2026-04-20, after the target T is issued on 2026-04-10.
 */
async function history() {
  const { db } = handle;
  const client = await makeClient(db, (await makeEntity(db)).id);
  const settled = (settledDate: string) => ({ status: "settled" as const, openAmount: "0", settledDate });
  const a = await makeDocument(db, client.id, { amount: "100.00", issueDate: "2026-01-01", dueDate: "2026-01-31", ...settled("2026-02-10") });
  await makeDocument(db, client.id, { amount: "300.00", issueDate: "2026-02-01", dueDate: "2026-03-03", ...settled("2026-03-01") });
  const c = await makeDocument(db, client.id, { amount: "200.00", issueDate: "2026-03-01", dueDate: "2026-03-31", ...settled("2026-04-20") });
  const t = await makeDocument(db, client.id, { amount: "400.00", issueDate: "2026-04-10", dueDate: "2026-05-10" });
  return { client, a, c, t };
}

async function featuresOf(id: number, knownAt = "2026-12-01") {
  const rows = await loadInvoiceFeatures(handle.db, { knownAt, graceDays: 0 });
  return rows.find((r) => r.documentId === id)!;
}

describe("invoice features", () => {
  it("read only what was known at the invoice's issue date, worked out by hand", async () => {
    const { t, a } = await history();
    // The client's first invoice: no history, an even late rate, the day-count cap.
    const first = (await featuresOf(a.id)).x;
    expect([f(first, "clientLateRate"), f(first, "meanDaysLate"), f(first, "settledCount"), f(first, "daysSinceLastPayment")]).toEqual([0.5, 0, 0, 365]);
    const { x } = await featuresOf(t.id);
    // Known on 2026-04-10: A late, B on time, C late (still unpaid then): 300 € late of 600 €.
    expect(f(x, "clientLateRate")).toBeCloseTo(0.5, 9);
    // Settled before: A 10 days late, B early (0).
    expect(f(x, "meanDaysLate")).toBeCloseTo(5, 9);
    expect(f(x, "settledCount")).toBeCloseTo(Math.log(3), 9);
    expect(f(x, "knownCount")).toBeCloseTo(Math.log(4), 9);
    expect(f(x, "overdueAtIssue")).toBeCloseTo(Math.log(2), 9);
    // Last payment 2026-03-01, 40 days before; it was B's, paid early.
    expect(f(x, "daysSinceLastPayment")).toBe(40);
    expect(f(x, "lastDaysLate")).toBe(0);
    expect(f(x, "paymentTerms")).toBe(30);
    // 400 € against a mean of 200 € before.
    expect(f(x, "amountRatio")).toBeCloseTo(Math.log(2), 9);
  });

  it("do not change when a payment, a dispute or a promise dated after the issue date changes (no leakage)", async () => {
    const { client, c, t } = await history();
    const before = await featuresOf(t.id);
    const { db } = handle;
    // C paid later still, then not at all; T itself paid; a dispute and a broken promise after T's issue date.
    await db.update(documents).set({ settledDate: "2026-04-11" }).where(eq(documents.id, c.id));
    expect((await featuresOf(t.id)).x).toEqual(before.x);
    // Paid on the issue date itself: not yet known when the invoice was issued.
    await db.update(documents).set({ settledDate: "2026-04-10" }).where(eq(documents.id, c.id));
    expect((await featuresOf(t.id)).x).toEqual(before.x);
    await db.update(documents).set({ settledDate: null, status: "open", openAmount: "200.00" }).where(eq(documents.id, c.id));
    expect((await featuresOf(t.id)).x).toEqual(before.x);
    await db.update(documents).set({ settledDate: "2026-04-10", status: "settled", openAmount: "0" }).where(eq(documents.id, t.id));
    await db.insert(disputes).values({ clientId: client.id, documentId: t.id, reason: "Prix", openedAt: new Date("2026-04-15T10:00:00Z") });
    await db.insert(promises).values({ clientId: client.id, promisedDate: "2026-04-12", amount: "200.00", status: "broken" });
    expect((await featuresOf(t.id)).x).toEqual(before.x);

    // The same kinds of facts dated before T's issue date do count.
    await db.insert(disputes).values({ clientId: client.id, reason: "Prix", openedAt: new Date("2026-04-01T10:00:00Z") });
    await db.insert(promises).values({ clientId: client.id, promisedDate: "2026-04-05", amount: "200.00", status: "broken" });
    await db.update(documents).set({ settledDate: "2026-04-05", status: "settled", openAmount: "0" }).where(eq(documents.id, c.id));
    const after = (await featuresOf(t.id)).x;
    expect(f(after, "disputesYear")).toBe(1);
    expect(f(after, "brokenPromises90")).toBe(1);
    // C paid 5 days late before T: settled count 3, mean days late (10 + 0 + 5) / 3.
    expect(f(after, "meanDaysLate")).toBeCloseTo(5, 9);
    expect(f(after, "settledCount")).toBeCloseTo(Math.log(4), 9);
    expect(f(after, "overdueAtIssue")).toBe(0);
  });

  it("label an invoice by what was known at knownAt, with the grace period", async () => {
    const { c } = await history();
    const at = async (knownAt: string, graceDays: number) =>
      (await loadInvoiceFeatures(handle.db, { knownAt, graceDays })).find((r) => r.documentId === c.id)!;
    // Due 2026-03-31, paid 2026-04-20: not known on the due date, late the day after, paid 20 days late.
    expect((await at("2026-03-31", 0)).late).toBeNull();
    expect(await at("2026-04-10", 0)).toMatchObject({ late: 1, daysLate: null });
    expect(await at("2026-12-01", 0)).toMatchObject({ late: 1, daysLate: 20 });
    // With 20 days of grace it was paid in time; with 19 it was late.
    expect((await at("2026-12-01", 20)).late).toBe(0);
    expect((await at("2026-12-01", 19)).late).toBe(1);
  });
});
