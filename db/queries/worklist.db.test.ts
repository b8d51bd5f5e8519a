import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actionDocuments, actions, contacts, outboundMessages, promises } from "@/db/schema";
import { makeClientScore, makeDocumentScore, makeScoreModel } from "@/db/score-test-builders";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import type { PriorityWeights } from "@/lib/relance/worklist-priority";
import { toWorklistSort, type WorklistSortKey } from "@/lib/relance/worklist-sort";
import { loadScope } from "./scope";
import { getOption, setOption } from "./settings";
import { listWorklist } from "./worklist";

const today = "2026-11-23";
let handle: DatabaseHandle;
const scopes: Record<"alice" | "sup", Scope> = {} as never;
const ids: Record<string, string> = {};
const weights: PriorityWeights = { amount: 1, daysLate: 0.5, brokenPromises: 10, risk: 2 };

async function makeAction(name: string, values: Partial<typeof actions.$inferInsert> & Pick<typeof actions.$inferInsert, "clientId" | "plannedDate">, docs: number[] = []) {
  const [row] = await handle.db
    .insert(actions)
    .values({ type: "call", mode: "manual", status: "planned", ...values })
    .returning();
  if (docs.length) await handle.db.insert(actionDocuments).values(docs.map((documentId) => ({ actionId: row.id, documentId })));
  ids[name] = row.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector", { entityIds: [entity.id] });
  const bruno = await makeUser(db, "collector", { entityIds: [entity.id] });
  const sup = await makeUser(db, "supervisor");
  const a = await makeClient(db, entity.id, { collectorId: alice.id, name: "Alpha Bâtiment", phone: "01 00 00 00 00" });
  const b = await makeClient(db, entity.id, { collectorId: alice.id, name: "Bravo Transports", phone: "04 72 00 00 00" });
  const c = await makeClient(db, entity.id, { collectorId: alice.id, name: "Charlie Négoce" });
  const z = await makeClient(db, entity.id, { collectorId: bruno.id, name: "Zoulou Services" });
  await db.insert(contacts).values([
    { clientId: a.id, name: "Paul Martin", mobile: "06 12 34 56 78", recipientFor: ["email"] },
    { clientId: a.id, name: "Anne Simon", email: "anne@alpha.fr" },
  ]);

  // Alpha: 47 335 € still owed on its pièces (50 000 € when planned: the settled one was paid since), the oldest
  // open one due 24/10 (30 days late; the settled one, due earlier, does not count).
  const a1 = await makeDocument(db, a.id, { amount: "47335.00", issueDate: "2026-09-24", dueDate: "2026-10-24" });
  const a0 = await makeDocument(db, a.id, { amount: "80.00", issueDate: "2026-08-01", dueDate: "2026-09-01", status: "settled", openAmount: "0" });
  await makeAction("alpha", { clientId: a.id, assignedUserId: alice.id, plannedDate: "2026-11-20", amountCovered: "50000.00" }, [a1.id, a0.id]);
  // Risk: Alpha's open pièce 40 % likely late (47 335 × 0,4 = 18 934 € expected late; the client's own figure is
  // not used when the action covers pièces); Charlie's actions cover none, so its client's 3 000 € counts.
  const model = await makeScoreModel(db, today);
  await makeDocumentScore(db, model.id, a1.id, { pLate: 0.4, scoredOn: today });
  await makeDocumentScore(db, model.id, a0.id, { pLate: 0.9, scoredOn: today });
  await makeClientScore(db, model.id, a.id, { pLate: 0.5, scoredOn: today, expectedLateAmount: "99999.00" });
  // Bravo: 97 € covered, pièce due 25/08 (90 days late), two promises broken within 90 days.
  const b1 = await makeDocument(db, b.id, { amount: "97.00", issueDate: "2026-07-25", dueDate: "2026-08-25" });
  await makeAction("bravo", { clientId: b.id, assignedUserId: alice.id, plannedDate: today, amountCovered: "97.00" }, [b1.id]);
  await db.insert(promises).values([
    { clientId: b.id, promisedDate: "2026-10-01", amount: "97.00", status: "broken" },
    { clientId: b.id, promisedDate: "2026-11-10", amount: "97.00", status: "broken" },
    // Too old (the window starts after 25/08), kept, or still pending: none counts.
    { clientId: b.id, promisedDate: "2026-08-01", amount: "97.00", status: "broken" },
    { clientId: b.id, promisedDate: "2026-11-01", amount: "97.00", status: "kept" },
    { clientId: b.id, promisedDate: "2026-11-30", amount: "97.00", status: "pending" },
    { clientId: c.id, promisedDate: "2026-11-20", amount: "10.00", status: "broken" },
  ]);
  await makeClientScore(db, model.id, c.id, { pLate: 0.6, scoredOn: today, expectedLateAmount: "3000.00" });
  // Charlie: a task of 5 000 € with no pièce, planned yesterday (1 day late), one broken promise.
  await makeAction("charlie", { clientId: c.id, assignedUserId: alice.id, plannedDate: "2026-11-22", amountCovered: "5000.00", type: "task" });
  // Upcoming, the largest of all: after what is due, whatever its priority.
  await makeAction("upcoming", { clientId: c.id, assignedUserId: alice.id, plannedDate: "2026-11-30", amountCovered: "100000.00" });
  // Another collector's client, and actions that are not to do.
  await makeAction("zoulou", { clientId: z.id, assignedUserId: bruno.id, plannedDate: today, amountCovered: "999999.99" });
  await makeAction("callDone", { clientId: a.id, plannedDate: "2026-11-10", status: "done", outcome: "not_reached", doneAt: new Date("2026-11-10T09:00:00Z") });
  await makeAction("emailSent", { clientId: a.id, plannedDate: "2026-11-15", status: "sent", type: "email", mode: "automatic", sentAt: new Date("2026-11-15T07:00:00Z") });
  // The e-mail stayed in the outbox (no provider): a simulated send, not a reminder the client received.
  await db.insert(outboundMessages).values({ actionId: ids.emailSent, clientId: a.id, channel: "email", recipient: "anne@alpha.fr", body: "<p>Relance</p>", provider: "outbox", status: "sent" });
  await makeAction("letterSent", { clientId: a.id, plannedDate: "2026-10-20", status: "sent", type: "letter", mode: "automatic", sentAt: new Date("2026-10-20T07:00:00Z") });
  await makeAction("taskDone", { clientId: a.id, plannedDate: "2026-11-18", status: "done", type: "task", doneAt: new Date("2026-11-18T09:00:00Z") });
  await makeAction("cancelled", { clientId: b.id, plannedDate: "2026-11-01", status: "cancelled", amountCovered: "50000.00" });

  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.sup = (await loadScope(db, sup.id, today))!;
});
afterAll(() => handle.close());

