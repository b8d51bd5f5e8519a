import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actionDocuments, actions, contacts, disputeDocuments, disputes, documents, promiseDocuments, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { historyResult } from "@/lib/relance/history-result";
import { countAgenda, getAgendaAction, listAgendaActions, listClientActions, streamHistory } from "./agenda";
import { cancelActions, completeAction, confirmActions, reassignActions, rescheduleActions } from "./agenda-writes";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<"alice" | "bruno" | "sup", Scope> = {} as never;
const ids: Record<string, string> = {};
const clientIds: Record<string, string> = {};
const docIds: Record<string, number> = {};

type ActionValues = Partial<typeof actions.$inferInsert> & { clientId: string; plannedDate: string; status: typeof actions.$inferInsert.status };

async function makeAction(name: string, values: ActionValues, docs: number[] = []) {
  const { db } = handle;
  const [row] = await db
    .insert(actions)
    .values({ type: "call", mode: "manual", amountCovered: "100.00", ...values })
    .returning();
  if (docs.length) await db.insert(actionDocuments).values(docs.map((documentId) => ({ actionId: row.id, documentId })));
  ids[name] = row.id;
  return row;
}

const statusOf = async (name: string) => (await handle.db.select().from(actions).where(eq(actions.id, ids[name])))[0];
const page = { page: 1, pageSize: 50 };

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const other = await makeEntity(db);
  const alice = await makeUser(db, "collector", { entityIds: [entity.id] });
  const bruno = await makeUser(db, "collector", { entityIds: [entity.id] });
  const sup = await makeUser(db, "supervisor");
  await makeUser(db, "collector", { active: false, email: "parti@test.fr" });
  const a = await makeClient(db, entity.id, { collectorId: alice.id, name: "Alpha Bâtiment", customFields: { secteur: "BTP" } });
  const b = await makeClient(db, other.id, { collectorId: bruno.id, name: "Bravo Transports", customFields: { secteur: "Transport" } });
  clientIds.a = a.id;
  clientIds.b = b.id;
  const base = { issueDate: "2026-09-01", dueDate: "2026-10-01" };
  docIds.a1 = (await makeDocument(db, a.id, { ...base, number: "A1", amount: "600.00" })).id;
  docIds.a2 = (await makeDocument(db, a.id, { ...base, number: "A2", amount: "400.00" })).id;
  docIds.a3 = (await makeDocument(db, a.id, { ...base, number: "A3", amount: "50.00" })).id;
  docIds.b1 = (await makeDocument(db, b.id, { ...base, number: "B1", amount: "300.00" })).id;

  await makeAction("callLate", { clientId: a.id, assignedUserId: alice.id, plannedDate: "2026-11-20", status: "planned" }, [docIds.a1, docIds.a2]);
  await makeAction("callToday", { clientId: a.id, assignedUserId: alice.id, plannedDate: today, status: "planned" }, [docIds.a3]);
  await makeAction("callSoon", { clientId: a.id, assignedUserId: alice.id, plannedDate: "2026-11-26", status: "planned", type: "task" }, [docIds.a1]);
  await makeAction("callBruno", { clientId: b.id, assignedUserId: bruno.id, plannedDate: today, status: "planned" }, [docIds.b1]);
  const auto = { type: "letter", mode: "automatic_to_confirm" } as const;
  await makeAction("letterA", { ...auto, clientId: a.id, assignedUserId: alice.id, plannedDate: "2026-11-21", status: "to_confirm" }, [docIds.a1]);
  await makeAction("letterAFuture", { ...auto, clientId: a.id, assignedUserId: alice.id, plannedDate: "2026-11-30", status: "to_confirm" }, [docIds.a2]);
  await makeAction("letterB", { ...auto, clientId: b.id, assignedUserId: bruno.id, plannedDate: "2026-11-21", status: "to_confirm" }, [docIds.b1]);
  await makeAction("emailA", { type: "email", mode: "automatic", clientId: a.id, assignedUserId: alice.id, plannedDate: today, status: "scheduled" });
  await makeAction("emailError", {
    type: "email",
    mode: "automatic",
    clientId: a.id,
    assignedUserId: alice.id,
    plannedDate: "2026-11-22",
    status: "error",
    errorMessage: "Aucune adresse e-mail pour le contact de facturation",
  });
  await makeAction("sentA", { type: "email", mode: "automatic", clientId: a.id, assignedUserId: alice.id, plannedDate: "2026-11-02", status: "sent", sentAt: new Date("2026-11-02T08:00:00Z") });
  await makeAction("sentB", { type: "email", mode: "automatic", clientId: b.id, assignedUserId: bruno.id, plannedDate: "2026-11-03", status: "sent", sentAt: new Date("2026-11-03T08:00:00Z") });

  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.bruno = (await loadScope(db, bruno.id, today))!;
  scopes.sup = (await loadScope(db, sup.id, today))!;
});
afterAll(() => handle.close());

