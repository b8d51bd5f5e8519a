/**
 * Delivery against a real HTTP receiver on 127.0.0.1 (private addresses allowed for these tests, refused where a
 * test says so): signature, retries on the backoff schedule with "now" passed in, give-up, replay, the address
 * guard, and two workers never posting the same delivery.
 */
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type DatabaseHandle, setDatabase } from "@/db/client";
import { enqueueWebhookEvent } from "@/db/queries/webhook-events";
import { webhookAttempts, webhookDeliveries } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { deliverWebhooksJob } from "@/inngest/functions/deliver-webhooks";
import { MAX_WEBHOOK_ATTEMPTS } from "./backoff";
import { deliverDueWebhooks, replayWebhookDelivery } from "./deliver";
import { startReceiver } from "./receiver.testing";
import { clearWebhooks, subscribe } from "./testing";

vi.hoisted(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "true";
});

const SECRET = "whsec_test_secret";
let handle: DatabaseHandle;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  receiver = await startReceiver(SECRET);
});
afterAll(async () => {
  await receiver.close();
  await handle.close();
});
beforeEach(async () => {
  await clearWebhooks(handle.db);
  receiver.received.length = 0;
  receiver.hangUp(false);
});

const MIN = 60_000;
/** Later than the rows' insertion time (their first try is due at once), whatever the clock says. */
const start = () => new Date(Date.now() + MIN);
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

async function deliveryRow(id: string) {
  const [row] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}
const attemptsOf = (id: string) => handle.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, id)).orderBy(webhookAttempts.attemptedAt);

async function oneEvent(url = receiver.url) {
  await subscribe(handle.db, ["import.finished"], url, SECRET);
  await enqueueWebhookEvent(handle.db, "import.finished", { import_id: "imp-1", occurred_at: "2026-12-01T10:00:00.000Z" }, "5f0c7a4e-1b2d-4c3e-8f9a-0a1b2c3d4e5f");
  const [row] = await handle.db.select().from(webhookDeliveries);
  return row.id;
}