const list = (scope: Scope, sort: { sort?: WorklistSortKey; order?: "asc" | "desc" } = {}, w = weights) =>
  listWorklist(handle.db, scope, {}, { today, weights: w, sort: toWorklistSort(sort), page: 1, pageSize: 50 });

const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe("worklist priority", () => {
  it("orders what is due by priority, each part its weight times its factor, then what is to come", async () => {
    const rows = await list(scopes.alice);
    expect(rows.map((r) => [nameOf(r.id), r.priority, r.points, r.daysLate, r.brokenPromises, r.expectedLate])).toEqual([
      // 47,335 × 1 = 47,3 ; 30 j × 0,5 = 15 ; 0 ; 18,934 × 2 = 37,9 (the settled pièce, though scored, owes nothing)
      ["alpha", "100.2", { amount: "47.3", daysLate: "15.0", brokenPromises: "0.0", risk: "37.9" }, 30, 0, "18934.00"],
      // 0,097 × 1 = 0,1 ; 90 j × 0,5 = 45 ; 2 × 10 = 20 ; no score: 0
      ["bravo", "65.1", { amount: "0.1", daysLate: "45.0", brokenPromises: "20.0", risk: "0.0" }, 90, 2, "0.00"],
      // 5 × 1 = 5 ; 1 j (planned date, no pièce) × 0,5 = 0,5 ; 1 × 10 = 10 ; 3 × 2 = 6
      ["charlie", "21.5", { amount: "5.0", daysLate: "0.5", brokenPromises: "10.0", risk: "6.0" }, 1, 1, "3000.00"],
      // 100 × 1 = 100 ; not late ; 1 × 10 ; 3 × 2 = 6
      ["upcoming", "116.0", { amount: "100.0", daysLate: "0.0", brokenPromises: "10.0", risk: "6.0" }, 0, 1, "3000.00"],
    ]);
  });

  it("follows the weights: amount alone puts Alpha first", async () => {
    const rows = await list(scopes.alice, {}, { amount: 2, daysLate: 0, brokenPromises: 0, risk: 0 });
    expect(rows.map((r) => [nameOf(r.id), r.priority])).toEqual([
      ["alpha", "94.7"],
      ["charlie", "10.0"],
      ["bravo", "0.2"],
      ["upcoming", "200.0"],
    ]);
  });

  it("shows the phone, the last contact and the reminders sent", async () => {
    const rows = await list(scopes.alice);
    const byName = Object.fromEntries(rows.map((r) => [nameOf(r.id), r]));
    expect(byName.alpha).toMatchObject({
      amountCovered: "50000.00",
      amountAtStake: "47335.00",
      phone: "06 12 34 56 78",
      lastContactOn: "2026-11-15",
      lastContactType: "email",
      lastContactOutcome: null,
      lastContactSimulated: true,
      remindersSent: 1,
      remindersSimulated: 1,
      documentCount: 2,
      clientOpen: true,
    });
    expect(byName.bravo).toMatchObject({ phone: "04 72 00 00 00", lastContactOn: null, remindersSent: 0, remindersSimulated: 0, documentCount: 1 });
    expect(byName.charlie).toMatchObject({ phone: null, documentCount: 0 });
  });

  it("sorts by any column, ties broken by priority", async () => {
    const order = async (sort: WorklistSortKey, direction?: "asc" | "desc") => (await list(scopes.alice, { sort, order: direction })).map((r) => nameOf(r.id));
    expect(await order("amount")).toEqual(["upcoming", "alpha", "charlie", "bravo"]);
    expect(await order("priority", "asc")).toEqual(["charlie", "bravo", "alpha", "upcoming"]);
    expect(await order("date")).toEqual(["alpha", "charlie", "bravo", "upcoming"]);
    expect(await order("reminders")).toEqual(["alpha", "upcoming", "bravo", "charlie"]);
    expect(await order("lastContact")).toEqual(["alpha", "upcoming", "bravo", "charlie"]);
    expect(await order("client")).toEqual(["alpha", "bravo", "upcoming", "charlie"]);
  });

  it("keeps to the scope", async () => {
    expect((await list(scopes.alice)).map((r) => nameOf(r.id))).not.toContain("zoulou");
    // Zoulou: 999 999,99 € × 1 / 1 000 = 1 000,0 points, due today.
    expect((await list(scopes.sup)).map((r) => [nameOf(r.id), r.priority])).toEqual([
      ["zoulou", "1000.0"],
      ["alpha", "100.2"],
      ["bravo", "65.1"],
      ["charlie", "21.5"],
      ["upcoming", "116.0"],
    ]);
  });

  it("reads the weights from the settings, with defaults", async () => {
    expect(await getOption(handle.db, "worklistPriority")).toEqual({ amount: 1, daysLate: 1, brokenPromises: 10, risk: 1 });
    await setOption(handle.db, "worklistPriority", weights);
    expect(await getOption(handle.db, "worklistPriority")).toEqual(weights);
  });

  it("orders by the weights saved: new weights in the settings change the order", async () => {
    const ordered = async () => (await list(scopes.alice, {}, await getOption(handle.db, "worklistPriority"))).map((r) => nameOf(r.id));
    await setOption(handle.db, "worklistPriority", weights);
    expect(await ordered()).toEqual(["alpha", "bravo", "charlie", "upcoming"]);
    // Lateness and broken promises alone: Bravo (90 days, two broken) before Charlie (1 day, one), Alpha (30 days) between.
    await setOption(handle.db, "worklistPriority", { amount: 0, daysLate: 1, brokenPromises: 10, risk: 0 });
    expect(await ordered()).toEqual(["bravo", "alpha", "charlie", "upcoming"]);
    await setOption(handle.db, "worklistPriority", { amount: 0, daysLate: 0, brokenPromises: 1, risk: 0 });
    expect(await ordered()).toEqual(["bravo", "charlie", "alpha", "upcoming"]);
  });
});
