import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { disputes, documents, notifications } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeGroup, makeScenario, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { evaluateScenarios } from "@/lib/collection/evaluate";
import { getDisputeCase, getDisputeSummary, listDisputeCases } from "./dispute-cases";
import { updateDisputeCase } from "./dispute-writes";
import { openDisputeCase } from "./disputes";
import { loadScope } from "./scope";

const TODAY = "2026-11-23";
let handle: DatabaseHandle;
const users: Record<string, string> = {};
const clientIds: Record<string, string> = {};
const docs: Record<string, number> = {};
const scopes: Record<string, Scope> = {};

const flags = async () => {
  const rows = await handle.db.select({ number: documents.number, disputed: documents.disputed }).from(documents).where(inArray(documents.id, Object.values(docs)));
  return Object.fromEntries(rows.map((r) => [r.number, r.disputed]));
};
const list = (who: string) =>
  listDisputeCases(handle.db, scopes[who], { status: "tous", overdue: false }, { key: "ouvert", order: "asc" }, TODAY, { page: 1, pageSize: 50 });

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  for (const role of ["alice", "bruno", "sam", "carl"] as const) {
    users[role] = (await makeUser(db, role === "sam" ? "sales" : "collector", { name: role })).id;
  }
  const scenario = await makeScenario(db, "Relance", [{ label: "Relance", offsetDays: 5, actionType: "email", mode: "automatic" }]);
  const group = await makeGroup(db, { priority: 1, scenarioId: scenario.id });
  clientIds.a = (await makeClient(db, entity.id, { name: "Alpha", collectorId: users.alice, salesRepId: users.sam, groupId: group.id })).id;
  clientIds.b = (await makeClient(db, entity.id, { name: "Bravo", collectorId: users.bruno, groupId: group.id })).id;
  clientIds.c = (await makeClient(db, entity.id, { name: "Charlie", collectorId: users.carl })).id;
  const base = { issueDate: "2026-09-01", dueDate: "2026-10-01" };
  for (const [key, clientId, amount] of [["A1", clientIds.a, "100.00"], ["A2", clientIds.a, "200.00"], ["A3", clientIds.a, "50.00"], ["B1", clientIds.b, "300.00"]] as const) {
    docs[key] = (await makeDocument(db, clientId, { ...base, number: key, amount })).id;
  }
  for (const who of Object.keys(users)) scopes[who] = (await loadScope(db, users[who], TODAY))!;
});
afterAll(() => handle.close());

describe("dispute cases over several pièces", () => {
  const cases: Record<string, string> = {};

  it("opens a case over pièces of one client in scope, its amount their open amount", async () => {
    const one = await openDisputeCase(handle.db, scopes.alice, { clientId: clientIds.a, documentIds: [docs.A1, docs.A2, docs.B1], reason: "Prix", category: "prix" });
    expect(one?.documentIds).toEqual([docs.A1, docs.A2]);
    cases.one = one!.id;
    const two = await openDisputeCase(handle.db, scopes.alice, { clientId: clientIds.a, documentIds: [docs.A2, docs.A3], reason: "Livraison" });
    cases.two = two!.id;
    expect(await openDisputeCase(handle.db, scopes.alice, { clientId: clientIds.b, documentIds: [docs.B1], reason: "Hors portefeuille" })).toBeNull();
    cases.b = (await openDisputeCase(handle.db, scopes.bruno, { clientId: clientIds.b, documentIds: [docs.B1], reason: "Qualité" }))!.id;
    const [row] = await handle.db.select({ amount: disputes.amount, documentId: disputes.documentId }).from(disputes).where(eq(disputes.id, cases.one));
    expect(row).toEqual({ amount: "300.00", documentId: docs.A1 });
    expect(await flags()).toEqual({ A1: true, A2: true, A3: true, B1: true });
  });

  it("keeps a pièce disputed while any case covering it is active, and releases it with the last one", async () => {
    const update = (id: string, patch: Parameters<typeof updateDisputeCase>[3]) => updateDisputeCase(handle.db, scopes.alice, id, patch, true);
    expect(await update(cases.one, { status: "waiting_customer" })).toMatchObject({ status: "ok" });
    expect(await flags()).toMatchObject({ A1: true, A2: true, A3: true });
    expect(await update(cases.one, { status: "resolved" })).toEqual({ status: "outcome_required" });
    expect(await update(cases.one, { status: "resolved", outcome: "avoir_emis", resolutionNote: "Avoir de 100 €" })).toMatchObject({ status: "ok" });
    // A2 stays disputed: the second case still covers it.
    expect(await flags()).toEqual({ A1: false, A2: true, A3: true, B1: true });
    expect(await update(cases.two, { status: "closed" })).toMatchObject({ status: "ok" });
    expect(await flags()).toEqual({ A1: false, A2: false, A3: false, B1: true });
    // Reopened, the first case holds its pièces again and forgets its closing.
    expect(await update(cases.one, { status: "in_progress" })).toMatchObject({ status: "ok" });
    expect(await flags()).toEqual({ A1: true, A2: true, A3: false, B1: true });
    const [one] = await handle.db.select({ closedAt: disputes.closedAt }).from(disputes).where(eq(disputes.id, cases.one));
    expect(one.closedAt).toBeNull();
  });

  it("never shows a collector another collector's case", async () => {
    expect((await list("alice")).rows.map((r) => r.id)).toEqual([cases.one, cases.two]);
    expect((await list("bruno")).rows.map((r) => r.id)).toEqual([cases.b]);
    expect((await list("carl")).rows).toEqual([]);
    expect(await getDisputeCase(handle.db, scopes.alice, cases.b, TODAY)).toBeNull();
    expect(await updateDisputeCase(handle.db, scopes.alice, cases.b, { status: "closed" }, true)).toEqual({ status: "not_found" });
    expect((await getDisputeCase(handle.db, scopes.bruno, cases.b, TODAY))?.pieces.map((p) => p.number)).toEqual(["B1"]);
  });

  it("notifies the new owner, who may then move the case's status but not its other fields", async () => {
    expect(await updateDisputeCase(handle.db, scopes.sam, cases.one, { status: "waiting_customer" }, false)).toEqual({ status: "forbidden" });
    expect(await updateDisputeCase(handle.db, scopes.alice, cases.one, { ownerId: users.sam, amount: "120.00" }, true)).toMatchObject({
      status: "ok",
      changes: { ownerId: { from: null, to: users.sam }, amount: { from: "300.00", to: "120.00" } },
    });
    const sent = await handle.db.select().from(notifications).where(eq(notifications.userId, users.sam));
    expect(sent).toMatchObject([{ kind: "dispute.assigned", title: "Litige confié : Alpha", link: `/litiges/${cases.one}`, subjectId: cases.one }]);
    expect(await updateDisputeCase(handle.db, scopes.sam, cases.one, { status: "waiting_customer" }, false)).toMatchObject({ status: "ok" });
    expect(await updateDisputeCase(handle.db, scopes.sam, cases.one, { amount: "1.00" }, false)).toEqual({ status: "forbidden" });
  });

  it("shows a case to its owner even on a client outside their scope", async () => {
    expect(await updateDisputeCase(handle.db, scopes.bruno, cases.b, { ownerId: users.carl }, true)).toMatchObject({ status: "ok" });
    expect((await list("carl")).rows.map((r) => r.clientName)).toEqual(["Bravo"]);
    expect(await updateDisputeCase(handle.db, scopes.carl, cases.b, { status: "in_progress" }, true)).toMatchObject({ status: "ok" });
  });
});

