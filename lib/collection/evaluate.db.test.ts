import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { actions, clients, documents, promiseDocuments, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeGroup, makeScenario, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { evaluateScenarios } from "./evaluate";

const D = "2026-11-23";
const H = 7;
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const docs: Record<string, number> = {};

type Row = { client: string; offset: number; planned: string; status: string; type: string; amount: string; docs: string[]; assignee: string | null };

/** Every action as « client, offset, planned date, status, documents », in a stable order. */
async function listActions(clientId?: string): Promise<Row[]> {
  return queryRows<Row>(
    handle.db,
    sql`select c.name as client, a.step_offset_days as offset, a.planned_date::text as planned, a.status::text as status,
          a.type::text as type, a.amount_covered::text as amount, a.assigned_user_id as assignee,
          coalesce(array_agg(d.number order by d.number) filter (where d.id is not null), '{}') as docs
        from actions a join clients c on c.id = a.client_id
        left join action_documents ad on ad.action_id = a.id left join documents d on d.id = ad.document_id
        where ${clientId ? sql`a.client_id = ${clientId}` : sql`true`}
        group by a.id, c.name order by c.name, a.step_offset_days, a.planned_date, a.status`,
  );
}

const brief = (rows: Row[]) => rows.map((r) => `${r.offset} ${r.planned} ${r.status} ${r.docs.join("+")}`);

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const cover = await makeUser(db, "collector", { name: "Remplaçante" });
  const collector = await makeUser(db, "collector", { absenceFrom: "2026-11-20", absenceTo: "2026-11-30", coveringUserId: cover.id });
  Object.assign(ids, { cover: cover.id, collector: collector.id });
  // The preventive message is an SMS here, so that A1's and A3's first reminders, both due on D, are two messages
  // (one-message-per-day.db.test.ts covers steps of one channel falling together).
  const standard = await makeScenario(db, "Standard", [
    { label: "Préventif", offsetDays: -5, actionType: "sms", mode: "automatic" },
    { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" },
    { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual" },
    { label: "Lettre", offsetDays: 30, actionType: "letter", mode: "automatic_to_confirm", minAmount: "100" },
    { label: "Mise en demeure", offsetDays: 45, actionType: "formal_notice", mode: "automatic_to_confirm" },
  ]);
  const short = await makeScenario(db, "Court", [
    { label: "Relance", offsetDays: 10, actionType: "email", mode: "automatic" },
    { label: "Lettre", offsetDays: 60, actionType: "letter", mode: "automatic_to_confirm" },
  ]);
  const main = await makeGroup(db, { name: "Tous", priority: 1, scenarioId: standard.id });
  const other = await makeGroup(db, { name: "Autre", priority: 2, scenarioId: short.id });
  Object.assign(ids, { main: main.id, other: other.id });

  const client = (name: string, values: Partial<typeof clients.$inferInsert> = {}) =>
    makeClient(db, entity.id, { name, groupId: main.id, collectorId: collector.id, ...values });
  const a = await client("A Alpha");
  const b = await client("B Bravo", { pausedUntil: "2026-12-01" });
  const c = await client("C Charlie", { groupId: null });
  const d = await client("D Delta");
  const e = await client("E Echo");
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id });

  const doc = async (key: string, clientId: string, dueDate: string, amount: string, extra: Partial<typeof documents.$inferInsert> = {}) => {
    docs[key] = (await makeDocument(db, clientId, { number: key, amount, issueDate: "2026-08-01", dueDate, ...extra })).id;
  };
  await doc("A1", a.id, "2026-11-25", "1000.00"); // J-5 reached, J+5 on 11-30 within the horizon
  await doc("A2", a.id, "2026-10-01", "2000.00"); // every step reached: only J+45
  await doc("A3", a.id, "2026-11-10", "300.00"); // J+5 reached, J+15 on 11-25
  await doc("A4", a.id, "2027-01-15", "400.00"); // no step within the horizon
  await doc("AV", a.id, "2026-10-01", "-50.00", { type: "credit_note" });
  await doc("A5", a.id, "2026-10-01", "700.00", { status: "settled", openAmount: "0", settledDate: "2026-11-01" });
  await doc("A6", a.id, "2026-10-01", "800.00", { disputed: true });
  await doc("B1", b.id, "2026-10-01", "900.00");
  await doc("C1", c.id, "2026-10-01", "900.00");
  await doc("D1", d.id, "2026-10-20", "50.00"); // J+30 reached but below its 100 € minimum; J+45 on 12-04
});
afterAll(() => handle.close());