describe("agenda lists and counters", () => {
  it("shows a collector only their portfolio, and a supervisor everything", async () => {
    const names = async (scope: Scope, tab: "manual" | "automatic" | "history") =>
      (await listAgendaActions(handle.db, scope, tab, {}, page)).map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]);
    expect(await names(scopes.alice, "manual")).toEqual(["callLate", "callToday", "callSoon"]);
    expect(await names(scopes.bruno, "manual")).toEqual(["callBruno"]);
    expect(await names(scopes.sup, "manual")).toHaveLength(4);
    expect(await names(scopes.alice, "automatic")).toEqual(["letterA", "emailError", "emailA", "letterAFuture"]);
    expect(await names(scopes.sup, "history")).toEqual(["sentB", "sentA"]);
    expect(await getAgendaAction(handle.db, scopes.bruno, ids.callLate, today)).toBeNull();
  });

  it("cuts the pages where the whole list would be cut, page after page, however many share a planned date", async () => {
    for (const [scope, tab, filters] of [
      [scopes.sup, "automatic", {}],
      [scopes.sup, "manual", {}],
      [scopes.alice, "automatic", { assignedUserId: scopes.alice.userId }],
      [scopes.sup, "history", {}],
    ] as const) {
      const whole = (await listAgendaActions(handle.db, scope, tab, filters, page)).map((r) => r.id);
      const paged: string[] = [];
      for (let p = 1; p <= whole.length + 1; p++) {
        paged.push(...(await listAgendaActions(handle.db, scope, tab, filters, { page: p, pageSize: 1 })).map((r) => r.id));
      }
      expect(paged, `${tab}`).toEqual(whole);
      expect(whole.length, `${tab}`).toBeGreaterThan(1);
    }
  });

  it("counts the actions of each tab and those waiting on someone, under the filters", async () => {
    expect(await countAgenda(handle.db, scopes.alice, {}, today)).toEqual({
      manual: { total: 3, due: 2 },
      automatic: { total: 4, due: 2 },
      history: { total: 1, due: 0 },
    });
    const sup = await countAgenda(handle.db, scopes.sup, { type: "letter" }, today);
    expect(sup.automatic).toEqual({ total: 3, due: 2 });
    expect((await countAgenda(handle.db, scopes.sup, { q: "bravo" }, today)).manual).toEqual({ total: 1, due: 1 });
    expect((await countAgenda(handle.db, scopes.sup, { customField: { name: "secteur", value: "btp" } }, today)).manual.total).toBe(3);
    expect((await countAgenda(handle.db, scopes.sup, { from: "2026-11-21", to: today }, today)).manual.total).toBe(2);
  });

  it("opens an action with its documents, days late and the client's contacts", async () => {
    const found = (await getAgendaAction(handle.db, scopes.alice, ids.callLate, today))!;
    expect(found.action.clientName).toBe("Alpha Bâtiment");
    expect(found.documents.map((d) => [d.number, d.daysLate])).toEqual([
      ["A1", 53],
      ["A2", 53],
    ]);
  });
});

describe("bulk confirmation", () => {
  it("refuses nothing but changes nothing outside the collector's scope", async () => {
    expect(await confirmActions(handle.db, scopes.bruno, { ids: [ids.letterA] })).toEqual([]);
    expect((await statusOf("letterA")).status).toBe("to_confirm");
  });

  it("confirms exactly the awaiting actions matching the filters", async () => {
    const before = await countAgenda(handle.db, scopes.sup, {}, today);
    const confirmed = await confirmActions(handle.db, scopes.sup, { filters: { to: today, type: "letter" } });
    expect(confirmed.sort()).toEqual([ids.letterA, ids.letterB].sort());
    const after = await countAgenda(handle.db, scopes.sup, {}, today);
    expect(after.automatic).toEqual({ total: before.automatic.total, due: before.automatic.due - 2 });
    expect((await statusOf("letterA")).status).toBe("scheduled");
    expect((await statusOf("letterA")).confirmedById).toBe(scopes.sup.userId);
    expect((await statusOf("letterB")).status).toBe("scheduled");
    expect((await statusOf("letterAFuture")).status).toBe("to_confirm");
    expect((await statusOf("emailError")).status).toBe("error");
    expect((await statusOf("callToday")).status).toBe("planned");
    expect(await confirmActions(handle.db, scopes.sup, { filters: { to: today, type: "letter" } })).toEqual([]);
  });
});

