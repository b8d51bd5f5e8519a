import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { documentScores, entities, scoreModels } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type DocumentFilters, listDocuments, streamDocuments } from "./documents";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db, "NORD");
  const other = await makeEntity(db, "SUD");
  ids.alice = (await makeUser(db, "collector")).id;
  ids.bruno = (await makeUser(db, "collector")).id;
  ids.manager = (await makeUser(db, "manager", { entityIds: [other.id] })).id;
  ids.admin = (await makeUser(db, "admin")).id;
  const a = await makeClient(db, entity.id, { collectorId: ids.alice, name: "Alpha" });
  ids.clientA = a.id;
  const b = await makeClient(db, other.id, { collectorId: ids.bruno, name: "Bêta" });
  const a1 = await makeDocument(db, a.id, { number: "A-1", amount: "100.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  await makeDocument(db, a.id, { number: "A-2", amount: "250.50", issueDate: "2026-11-01", dueDate: "2026-12-01" });
  await makeDocument(db, a.id, { number: "A-3", amount: "-40.00", type: "credit_note", issueDate: "2026-11-02", dueDate: "2026-11-02", disputed: true });
  await makeDocument(db, a.id, { number: "A-4", amount: "75.00", issueDate: "2026-08-01", dueDate: "2026-09-01", status: "settled", openAmount: "0", settledDate: "2026-09-15" });
  const b1 = await makeDocument(db, b.id, { number: "B-1", amount: "999.99", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  const [model] = await db.insert(scoreModels).values({ kind: "rules", graceDays: 0, features: [], trainedOn: 0, trainedTo: today }).returning();
  await db.insert(documentScores).values([
    { documentId: a1.id, modelId: model.id, pLate: 0.2, expectedPaymentDate: "2026-12-01", scoredOn: today },
    { documentId: b1.id, modelId: model.id, pLate: 0.9, expectedPaymentDate: "2027-01-15", scoredOn: today },
  ]);
});
afterAll(() => handle.close());

async function numbers(user: string, filters: DocumentFilters = {}) {
  const scope = (await loadScope(handle.db, ids[user], today))!;
  const { rows, totals } = await listDocuments(handle.db, scope, filters, today, { page: 1, pageSize: 50 });
  const exported: string[] = [];
  for await (const batch of streamDocuments(handle.db, scope, filters, today, 2)) exported.push(...batch.map((r) => r.number));
  expect(exported.sort()).toEqual(rows.map((r) => r.number).sort());
  // The totals are those of the very rows listed (every case fits one page), whichever joins they need.
  const cents = (amounts: string[]) => amounts.reduce((sum, a) => sum + Math.round(Number(a) * 100), 0);
  expect(totals.count).toBe(rows.length);
  expect(cents([totals.amount])).toBe(cents(rows.map((r) => r.amount)));
  expect(cents([totals.openAmount])).toBe(cents(rows.map((r) => r.openAmount)));
  return { numbers: rows.map((r) => r.number).sort(), totals };
}

describe("Pièces list and export", () => {
  it("shows each role exactly its documents, in the list, the totals and the export", async () => {
    expect(await numbers("alice")).toEqual({ numbers: ["A-1", "A-2", "A-3"], totals: { count: 3, amount: "310.50", openAmount: "310.50", otherCurrencies: [] } });
    expect((await numbers("bruno")).numbers).toEqual(["B-1"]);
    expect((await numbers("manager")).numbers).toEqual(["B-1"]);
    expect((await numbers("admin")).numbers).toEqual(["A-1", "A-2", "A-3", "B-1"]);
  });

  it("filters by due state, type, dispute, status and text", async () => {
    expect((await numbers("alice", { due: "overdue" })).numbers).toEqual(["A-1", "A-3"]);
    expect((await numbers("alice", { due: "not_due" })).numbers).toEqual(["A-2"]);
    expect((await numbers("alice", { type: "credit_note" })).numbers).toEqual(["A-3"]);
    expect((await numbers("alice", { disputed: true })).numbers).toEqual(["A-3"]);
    expect((await numbers("alice", { status: "settled" })).numbers).toEqual(["A-4"]);
    expect((await numbers("admin", { q: "bêta" })).numbers).toEqual(["B-1"]);
    expect((await numbers("admin", { q: "%" })).numbers).toEqual([]);
    // A-1 and B-1 are 53 days late, A-3 21 days.
    expect((await numbers("admin", { daysLateAbove: 30, daysLateAtMost: 60 })).numbers).toEqual(["A-1", "B-1"]);
    expect((await numbers("admin", { daysLateAbove: 0, daysLateAtMost: 30 })).numbers).toEqual(["A-3"]);
    const [south] = await handle.db.select().from(entities).where(eq(entities.code, "SUD"));
    expect((await numbers("admin", { entityId: south.id })).numbers).toEqual(["B-1"]);
  });

  it("filters by client, issue and due date ranges, and amount range (credit notes negative)", async () => {
    expect((await numbers("admin", { clientId: ids.clientA })).numbers).toEqual(["A-1", "A-2", "A-3"]);
    // A collector asking for someone else's client gets nothing, not that client's documents.
    expect((await numbers("bruno", { clientId: ids.clientA })).numbers).toEqual([]);
    expect((await numbers("admin", { issuedFrom: "2026-11-01", issuedTo: "2026-11-01" })).numbers).toEqual(["A-2"]);
    expect((await numbers("admin", { dueFrom: "2026-10-01", dueTo: "2026-11-30" })).numbers).toEqual(["A-1", "A-3", "B-1"]);
    expect((await numbers("admin", { amountMin: 100, amountMax: 250.5 })).numbers).toEqual(["A-1", "A-2"]);
    expect((await numbers("admin", { amountMax: 0 })).numbers).toEqual(["A-3"]);
  });

  it("filters by the probability of paying late, only the pièces scored meeting a bound", async () => {
    expect(await numbers("admin", { pLateMin: 0.5 })).toMatchObject({ numbers: ["B-1"], totals: { count: 1, openAmount: "999.99" } });
    expect(await numbers("admin", { pLateMax: 0.5 })).toMatchObject({ numbers: ["A-1"], totals: { count: 1, openAmount: "100.00" } });
    expect((await numbers("alice", { pLateMin: 0.5 })).numbers).toEqual([]);
  });
});
