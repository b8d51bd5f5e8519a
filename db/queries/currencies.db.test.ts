import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { clients } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { openInOtherCurrencies } from "./currencies";
import { listDocuments } from "./documents";
import { loadScope } from "./scope";
import { recordDailySnapshot } from "./snapshots";

const today = "2026-12-03";
let handle: DatabaseHandle;
let clientId: string;
let adminId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  adminId = (await makeUser(handle.db, "admin")).id;
  clientId = (await makeClient(handle.db, entity.id, { code: "EXPORT-1" })).id;
  // All three are overdue: 1 000,00 €, 500,00 $US and 200,00 £ open.
  const overdue = { issueDate: "2026-09-01", dueDate: "2026-10-01" };
  await makeDocument(handle.db, clientId, { ...overdue, number: "F-EUR", amount: "1000.00" });
  await makeDocument(handle.db, clientId, { ...overdue, number: "F-USD", amount: "500.00", currency: "USD" });
  await makeDocument(handle.db, clientId, { ...overdue, number: "F-GBP", amount: "200.00", currency: "GBP" });
});
afterAll(() => handle.close());

describe("indicators in euros", () => {
  it("never add documents in another currency into encours and échu", async () => {
    await recordDailySnapshot(handle.db, today);
    const [client] = await handle.db.select().from(clients).where(eq(clients.id, clientId));
    expect({ outstanding: client.outstanding, overdue: client.overdue }).toEqual({ outstanding: "1000.00", overdue: "1000.00" });
  });

  it("say what they leave out, in each currency", async () => {
    const scope = (await loadScope(handle.db, adminId, today))!;
    expect(await openInOtherCurrencies(handle.db, scope)).toEqual([
      { currency: "GBP", count: 1, openAmount: "200.00" },
      { currency: "USD", count: 1, openAmount: "500.00" },
    ]);
    expect(await openInOtherCurrencies(handle.db, scope, { clientId: "pas-un-uuid" })).toEqual([]);
    const { rows, totals } = await listDocuments(handle.db, scope, {}, today, { page: 1, pageSize: 10 });
    expect(rows.map((r) => [r.number, r.currency])).toEqual(expect.arrayContaining([["F-USD", "USD"]]));
    expect(totals).toEqual({
      count: 3,
      amount: "1000.00",
      openAmount: "1000.00",
      otherCurrencies: [
        { currency: "GBP", count: 1, amount: "200.00", openAmount: "200.00" },
        { currency: "USD", count: 1, amount: "500.00", openAmount: "500.00" },
      ],
    });
  });
});
