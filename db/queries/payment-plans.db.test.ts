import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { auditLog, documents, notifications, paymentPlanInstalments, paymentPlans } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeGroup, makeScenario, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { evaluateScenarios } from "@/lib/collection/evaluate";
import { settlePaymentPlans } from "./payment-plan-outcomes";
import { cancelPaymentPlan, createPaymentPlan, listClientPaymentPlans, listDueInstalments, type NewPaymentPlan } from "./payment-plans";
import { teamPerformance } from "./team-performance";

let handle: DatabaseHandle;
const scopes: Record<"alice" | "bob" | "admin", Scope> = {} as never;
let entityId = "";
let groupId = "";
let uuidCounter = 0;
const nextUuid = () => `00000000-0000-4000-8000-${String(++uuidCounter).padStart(12, "0")}`;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  entityId = (await makeEntity(db)).id;
  const scenario = await makeScenario(db, "Standard", [
    { label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" },
    { label: "Appel", offsetDays: 15, actionType: "call", mode: "manual" },
  ]);
  groupId = (await makeGroup(db, { name: "Tous", priority: 1, scenarioId: scenario.id })).id;
  for (const name of ["alice", "bob"] as const) {
    const user = await makeUser(db, "collector", { name });
    scopes[name] = { userId: user.id, role: "collector", entityIds: [], collectorIds: [user.id] };
  }
  const admin = await makeUser(db, "admin");
  scopes.admin = { userId: admin.id, role: "admin", entityIds: [], collectorIds: [] };
});
afterAll(() => handle.close());

/** A client of Alice's owing F1 600,00 and F2 400,00 (due in November) and F3 200,00. */
async function aliceClient() {
  const { db } = handle;
  const client = await makeClient(db, entityId, { groupId, collectorId: scopes.alice.userId });
  const f1 = await makeDocument(db, client.id, { amount: "600.00", issueDate: "2026-10-01", dueDate: "2026-11-01" });
  const f2 = await makeDocument(db, client.id, { amount: "400.00", issueDate: "2026-10-15", dueDate: "2026-11-15" });
  const f3 = await makeDocument(db, client.id, { amount: "200.00", issueDate: "2026-10-20", dueDate: "2026-11-20" });
  return { client, f1, f2, f3 };
}

const twoInstalments = (clientId: string, documentIds: number[]): NewPaymentPlan => ({
  id: nextUuid(),
  clientId,
  actionId: null,
  documentIds,
  instalments: [
    { dueDate: "2026-12-10", amount: "500.00" },
    { dueDate: "2027-01-10", amount: "500.00" },
  ],
  graceDays: 5,
  note: null,
});

const payTo = (id: number, openAmount: string) =>
  handle.db
    .update(documents)
    .set(openAmount === "0.00" ? { openAmount, status: "settled", settledDate: "2026-12-01" } : { openAmount })
    .where(eq(documents.id, id));

async function planState(planId: string) {
  const [plan] = await handle.db.select().from(paymentPlans).where(eq(paymentPlans.id, planId));
  const lines = await handle.db.select().from(paymentPlanInstalments).where(eq(paymentPlanInstalments.planId, planId)).orderBy(paymentPlanInstalments.seq);
  return { status: plan.status, endedOn: plan.endedOn, paidOn: lines.map((l) => l.paidOn) };
}

/** The numbers of the client's documents some pending action covers. */
async function chased(clientId: string): Promise<string[]> {
  const rows = await queryRows<{ number: string }>(
    handle.db,
    sql`select distinct d.number from action_documents ad join actions a on a.id = ad.action_id join documents d on d.id = ad.document_id
        where a.client_id = ${clientId} and a.status in ('planned', 'to_confirm', 'scheduled') order by d.number`,
  );
  return rows.map((r) => r.number);
}

