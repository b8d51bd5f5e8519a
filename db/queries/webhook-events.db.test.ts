import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { promiseDocuments, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { setWebhookSubscriptionActive } from "./webhook-deliveries";
import { clearWebhooks, payloadsOf, subscribe } from "@/lib/webhooks/testing";
import { settlePromises } from "./promise-outcomes";
import { enqueueWebhookEvent } from "./webhook-events";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());
beforeEach(() => clearWebhooks(handle.db));

describe("enqueueWebhookEvent", () => {
  it("writes one delivery per active subscription listening to the event, with one event id", async () => {
    const { db } = handle;
    const a = await subscribe(db, ["import.finished", "import.failed"]);
    const b = await subscribe(db, ["import.finished"]);
    await subscribe(db, ["import.failed"]);
    const off = await subscribe(db, ["import.finished"]);
    await setWebhookSubscriptionActive(db, off, false);

    expect(await enqueueWebhookEvent(db, "import.finished", { import_id: "x", occurred_at: "2026-12-01T10:00:00.000Z" })).toBe(2);
    const rows = await payloadsOf(db, "import.finished");
    expect(rows.map((r) => r.subscriptionId).sort()).toEqual([a, b].sort());
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(1);
    expect(rows[0].payload).toEqual({ import_id: "x", occurred_at: "2026-12-01T10:00:00.000Z" });
  });

  it("is recorded exactly when the transaction commits: once, and not at all on rollback", async () => {
    const { db } = handle;
    await subscribe(db, ["dispute.opened"]);
    await db.transaction(async (tx) => {
      await enqueueWebhookEvent(tx, "dispute.opened", { dispute_id: "committed" });
    });
    await db
      .transaction(async (tx) => {
        await enqueueWebhookEvent(tx, "dispute.opened", { dispute_id: "rolled back" });
        throw new Error("rollback");
      })
      .catch(() => {});
    const rows = await payloadsOf(db, "dispute.opened");
    expect(rows.map((r) => r.payload.dispute_id)).toEqual(["committed"]);
    expect(rows[0].payload.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("given the same event id twice, delivers it once", async () => {
    const { db } = handle;
    await subscribe(db, ["import.failed"]);
    const id = "0b6f8a52-3c1e-4a8e-9d7c-2f4d1b0a9e11";
    expect(await enqueueWebhookEvent(db, "import.failed", { import_id: "y" }, id)).toBe(1);
    expect(await enqueueWebhookEvent(db, "import.failed", { import_id: "y" }, id)).toBe(0);
    expect(await payloadsOf(db, "import.failed")).toHaveLength(1);
  });

  it("writes nothing when no subscription listens", async () => {
    expect(await enqueueWebhookEvent(handle.db, "action.sent", { action_id: "z" })).toBe(0);
  });
});

describe("settlePromises emits promise.kept and promise.broken", () => {
  it("one event per verdict, with the promise's amount as a string, in the same statement", async () => {
    const { db } = handle;
    const both = await subscribe(db, ["promise.kept", "promise.broken"]);
    await subscribe(db, ["promise.kept"]);
    const client = await makeClient(db, (await makeEntity(db)).id);
    const paid = await makeDocument(db, client.id, { amount: "100.00", issueDate: "2026-09-01", dueDate: "2026-10-01", status: "settled", openAmount: "0" });
    const open = await makeDocument(db, client.id, { amount: "80.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
    const [kept] = await db.insert(promises).values({ clientId: client.id, promisedDate: "2026-11-30", amount: "100.00" }).returning();
    const [broken] = await db.insert(promises).values({ clientId: client.id, promisedDate: "2026-11-20", amount: "1234.5" }).returning();
    await db.insert(promiseDocuments).values([
      { promiseId: kept.id, documentId: paid.id },
      { promiseId: broken.id, documentId: open.id },
    ]);

    expect(await settlePromises(db, "2026-11-23")).toEqual({ kept: 1, broken: 1 });
    const keptEvents = await payloadsOf(db, "promise.kept");
    expect(keptEvents).toHaveLength(2);
    expect(keptEvents[0].eventId).toBe(keptEvents[1].eventId);
    expect(keptEvents[0].payload).toMatchObject({ promise_id: kept.id, client_id: client.id, client_code: client.code, promised_date: "2026-11-30", amount: "100.00" });
    const brokenEvents = await payloadsOf(db, "promise.broken");
    expect(brokenEvents.map((e) => [e.subscriptionId, e.payload.promise_id, e.payload.amount])).toEqual([[both, broken.id, "1234.50"]]);

    // A second run changes no promise and emits nothing more.
    await settlePromises(db, "2026-11-23");
    expect(await payloadsOf(db, "promise.kept")).toHaveLength(2);
  });
});
