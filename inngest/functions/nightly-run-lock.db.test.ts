import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows, setDatabase } from "@/db/client";
import { actionDocuments, actions, contacts, documents, jobLeases, jobRuns, outboundMessages, templates } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeGroup, makeScenario } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { evaluateScenarios } from "@/lib/collection/evaluate";
import type { EmailProvider } from "@/lib/outbound/providers";
import { outboxSms } from "@/lib/outbound/providers";
import { sendAction } from "@/lib/outbound/send-action";
import { makeDueAction, makeSendingScenario } from "@/lib/outbound/test-fixtures";
import type { JobStep } from "../define-job";
import { runJobInProcess } from "../runner";
import { nightlyRunJob } from "./nightly-run";

let handle: DatabaseHandle;
const date = "2026-11-23";

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  const { db } = handle;
  const entity = await makeEntity(db);
  const [template] = await db.insert(templates).values({ channel: "email", name: "Relance", subject: "Relance {{client.code}}", body: "<p>{{pieces.tableau}}</p>" }).returning();
  const scenario = await makeScenario(db, "Standard", [{ label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic", templateId: template.id }]);
  await makeGroup(db, { name: "Tous", priority: 1, scenarioId: scenario.id, criteria: [] });
  // Three clients 10 days late: three e-mails go out on the night of `date`.
  for (let i = 0; i < 3; i++) {
    const client = await makeClient(db, entity.id);
    await db.insert(contacts).values({ clientId: client.id, name: "Martin", email: `compta${i}@client.fr` });
    await makeDocument(db, client.id, { amount: "1200.00", issueDate: "2026-10-14", dueDate: "2026-11-13" });
  }
});
afterAll(() => handle.close());

const count = async (table: string) => (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;
const nightlyRuns = () => handle.db.select().from(jobRuns).where(eq(jobRuns.job, "nightly-run")).orderBy(asc(jobRuns.startedAt));

describe("nightly lock", () => {
  it("refuses a run while a live holder has the lock: no run recorded, nothing sent, the live run left as it is", async () => {
    const [live] = await handle.db.insert(jobRuns).values({ job: "nightly-run", runDate: date, status: "running" }).returning();
    await handle.db.execute(sql`insert into job_leases (job, holder, expires_at) values ('nightly-run', ${randomUUID()}, now() + interval '1 minute')`);

    await expect(runJobInProcess(nightlyRunJob, { date })).rejects.toThrow("Un traitement de nuit est déjà en cours");
    await expect(evaluateScenarios(handle.db, date, 7)).rejects.toThrow("Un traitement de nuit est déjà en cours");
    expect((await nightlyRuns()).map((r) => [r.id, r.status, r.error])).toEqual([[live.id, "running", null]]);
    expect(await count("actions")).toBe(0);
    expect(await count("outbound_messages")).toBe(0);
  });

  it("takes over the lock of a crashed run once it expired, and closes that run as interrupted", async () => {
    await handle.db.update(jobLeases).set({ expiresAt: sql`now() - interval '1 second'` });
    const report = await runJobInProcess(nightlyRunJob, { date });
    expect(report.sending).toEqual({ due: 3, queued: 0, sent: 3, errors: 0, deferred: 0 });
    expect((await nightlyRuns()).map((r) => [r.status, r.error])).toEqual([
      ["failed", "Interrompu avant la fin : relancé depuis."],
      ["succeeded", null],
    ]);
    expect(await count("job_leases")).toBe(0);
  });

  it("runs exactly one of two runs started together; the other is refused and sends nothing", async () => {
    const { db } = handle;
    await db.delete(outboundMessages);
    await db.delete(actionDocuments);
    await db.delete(actions);
    await db.delete(jobRuns);

    const outcomes = await Promise.allSettled([runJobInProcess(nightlyRunJob, { date }), runJobInProcess(nightlyRunJob, { date })]);
    const done = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(done).toHaveLength(1);
    expect(refused.map((o) => String(o.reason))).toEqual([expect.stringContaining("Un traitement de nuit est déjà en cours")]);
    expect(done[0].value.sending).toEqual({ due: 3, queued: 0, sent: 3, errors: 0, deferred: 0 });
    expect(await count("outbound_messages")).toBe(3);
    const runs = await nightlyRuns();
    expect(runs.map((r) => [r.status, r.error, r.finishedAt !== null])).toEqual([["succeeded", null, true]]);
    expect(await count("job_leases")).toBe(0);
  });
});

describe("nightly lock between steps", () => {
  it("refuses a run started while the live one is between two steps, and never marks the live one interrupted", async () => {
    const { db } = handle;
    await db.delete(outboundMessages);
    await db.delete(actionDocuments);
    await db.delete(actions);
    await db.delete(jobRuns);
    let reached!: () => void;
    const paused = new Promise<void>((resolve) => (reached = resolve));
    let resume!: () => void;
    const gate = new Promise<void>((resolve) => (resume = resolve));
    // Runs the steps straight through like the in-process runner, pausing before the sends.
    const pausingStep: JobStep = {
      async run(id, fn) {
        if (id === "list-due-actions") {
          reached();
          await gate;
        }
        return fn();
      },
    };
    const live = nightlyRunJob.handler({ event: { name: nightlyRunJob.event, data: { date } }, step: pausingStep });
    await paused;

    await expect(runJobInProcess(nightlyRunJob, { date })).rejects.toThrow("Un traitement de nuit est déjà en cours");
    expect((await nightlyRuns()).map((r) => [r.status, r.error])).toEqual([["running", null]]);
    resume();
    expect((await live).sending).toEqual({ due: 3, queued: 0, sent: 3, errors: 0, deferred: 0 });
    expect(await count("outbound_messages")).toBe(3);
    expect((await nightlyRuns()).map((r) => [r.status, r.error])).toEqual([["succeeded", null]]);
  });
});

describe("evaluation beside a send", () => {
  it("leaves the documents of an action being sent where they are", async () => {
    const { db } = handle;
    const sending = await makeSendingScenario(db);
    const group = await makeGroup(db, { priority: 0, scenarioId: sending.scenario.id, criteria: [] });
    const client = await makeClient(db, (await makeEntity(db)).id, { groupId: group.id, forcedGroupId: group.id });
    await db.insert(contacts).values({ clientId: client.id, name: "Durand", role: "facturation", email: "durand@client.fr" });
    const invoices = [
      await makeDocument(db, client.id, { amount: "700.00", issueDate: "2026-10-01", dueDate: "2026-11-15" }),
      await makeDocument(db, client.id, { amount: "800.00", issueDate: "2026-10-01", dueDate: "2026-11-15" }),
    ];
    const action = await makeDueAction(db, { clientId: client.id, stepId: sending.step("E-mail").id, type: "email", documentIds: invoices.map((d) => d.id) });

    // The e-mail provider holds the send open: the action is claimed, its documents read, nothing committed yet.
    let inProvider!: () => void;
    const entered = new Promise<void>((resolve) => (inProvider = resolve));
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    const slowEmail: EmailProvider = {
      name: "test",
      async send() {
        inProvider();
        await gate;
        return { status: "sent", providerMessageId: "msg-1" };
      },
    };
    // Paid just now: an evaluation takes it out of the actions still pending.
    await db.update(documents).set({ status: "settled", openAmount: "0" }).where(eq(documents.id, invoices[0].id));
    const send = sendAction(db, action.id, date, { email: slowEmail, sms: outboxSms });
    await entered;
    if (handle.kind === "postgres") {
      const report = await evaluateScenarios(db, date, 7);
      expect(report.releasedDocuments).toBe(0);
      letGo();
    } else {
      // PGlite has one connection: the evaluation simply waits for the send's transaction.
      const evaluation = evaluateScenarios(db, date, 7);
      letGo();
      await evaluation;
    }
    expect(await send).toMatchObject({ status: "sent" });

    const kept = await db.select({ id: actionDocuments.documentId }).from(actionDocuments).where(eq(actionDocuments.actionId, action.id));
    expect(kept.map((k) => k.id).sort()).toEqual(invoices.map((d) => d.id).sort());
    const [message] = await db.select().from(outboundMessages).where(eq(outboundMessages.actionId, action.id));
    for (const invoice of invoices) expect(message.body).toContain(invoice.number);
    const [row] = await db.select({ status: actions.status }).from(actions).where(eq(actions.id, action.id));
    expect(row.status).toBe("sent");
  });
});