describe("scenario evaluation", () => {
  it("plans one action per client, step and planned date, with only the latest step already reached", async () => {
    const report = await evaluateScenarios(handle.db, D, H);
    expect(report).toMatchObject({ createdActions: 5, coveredDocuments: 5, skippedBelowMinimum: 1, releasedDocuments: 0, cancelledEmpty: 0 });
    const rows = await listActions();
    expect(brief(rows)).toEqual([
      "-5 2026-11-23 scheduled A1",
      "5 2026-11-23 scheduled A3",
      "5 2026-11-30 scheduled A1",
      "15 2026-11-25 planned A3",
      "45 2026-11-23 to_confirm A2",
    ]);
    expect(rows.every((r) => r.client === "A Alpha")).toBe(true);
    expect(rows.map((r) => r.type)).toEqual(["sms", "email", "email", "call", "formal_notice"]);
    expect(rows.map((r) => r.amount)).toEqual(["1000.00", "300.00", "1000.00", "300.00", "2000.00"]);
    // The collector is away from 11-20 to 11-30: the colleague covering gets the actions.
    expect(new Set(rows.map((r) => r.assignee))).toEqual(new Set([ids.cover]));
  });

  it("creates nothing when run again on the same data and date", async () => {
    const before = await listActions();
    const report = await evaluateScenarios(handle.db, D, H);
    expect(report).toMatchObject({ createdActions: 0, coveredDocuments: 0, releasedDocuments: 0, cancelledEmpty: 0, cancelledOffScenario: 0 });
    expect(await listActions()).toEqual(before);
  });

  it("puts a new invoice reaching the same step on the same date into the existing action", async () => {
    const a7 = await makeDocument(handle.db, ids.a, { number: "A7", amount: "150.00", issueDate: "2026-10-01", dueDate: "2026-11-25" });
    docs.A7 = a7.id;
    const report = await evaluateScenarios(handle.db, D, H);
    expect(report).toMatchObject({ createdActions: 0, coveredDocuments: 2 });
    const rows = await listActions();
    expect(brief(rows)).toContain("-5 2026-11-23 scheduled A1+A7");
    expect(rows.find((r) => r.offset === -5)?.amount).toBe("1150.00");
  });

  it("keeps a document below a step's minimum for the next step", async () => {
    const report = await evaluateScenarios(handle.db, "2026-11-27", H);
    const delta = await listActions(ids.d);
    expect(brief(delta)).toEqual(["45 2026-12-04 to_confirm D1"]);
    expect(report.skippedBelowMinimum).toBeGreaterThanOrEqual(1);
  });
});