describe("createPaymentPlan", () => {
  it("covers the chosen open invoices, once even when the form arrives twice", async () => {
    const { client, f1, f2 } = await aliceClient();
    const plan = twoInstalments(client.id, [f1.id, f2.id]);
    expect(await createPaymentPlan(handle.db, scopes.alice, plan)).toEqual({ status: "ok", planId: plan.id, duplicate: false });
    expect(await createPaymentPlan(handle.db, scopes.alice, plan)).toEqual({ status: "ok", planId: plan.id, duplicate: true });
    const [listed] = await listClientPaymentPlans(handle.db, scopes.alice, client.id);
    expect(listed).toMatchObject({ status: "active", amount: "1000.00", paid: "0.00", graceDays: 5 });
    expect(listed.instalments).toEqual([
      { seq: 1, dueDate: "2026-12-10", amount: "500.00", paidOn: null },
      { seq: 2, dueDate: "2027-01-10", amount: "500.00", paidOn: null },
    ]);
    expect(listed.documents.map((d) => d.number)).toEqual([f1.number, f2.number].sort());
  });

  it("refuses a client out of scope, pièces already under a plan or of another client, and a total off by a cent", async () => {
    const { client, f1, f2, f3 } = await aliceClient();
    const other = await aliceClient();
    expect(await createPaymentPlan(handle.db, scopes.bob, twoInstalments(client.id, [f1.id, f2.id]))).toEqual({ status: "not_found" });
    expect(await createPaymentPlan(handle.db, scopes.alice, twoInstalments(client.id, [f1.id, other.f2.id]))).toEqual({ status: "invalid_documents" });
    const short = { ...twoInstalments(client.id, [f1.id, f2.id]), instalments: [{ dueDate: "2026-12-10", amount: "999.99" }] };
    expect(await createPaymentPlan(handle.db, scopes.alice, short)).toMatchObject({ status: "mismatch", covered: "1000.00" });
    expect((await createPaymentPlan(handle.db, scopes.alice, twoInstalments(client.id, [f1.id, f2.id]))).status).toBe("ok");
    // F1 is now under an active plan: 600,00 + 200,00 = 800,00 cannot be planned again.
    const again = { ...twoInstalments(client.id, [f1.id, f3.id]), instalments: [{ dueDate: "2026-12-10", amount: "800.00" }] };
    expect(await createPaymentPlan(handle.db, scopes.alice, again)).toEqual({ status: "invalid_documents" });
    expect(await listClientPaymentPlans(handle.db, scopes.bob, client.id)).toEqual([]);
  });
});

