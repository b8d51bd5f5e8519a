import { InngestTestEngine } from "@inngest/test";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows, setDatabase } from "@/db/client";
import { actions, clients, contacts, jobRuns, outboundMessages, promiseDocuments, promises, templates } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeGroup, makeScenario } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { runJobInProcess } from "../runner";
import { nightlyRunJob } from "./nightly-run";

let handle: DatabaseHandle;
let clientId: string;
let groupId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabase(handle);
  const { db } = handle;
  const entity = await makeEntity(db);
  const [template] = await db
    .insert(templates)
    .values({ channel: "email", name: "Relance", subject: "Relance {{client.code}}", body: "<p>{{pieces.tableau}}</p>" })
    .returning();
  const scenario = await makeScenario(db, "Standard", [
    { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic", templateId: template.id },
    { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual" },
  ]);
  groupId = (await makeGroup(db, { name: "Tous", priority: 1, scenarioId: scenario.id, criteria: [] })).id;
  clientId = (await makeClient(db, entity.id)).id;
  await db.insert(contacts).values({ clientId, name: "Martin", email: "compta@client.fr" });
  // 10 days late: J+5 is reached, J+15 falls within the 7-day horizon.
  await makeDocument(db, clientId, { amount: "1200.00", issueDate: "2026-10-14", dueDate: "2026-11-13" });
});
afterAll(() => handle.close());

const runs = () => handle.db.select().from(jobRuns).where(eq(jobRuns.job, "nightly-run")).orderBy(asc(jobRuns.startedAt));

describe("nightly run", () => {
  it("recomputes groups, evaluates scenarios, sends what is due, records the snapshot and reports it", async () => {
    const t = new InngestTestEngine({ function: nightlyRunJob.fn, events: [{ name: nightlyRunJob.event, data: { date: "2026-11-23" } }] });
    const { result } = await t.execute();
    expect(result).toMatchObject({
      groups: { moved: 1, withoutGroup: 0 },
      evaluation: { date: "2026-11-23", horizonDays: 7, createdActions: 2, coveredDocuments: 2 },
      promises: { kept: 0, broken: 0 },
      sending: { due: 1, queued: 0, sent: 1, errors: 0, deferred: 0 },
      snapshot: { date: "2026-11-23", clients: 1, outstanding: "1200.00", overdue: "1200.00" },
      // The trend's month ends since the first pièce (issued 14/10): October's, rebuilt from the pièces.
      monthEnds: ["2026-10-31"],
    });
    const [client] = await handle.db.select({ groupId: clients.groupId }).from(clients).where(eq(clients.id, clientId));
    expect(client.groupId).toBe(groupId);
    const planned = await handle.db.select({ status: actions.status, date: actions.plannedDate }).from(actions).orderBy(asc(actions.plannedDate));
    expect(planned).toEqual([
      { status: "sent", date: "2026-11-23" },
      { status: "planned", date: "2026-11-28" },
    ]);
    const [run] = await runs();
    expect(run.status).toBe("succeeded");
    expect(run.report).toMatchObject({ evaluation: { createdActions: 2 }, sending: { sent: 1 } });
    const [message] = await handle.db.select().from(outboundMessages);
    expect(message).toMatchObject({ channel: "email", recipient: "compta@client.fr", subject: expect.stringMatching(/^Relance C\d+$/), status: "sent" });
    expect(run.finishedAt).not.toBeNull();
  });

  it("is safe to run again, and closes a run left unfinished by a crash", async () => {
    await handle.db.insert(jobRuns).values({ job: "nightly-run", runDate: "2026-11-23", status: "running" });
    const result = await runJobInProcess(nightlyRunJob, { date: "2026-11-23" });
    expect(result.evaluation).toMatchObject({ createdActions: 0, coveredDocuments: 0 });
    expect(result.sending).toMatchObject({ due: 0, sent: 0 });
    expect(result.monthEnds).toEqual([]);
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from actions`);
    expect(n).toBe(2);
    expect((await runs()).map((r) => [r.status, r.error])).toEqual([
      ["succeeded", null],
      ["failed", "Interrompu avant la fin : relancé depuis."],
      ["succeeded", null],
    ]);
  });

  it("breaks a promise past its date before evaluating, so its invoice is chased again that night", async () => {
    const { db } = handle;
    const document = await makeDocument(db, clientId, { amount: "300.00", issueDate: "2026-10-01", dueDate: "2026-11-01" });
    const [promise] = await db.insert(promises).values({ clientId, promisedDate: "2026-11-24", amount: "300.00" }).returning();
    await db.insert(promiseDocuments).values({ promiseId: promise.id, documentId: document.id });
    const covered = () => queryRows<{ n: number }>(db, sql`select count(*)::int as n from action_documents where document_id = ${document.id}`);

    const before = await runJobInProcess(nightlyRunJob, { date: "2026-11-24" });
    expect(before.promises).toEqual({ kept: 0, broken: 0 });
    expect((await covered())[0].n).toBe(0);

    const after = await runJobInProcess(nightlyRunJob, { date: "2026-11-25" });
    expect(after.promises).toEqual({ kept: 0, broken: 1 });
    expect((await covered())[0].n).toBeGreaterThan(0);
  });
});
