import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { documents, promiseDocuments, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { settlePromises } from "./promise-outcomes";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function promiseOn(promisedDate: string, settled: boolean[]) {
  const { db } = handle;
  const client = await makeClient(db, (await makeEntity(db)).id);
  const docs = [];
  for (const isSettled of settled)
    docs.push(
      await makeDocument(db, client.id, {
        amount: "100.00",
        issueDate: "2026-09-01",
        dueDate: "2026-10-01",
        ...(isSettled ? { status: "settled" as const, openAmount: "0", settledDate: "2026-11-20" } : {}),
      }),
    );
  const [promise] = await db.insert(promises).values({ clientId: client.id, promisedDate, amount: "200.00" }).returning();
  if (docs.length) await db.insert(promiseDocuments).values(docs.map((d) => ({ promiseId: promise.id, documentId: d.id })));
  return promise.id;
}
const status = async (id: string) => (await handle.db.select({ s: promises.status }).from(promises).where(eq(promises.id, id)))[0].s;

describe("settlePromises", () => {
  it("keeps promises whose documents are settled, breaks those past their date with a document open", async () => {
    const keptEarly = await promiseOn("2026-11-30", [true, true]);
    const keptLate = await promiseOn("2026-11-10", [true]);
    const broken = await promiseOn("2026-11-22", [true, false]);
    const dueToday = await promiseOn("2026-11-23", [false]);
    const future = await promiseOn("2026-11-30", [false, true]);
    const withoutDocuments = await promiseOn("2026-11-01", []);

    expect(await settlePromises(handle.db, "2026-11-23")).toEqual({ kept: 2, broken: 1 });
    expect(await Promise.all([keptEarly, keptLate, broken, dueToday, future, withoutDocuments].map(status))).toEqual([
      "kept",
      "kept",
      "broken",
      "pending",
      "pending",
      "pending",
    ]);
    // Settled afterwards, a broken promise stays broken; running again changes nothing.
    await handle.db.update(documents).set({ status: "settled", openAmount: "0" });
    expect(await settlePromises(handle.db, "2026-11-23")).toEqual({ kept: 2, broken: 0 });
    expect(await status(broken)).toBe("broken");
  });
});