describe("status transitions", () => {
  it("a collector cannot work another portfolio's action", async () => {
    expect(await completeAction(handle.db, scopes.bruno, ids.callLate, { outcome: "reached", note: null })).toEqual({ status: "not_found" });
    expect(await rescheduleActions(handle.db, scopes.bruno, [ids.callLate], "2026-12-01")).toBe(0);
    expect(await cancelActions(handle.db, scopes.bruno, [ids.callLate], "x")).toBe(0);
    expect((await statusOf("callLate")).status).toBe("planned");
  });

  it("a promise covers the action's documents and the action is done", async () => {
    const result = await completeAction(handle.db, scopes.alice, ids.callLate, {
      outcome: "promise",
      note: "Virement annoncé",
      promise: { date: "2026-11-30", amount: "1000.00" },
    });
    expect(result).toMatchObject({ status: "ok", clientId: clientIds.a, disputes: 0 });
    const action = await statusOf("callLate");
    expect(action).toMatchObject({ status: "done", outcome: "promise", note: "Virement annoncé", doneById: scopes.alice.userId });
    const [promise] = await handle.db.select().from(promises).where(eq(promises.actionId, ids.callLate));
    expect(promise).toMatchObject({ promisedDate: "2026-11-30", amount: "1000.00", status: "pending", clientId: clientIds.a });
    const covered = await handle.db.select().from(promiseDocuments).where(eq(promiseDocuments.promiseId, promise.id));
    expect(covered.map((d) => d.documentId).sort()).toEqual([docIds.a1, docIds.a2].sort());
    expect(await completeAction(handle.db, scopes.alice, ids.callLate, { outcome: "reached", note: null })).toEqual({ status: "not_found" });
  });

  it("a dispute opens on the chosen documents of the action only", async () => {
    expect(await completeAction(handle.db, scopes.alice, ids.callToday, { outcome: "dispute", note: null, dispute: { reason: "x", documentIds: [docIds.b1] } })).toEqual({
      status: "no_document",
    });
    const result = await completeAction(handle.db, scopes.alice, ids.callToday, {
      outcome: "dispute",
      note: "Marchandise abîmée",
      dispute: { reason: "Livraison non conforme", documentIds: [docIds.a3, docIds.b1] },
    });
    expect(result).toMatchObject({ status: "ok", disputes: 1 });
    const opened = await handle.db.select().from(disputes);
    expect(opened.map((d) => [d.documentId, d.reason])).toEqual([[docIds.a3, "Livraison non conforme"]]);
    expect(await handle.db.select({ documentId: disputeDocuments.documentId }).from(disputeDocuments)).toEqual([{ documentId: docIds.a3 }]);
    const [a3] = await handle.db.select().from(documents).where(eq(documents.id, docIds.a3));
    expect(a3.disputed).toBe(true);
    // The history says why, next to the note.
    const [logged] = await listAgendaActions(handle.db, scopes.alice, "history", { q: "alpha", type: "call" }, page);
    expect(historyResult(logged)).toBe("Litige : Livraison non conforme — Marchandise abîmée");
  });

  it("the other outcomes close the action with the note", async () => {
    for (const outcome of ["not_reached", "voicemail", "already_paid"] as const) {
      const [row] = await handle.db
        .insert(actions)
        .values({ clientId: clientIds.a, type: "call", mode: "manual", plannedDate: today, status: "planned", assignedUserId: scopes.alice.userId })
        .returning();
      expect(await completeAction(handle.db, scopes.alice, row.id, { outcome, note: `Note ${outcome}` })).toMatchObject({ status: "ok" });
      const [after] = await handle.db.select().from(actions).where(eq(actions.id, row.id));
      expect(after).toMatchObject({ status: "done", outcome, note: `Note ${outcome}` });
    }
  });

  it("reschedules, puts an error back in its queue, reassigns and cancels", async () => {
    expect(await rescheduleActions(handle.db, scopes.alice, [ids.callSoon, ids.emailError], "2026-12-02")).toBe(2);
    expect(await statusOf("callSoon")).toMatchObject({ plannedDate: "2026-12-02", status: "planned" });
    expect(await statusOf("emailError")).toMatchObject({ plannedDate: "2026-12-02", status: "scheduled", errorMessage: null });
    expect(await reassignActions(handle.db, scopes.sup, [ids.callSoon], scopes.bruno.userId)).toBe(1);
    // Handed an action on Alice's client, Bruno sees who to call but no link to a fiche he may not open.
    const brunoRows = await listAgendaActions(handle.db, scopes.bruno, "manual", {}, page);
    expect(brunoRows.map((r) => [r.id, r.clientOpen])).toEqual([
      [ids.callBruno, true],
      [ids.callSoon, false],
    ]);
    // The counters as the page asks them (a collector's own actions, read on the actions alone) and for the whole
    // portfolio (through the clients): the handed action counts for Bruno, and stays on Alice's client (her own
    // calls are closed by the tests above).
    expect((await countAgenda(handle.db, scopes.bruno, { assignedUserId: scopes.bruno.userId }, today)).manual.total).toBe(2);
    expect((await countAgenda(handle.db, scopes.alice, { assignedUserId: scopes.alice.userId }, today)).manual.total).toBe(0);
    expect((await countAgenda(handle.db, scopes.alice, {}, today)).manual.total).toBe(1);
    expect((await countAgenda(handle.db, scopes.bruno, {}, today)).manual.total).toBe(2);
    await handle.db.insert(contacts).values({ clientId: clientIds.a, name: "Claire Alpha", phone: "01 23 45 67 89" });
    const handed = (await getAgendaAction(handle.db, scopes.bruno, ids.callSoon, today))!;
    expect(handed.contacts.map((c) => [c.name, c.phone])).toEqual([["Claire Alpha", "01 23 45 67 89"]]);
    expect((await getAgendaAction(handle.db, scopes.alice, ids.callLate, today))!.action.clientOpen).toBe(true);
    expect(await cancelActions(handle.db, scopes.alice, [ids.letterAFuture], "Client en redressement")).toBe(1);
    expect(await statusOf("letterAFuture")).toMatchObject({ status: "cancelled", cancelReason: "Client en redressement" });
  });

  it("refuses to reassign to an inactive or unknown person", async () => {
    const [inactive] = await handle.db.query.users.findMany({ where: (u, { eq: is }) => is(u.email, "parti@test.fr") });
    expect(await reassignActions(handle.db, scopes.sup, [ids.callBruno], inactive.id)).toBeNull();
  });
});

