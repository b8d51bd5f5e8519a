import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { clients, documents } from "@/db/schema";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { setOption } from "./settings";
import { recordDailySnapshot } from "./snapshots";
import { collectTouchedClients, touchedClientIds } from "./touched-clients";

const day = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<"written" | "other", { client: string; document: number }> = {} as never;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  for (const key of ["written", "other"] as const) {
    const client = await makeClient(db, entity.id);
    const document = await makeDocument(db, client.id, { issueDate: "2026-10-01", dueDate: "2026-10-31", amount: "1000.00" });
    ids[key] = { client: client.id, document: document.id };
  }
  await recordDailySnapshot(db, day);
});
afterAll(() => handle.close());

const outstanding = async (date: string) =>
  Object.fromEntries(
    (
      await queryRows<{ client_id: string; outstanding: string }>(
        handle.db,
        sql`select client_id, outstanding::text from daily_snapshots where snapshot_date = ${date}::date`,
      )
    ).map((r) => [r.client_id === ids.written.client ? "written" : "other", r.outstanding]),
  );

const balance = async (key: keyof typeof ids) =>
  (await handle.db.select({ outstanding: clients.outstanding }).from(clients).where(eq(clients.id, ids[key].client)))[0].outstanding;

describe("an import's snapshot of a day already recorded", () => {
  it("records again the clients whose pièces the import wrote, and them only", async () => {
    await handle.db.transaction(async (tx) => {
      // The import pays 400 on one client's invoice, stamped as imports stamp what they write.
      await tx.update(documents).set({ openAmount: "600.00", updatedAt: sql`now()` }).where(eq(documents.id, ids.written.document));
      expect(await collectTouchedClients(tx)).toBe(1);
      await recordDailySnapshot(tx, day, { clients: touchedClientIds });
    });
    // A change the import did not write (no stamp): the other client's row stays as recorded.
    await handle.db.update(documents).set({ openAmount: "10.00" }).where(eq(documents.id, ids.other.document));
    await handle.db.transaction(async (tx) => {
      expect(await collectTouchedClients(tx)).toBe(0);
      await recordDailySnapshot(tx, day, { clients: touchedClientIds });
    });
    expect(await outstanding(day)).toEqual({ written: "600.00", other: "1000.00" });
    expect([await balance("written"), await balance("other")]).toEqual(["600.00", "1000.00"]);
  });

  it("records every client on a day not recorded yet, whatever the import touched", async () => {
    await handle.db.transaction(async (tx) => {
      await collectTouchedClients(tx);
      await recordDailySnapshot(tx, "2026-11-24", { clients: touchedClientIds });
    });
    expect(await outstanding("2026-11-24")).toEqual({ written: "600.00", other: "10.00" });
    expect([await balance("written"), await balance("other")]).toEqual(["600.00", "10.00"]);
  });

  it("records every client again when the aging limits changed since the day was recorded", async () => {
    await handle.db.update(documents).set({ openAmount: "20.00" }).where(eq(documents.id, ids.other.document));
    await setOption(handle.db, "agingLimits", [15, 45]);
    await handle.db.transaction(async (tx) => {
      expect(await collectTouchedClients(tx)).toBe(0);
      await recordDailySnapshot(tx, "2026-11-24", { clients: touchedClientIds });
    });
    expect(await outstanding("2026-11-24")).toEqual({ written: "600.00", other: "20.00" });
    const buckets = await queryRows<{ n: number }>(
      handle.db,
      sql`select distinct cardinality(aged) as n from daily_snapshots where snapshot_date = '2026-11-24'`,
    );
    expect(buckets).toEqual([{ n: 3 }]);
  });
});