describe("delivering webhooks", () => {
  it("posts the signed event; a 500 is retried a minute later, then the 200 delivers it", async () => {
    const id = await oneEvent();
    receiver.answer(500);
    const t0 = start();
    expect(await deliverDueWebhooks(handle.db, t0)).toEqual({ claimed: 1, delivered: 0, retried: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [first] = receiver.received;
    expect(first).toMatchObject({ event: "import.finished", delivery: id, validSignature: true });
    expect(JSON.parse(first.body)).toEqual({
      event_id: "5f0c7a4e-1b2d-4c3e-8f9a-0a1b2c3d4e5f",
      event: "import.finished",
      data: { import_id: "imp-1", occurred_at: "2026-12-01T10:00:00.000Z" },
    });
    expect(await deliveryRow(id)).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "Réponse HTTP 500", nextAttemptAt: at(t0, MIN) });

    // Not yet due 59 s later; due at exactly one minute.
    expect(await deliverDueWebhooks(handle.db, at(t0, MIN - 1000))).toMatchObject({ claimed: 0 });
    expect(await deliverDueWebhooks(handle.db, at(t0, MIN))).toEqual({ claimed: 1, delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received.map((r) => r.validSignature)).toEqual([true, true]);
    expect(receiver.received[1].body).toBe(first.body);
    expect(await deliveryRow(id)).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200, lastError: null, deliveredAt: at(t0, MIN) });
    expect((await attemptsOf(id)).map((a) => [a.attemptedAt.getTime() - t0.getTime(), a.statusCode, a.replay])).toEqual([
      [0, 500, false],
      [MIN, 200, false],
    ]);
    // Delivered, it is not sent again.
    expect(await deliverDueWebhooks(handle.db, at(t0, 60 * MIN))).toMatchObject({ claimed: 0 });
  });

  it("backs off 1 min, 5 min, 30 min, 2 h, 12 h, 24 h, 24 h, then gives up after the eighth try; a replay delivers it", async () => {
    const id = await oneEvent();
    receiver.answer(...Array(MAX_WEBHOOK_ATTEMPTS).fill(503));
    let now = start();
    const t0 = now;
    for (let i = 1; i <= MAX_WEBHOOK_ATTEMPTS; i++) {
      await deliverDueWebhooks(handle.db, now);
      const row = await deliveryRow(id);
      expect(row.attempts).toBe(i);
      if (i < MAX_WEBHOOK_ATTEMPTS) now = row.nextAttemptAt;
      else expect(row.status).toBe("failed");
    }
    // 1 + 5 + 30 + 120 + 720 + 1 440 + 1 440 minutes after the first try.
    expect((await attemptsOf(id)).map((a) => (a.attemptedAt.getTime() - t0.getTime()) / MIN)).toEqual([0, 1, 6, 36, 156, 876, 2316, 3756]);
    expect(await deliverDueWebhooks(handle.db, at(now, 100 * 24 * 60 * MIN))).toMatchObject({ claimed: 0 });

    const replayAt = at(now, 10 * MIN);
    expect(await replayWebhookDelivery(handle.db, id, replayAt)).toEqual({ deliveryId: id, statusCode: 200, error: null, outcome: "delivered" });
    expect(await deliveryRow(id)).toMatchObject({ status: "delivered", attempts: MAX_WEBHOOK_ATTEMPTS, deliveredAt: replayAt, lastStatusCode: 200 });
    const attempts = await attemptsOf(id);
    expect(attempts.map((a) => a.replay)).toEqual([...Array(MAX_WEBHOOK_ATTEMPTS).fill(false), true]);
    expect(receiver.received.at(-1)?.validSignature).toBe(true);
    expect(await replayWebhookDelivery(handle.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("a replay that fails leaves the delivery's schedule alone", async () => {
    const id = await oneEvent();
    receiver.answer(500, 502);
    const t0 = start();
    await deliverDueWebhooks(handle.db, t0);
    expect(await replayWebhookDelivery(handle.db, id, at(t0, 10_000))).toMatchObject({ statusCode: 502, outcome: "replayed" });
    expect(await deliveryRow(id)).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 502, nextAttemptAt: at(t0, MIN) });
  });

  it("refuses private addresses when they are not allowed: loopback by name or number, and the metadata address", async () => {
    const t0 = start();
    for (const url of [receiver.url, receiver.url.replace("127.0.0.1", "localhost"), "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/"]) {
      await clearWebhooks(handle.db);
      const id = await oneEvent(url);
      expect(await deliverDueWebhooks(handle.db, t0, { allowPrivate: false })).toMatchObject({ claimed: 1, retried: 1 });
      const row = await deliveryRow(id);
      expect([url, row.lastStatusCode, row.lastError]).toEqual([url, null, expect.stringMatching(/^Adresse privée ou interne refusée \((127\.0\.0\.1|::1|169\.254\.169\.254)\)/)]);
    }
    expect(receiver.received).toEqual([]);
  });

  it("gives up waiting after the timeout and retries later", async () => {
    const id = await oneEvent();
    receiver.hangUp(true);
    await deliverDueWebhooks(handle.db, start(), { timeoutMs: 300 });
    expect(await deliveryRow(id)).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, lastError: "Pas de réponse complète en 0 s." });
  });

  it("two workers at once post each delivery once", async () => {
    await subscribe(handle.db, ["payment.received"], receiver.url, SECRET);
    for (let i = 0; i < 30; i++) await enqueueWebhookEvent(handle.db, "payment.received", { payment_id: i });
    const t0 = start();
    const [a, b] = await Promise.all([deliverDueWebhooks(handle.db, t0, { batchSize: 5 }), deliverDueWebhooks(handle.db, t0, { batchSize: 5 })]);
    expect(a.claimed + b.claimed).toBe(30);
    expect(a.delivered + b.delivered).toBe(30);
    expect(new Set(receiver.received.map((r) => r.delivery)).size).toBe(30);
    expect(receiver.received).toHaveLength(30);
  });

  it("the job delivers what is due, under Inngest's test engine", async () => {
    const id = await oneEvent();
    const { result } = await new InngestTestEngine({ function: deliverWebhooksJob.fn, events: [{ name: deliverWebhooksJob.event, data: {} }] }).execute();
    expect(result).toEqual({ claimed: 1, delivered: 1, retried: 0, failed: 0 });
    expect((await deliveryRow(id)).status).toBe("delivered");
    expect(receiver.received.map((r) => r.validSignature)).toEqual([true]);
  });
});