describe("reminders and dispute cases", () => {
  it("leaves out the pièces of a case waiting for the customer, and chases them again once it is resolved", async () => {
    const covered = async () =>
      (
        await queryRows<{ number: string }>(
          handle.db,
          sql`select distinct d.number from action_documents ad join documents d on d.id = ad.document_id order by d.number`,
        )
      ).map((r) => r.number);
    const held = (await openDisputeCase(handle.db, scopes.bruno, { clientId: clientIds.b, documentIds: [docs.B1], reason: "Attente" }))!;
    await updateDisputeCase(handle.db, scopes.bruno, held.id, { status: "waiting_customer" }, true);
    await handle.db.update(disputes).set({ status: "closed" }).where(and(eq(disputes.clientId, clientIds.b), sql`${disputes.id} <> ${held.id}`));
    await evaluateScenarios(handle.db, TODAY, 7);
    expect(await covered()).not.toContain("B1");
    await updateDisputeCase(handle.db, scopes.bruno, held.id, { status: "resolved", outcome: "facture_maintenue" }, true);
    await evaluateScenarios(handle.db, TODAY, 7);
    expect(await covered()).toContain("B1");
  });
});

describe("home figures", () => {
  it("counts active cases and averages the days to resolution over the last twelve months", async () => {
    const { db } = handle;
    const entity = await makeEntity(db);
    const dora = await makeUser(db, "collector");
    const client = await makeClient(db, entity.id, { collectorId: dora.id });
    const at = (date: string) => new Date(`${date}T12:00:00Z`);
    const row = (status: "open" | "in_progress" | "resolved" | "closed", amount: string, opened: string, closed: string | null) => ({
      clientId: client.id,
      reason: "x",
      status,
      amount,
      openedAt: at(opened),
      closedAt: closed ? at(closed) : null,
    });
    await db.insert(disputes).values([
      row("open", "150.00", "2026-11-01", null),
      row("in_progress", "50.50", "2026-10-01", null),
      row("resolved", "10.00", "2026-09-01", "2026-09-11"), // 10 days
      row("closed", "10.00", "2026-06-01", "2026-06-21"), // 20 days
      row("resolved", "10.00", "2026-01-10", "2026-02-15"), // 36 days
      row("resolved", "10.00", "2025-09-01", "2025-11-01"), // closed 13 months ago: left out
    ]);
    const scope = (await loadScope(db, dora.id, TODAY))!;
    // (10 + 20 + 36) / 3 = 22
    expect(await getDisputeSummary(db, scope, TODAY)).toEqual({ openCount: 2, openAmount: "200.50", averageResolutionDays: 22, resolvedCount: 3 });
    // An administrator's summary reads every case, without the clients.
    const admin = (await loadScope(db, (await makeUser(db, "admin")).id, TODAY))!;
    const [all] = await queryRows<{ n: number; amount: string }>(
      db,
      sql`select count(*)::int as n, sum(amount)::text as amount from disputes where status in ('open', 'in_progress', 'waiting_customer')`,
    );
    expect(await getDisputeSummary(db, admin, TODAY)).toMatchObject({ openCount: all.n, openAmount: all.amount });
    expect(all.n).toBeGreaterThan(2);
  });
});