describe("history and the fiche client", () => {
  it("lists done, sent and cancelled actions newest first, under the filters", async () => {
    const rows = await listAgendaActions(handle.db, scopes.sup, "history", { entityId: undefined, q: "alpha" }, page);
    expect(rows[0].status).toBe("cancelled");
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "done", "done", "done", "done", "done", "sent"]);
    const calls = await listAgendaActions(handle.db, scopes.sup, "history", { type: "email" }, page);
    expect(calls.map((r) => r.id)).toEqual([ids.sentB, ids.sentA]);
    expect(await listAgendaActions(handle.db, scopes.bruno, "history", { q: "alpha" }, page)).toEqual([]);
    // The export gives the same rows in the same order, whatever its batch size.
    const exported: typeof rows = [];
    for await (const batch of streamHistory(handle.db, scopes.sup, { q: "alpha" }, 2)) exported.push(...batch);
    expect(exported).toEqual(rows);
  });

  it("shows the client's pending and last actions", async () => {
    const { pending, past } = await listClientActions(handle.db, scopes.alice, clientIds.a);
    // callSoon now belongs to Bruno but the client is still Alice's: the fiche shows every action of the client.
    expect(pending.map((r) => r.id).sort()).toEqual([ids.letterA, ids.emailA, ids.emailError, ids.callSoon].sort());
    expect(past.length).toBe(5);
    // Bruno sees on Alpha only the action handed to him.
    expect((await listClientActions(handle.db, scopes.bruno, clientIds.a)).pending.map((r) => r.id)).toEqual([ids.callSoon]);
  });
});