describe("settlePaymentPlans and the engine", () => {
  it("leaves pièces under an active plan out of the reminders, marks instalments paid, then breaks the plan past its grace", async () => {
    const { client, f1, f2, f3 } = await aliceClient();
    const plan = twoInstalments(client.id, [f1.id, f2.id]);
    await createPaymentPlan(handle.db, scopes.alice, plan);

    // 2026-12-04: F1 is 33 days late and F2 19, but only F3 (14 days) is chased.
    await evaluateScenarios(handle.db, "2026-12-04", 7);
    expect(await chased(client.id)).toEqual([f3.number]);

    // A payment import brings F1 from 600,00 to 100,00: paid 1 000,00 − (100,00 + 400,00) = 500,00 ≥ 500,00.
    await payTo(f1.id, "100.00");
    // Already paid before the nightly marks it: the first instalment is not shown as due.
    expect((await listDueInstalments(handle.db, scopes.alice, "2026-12-05")).filter((d) => d.clientId === client.id)).toEqual([]);
    expect(await settlePaymentPlans(handle.db, "2026-12-11")).toMatchObject({ instalmentsPaid: 1, kept: 0, broken: 0 });
    expect(await planState(plan.id)).toEqual({ status: "active", endedOn: null, paidOn: ["2026-12-11", null] });

    // The second instalment, due 2027-01-10, shows in the agenda from 2027-01-03, Alice's only.
    const due = await listDueInstalments(handle.db, scopes.alice, "2027-01-03");
    expect(due.filter((d) => d.planId === plan.id)).toEqual([
      expect.objectContaining({ seq: 2, count: 2, dueDate: "2027-01-10", remaining: "500.00", late: false, clientId: client.id }),
    ]);
    expect(await listDueInstalments(handle.db, scopes.bob, "2027-01-03")).toEqual([]);

    // Grace of 5 days: still active on 2027-01-15, broken on 2027-01-16 and chased again that very night.
    // The same night breaks the two plans of the tests above, never paid since 2026-12-10: all plans at once.
    expect((await evaluateScenarios(handle.db, "2027-01-15", 7)).paymentPlans).toEqual({ instalmentsPaid: 0, kept: 0, broken: 2 });
    expect(await planState(plan.id)).toMatchObject({ status: "active" });
    const report = await evaluateScenarios(handle.db, "2027-01-16", 7);
    expect(report.paymentPlans).toEqual({ instalmentsPaid: 0, kept: 0, broken: 1 });
    expect(await planState(plan.id)).toEqual({ status: "broken", endedOn: "2027-01-16", paidOn: ["2026-12-11", null] });
    expect(await chased(client.id)).toEqual(expect.arrayContaining([f1.number, f2.number]));
    const told = await handle.db.select().from(notifications).where(eq(notifications.subjectId, plan.id));
    expect(told).toEqual([
      expect.objectContaining({ userId: scopes.alice.userId, kind: "plan.broken", link: `/clients/${client.id}`, title: `Échéancier rompu : ${client.name}` }),
    ]);
    // A second run tells no one twice.
    await evaluateScenarios(handle.db, "2027-01-17", 7);
    expect(await handle.db.select().from(notifications).where(eq(notifications.subjectId, plan.id))).toHaveLength(1);
  });

  it("keeps a plan once every instalment is paid, settled pièces counting as paid", async () => {
    const { client, f1, f2 } = await aliceClient();
    const plan = twoInstalments(client.id, [f1.id, f2.id]);
    await createPaymentPlan(handle.db, scopes.alice, plan);
    await payTo(f1.id, "0.00");
    await payTo(f2.id, "0.00");
    expect(await settlePaymentPlans(handle.db, "2026-12-08")).toMatchObject({ instalmentsPaid: 2, kept: 1 });
    expect(await planState(plan.id)).toEqual({ status: "kept", endedOn: "2026-12-08", paidOn: ["2026-12-08", "2026-12-08"] });
    expect(await settlePaymentPlans(handle.db, "2026-12-09")).toEqual({ instalmentsPaid: 0, kept: 0, broken: 0 });
  });

  it("counts plans kept and broken on the collector's line of the team card", async () => {
    // 30 days to 2027-01-20: the three plans broken on 2027-01-15 and 16 above; to 2026-12-31: the one kept on 2026-12-08.
    const rows = await teamPerformance(handle.db, scopes.admin, "2027-01-20");
    expect(rows.find((r) => r.userId === scopes.alice.userId)).toMatchObject({ plansKept: 0, plansBroken: 3 });
    expect(rows.find((r) => r.userId === scopes.bob.userId)).toMatchObject({ plansKept: 0, plansBroken: 0 });
    const december = await teamPerformance(handle.db, scopes.admin, "2026-12-31");
    expect(december.find((r) => r.userId === scopes.alice.userId)).toMatchObject({ plansKept: 1, plansBroken: 0 });
  });

  it("cancels an active plan of a client in scope only", async () => {
    const { client, f1 } = await aliceClient();
    const plan = { ...twoInstalments(client.id, [f1.id]), instalments: [{ dueDate: "2026-12-20", amount: "600.00" }] };
    await createPaymentPlan(handle.db, scopes.alice, plan);
    expect(await cancelPaymentPlan(handle.db, scopes.bob, plan.id, "2026-12-05")).toBeNull();
    expect(await cancelPaymentPlan(handle.db, scopes.alice, plan.id, "2026-12-05")).toBe(client.id);
    expect(await planState(plan.id)).toMatchObject({ status: "cancelled", endedOn: "2026-12-05" });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, plan.id)).orderBy(auditLog.at, auditLog.action);
    expect(audit.map((a) => [a.action, a.userId, a.details.clientId])).toEqual([
      ["payment_plan.create", scopes.alice.userId, client.id],
      ["payment_plan.cancel", scopes.alice.userId, client.id],
    ]);
  });
});