describe("invariants when documents change", () => {
  it("takes settled, disputed and promised documents out of pending actions and cancels the empty ones", async () => {
    const { db } = handle;
    // The preventive e-mail for A1 + A7 went out; A1 is then disputed, A3 settled, A2 promised.
    await db.update(actions).set({ status: "sent", sentAt: new Date() }).where(and(eq(actions.clientId, ids.a), eq(actions.stepOffsetDays, -5)));
    await db.update(documents).set({ disputed: true }).where(eq(documents.id, docs.A1));
    await db.update(documents).set({ status: "settled", openAmount: "0", settledDate: D }).where(eq(documents.id, docs.A3));
    const [promise] = await db.insert(promises).values({ clientId: ids.a, promisedDate: "2026-12-10", amount: "2000.00" }).returning();
    await db.insert(promiseDocuments).values({ promiseId: promise.id, documentId: docs.A2 });

    const report = await evaluateScenarios(db, "2026-11-27", H);
    expect(report).toMatchObject({ releasedDocuments: 4, cancelledEmpty: 3, createdActions: 0 });
    const rows = await listActions(ids.a);
    expect(brief(rows)).toEqual([
      "-5 2026-11-23 sent A1+A7",
      "5 2026-11-23 cancelled ",
      "5 2026-11-30 scheduled A7",
      "15 2026-11-25 cancelled ",
      "45 2026-11-23 cancelled ",
    ]);
    const cancelled = await db.select({ reason: actions.cancelReason }).from(actions).where(eq(actions.status, "cancelled"));
    expect(new Set(cancelled.map((r) => r.reason))).toEqual(new Set(["Sans objet"]));
  });

  it("brings a document back once its dispute is lifted, at its latest step only", async () => {
    await handle.db.update(documents).set({ disputed: false }).where(eq(documents.id, docs.A1));
    const report = await evaluateScenarios(handle.db, "2026-12-01", H);
    // A1 (due 11-25) has passed J+5 (11-30) uncovered; its J+15 (12-10) is beyond the horizon; the sent J-5 stays.
    expect(report.createdActions).toBe(1);
    expect(brief(await listActions(ids.a))).toContain("5 2026-12-01 scheduled A1");
  });

  it("changes only future actions when the client changes group", async () => {
    const { db } = handle;
    await db.update(clients).set({ forcedGroupId: ids.other }).where(eq(clients.id, ids.a));
    const report = await evaluateScenarios(db, "2026-12-01", H);
    // J+5 of A7 (planned 11-30, late) and of A1 (12-01) belonged to the old scenario.
    expect(report.cancelledOffScenario).toBe(2);
    const rows = await listActions(ids.a);
    // The e-mail already sent stays as it was; nothing of the old scenario is pending any more.
    expect(brief(rows)).toContain("-5 2026-11-23 sent A1+A7");
    const pending = rows.filter((r) => ["planned", "scheduled", "to_confirm"].includes(r.status));
    expect(pending.map((r) => r.offset).every((o) => o === 10 || o === 60)).toBe(true);
    // A1 and A7 (due 11-25) reach J+10 on 12-05, within the horizon.
    expect(brief(pending)).toEqual(["10 2026-12-05 scheduled A1+A7"]);
    const offScenario = await db.select({ reason: actions.cancelReason }).from(actions).where(eq(actions.cancelReason, "Scénario du client modifié"));
    expect(offScenario.length).toBe(report.cancelledOffScenario);
  });

  it("gives a late-imported old invoice only its current step", async () => {
    const old = await makeDocument(handle.db, ids.e, { number: "E1", amount: "5000.00", issueDate: "2026-06-01", dueDate: "2026-09-01" });
    await evaluateScenarios(handle.db, "2026-12-01", H);
    const rows = await listActions(ids.e);
    expect(brief(rows)).toEqual(["45 2026-12-01 to_confirm E1"]);
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from action_documents where document_id = ${old.id}`);
    expect(n).toBe(1);
  });

  it("never plans for credit notes, paused clients or clients without a scenario", async () => {
    const rows = await handle.db.select({ clientId: actions.clientId }).from(actions).orderBy(asc(actions.clientId));
    const clientIds = new Set(rows.map((r) => r.clientId));
    expect(clientIds.has(ids.b)).toBe(false);
    expect(clientIds.has(ids.c)).toBe(false);
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from action_documents where document_id in (${docs.AV}, ${docs.A5}, ${docs.A6}, ${docs.A4})`);
    expect(n).toBe(0);
  });
});
