import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions, auditLog, comments, disputeDocuments, disputes, groups, imports, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { addClientComment, listClientTimeline } from "./client-timeline";
import { closeDisputes, openDisputes } from "./disputes";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
const ids: Record<string, string> = {};
const scopes: Record<string, Scope> = {};
const at = (time: string) => new Date(`2026-11-${time}Z`);

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  const alice = await makeUser(db, "collector", { name: "Alice Martin" });
  const bruno = await makeUser(db, "collector", { name: "Bruno Petit" });
  const admin = await makeUser(db, "admin", { name: "Claire Admin" });
  ids.alice = alice.id;
  ids.bruno = bruno.id;
  ids.admin = admin.id;
  scopes.alice = (await loadScope(db, alice.id, today))!;
  scopes.bruno = (await loadScope(db, bruno.id, today))!;
  const client = await makeClient(db, entity.id, { collectorId: alice.id });
  const other = await makeClient(db, entity.id, { collectorId: bruno.id });
  ids.client = client.id;
  ids.other = other.id;

  const [first, second] = await db
    .insert(imports)
    .values([
      { kind: "documents", fileName: "balance-0110.csv", fileHash: "a", status: "succeeded", userId: admin.id, finishedAt: at("01T06:00:00") },
      { kind: "documents", fileName: "balance-2011.csv", fileHash: "b", status: "succeeded", userId: admin.id, finishedAt: at("20T06:00:00") },
    ])
    .returning();
  const base = { issueDate: "2026-09-01", dueDate: "2026-10-01", amount: "100.00" };
  const d1 = await makeDocument(db, client.id, { ...base, number: "F-1", firstSeenImportId: first.id, lastSeenImportId: second.id });
  await makeDocument(db, client.id, { ...base, number: "F-2", firstSeenImportId: first.id, lastSeenImportId: second.id });
  await makeDocument(db, client.id, { ...base, number: "F-3", firstSeenImportId: second.id, lastSeenImportId: second.id });
  await makeDocument(db, other.id, { ...base, number: "X-1", firstSeenImportId: first.id, lastSeenImportId: first.id });

  await db.insert(actions).values([
    { clientId: client.id, type: "call", mode: "manual", plannedDate: "2026-11-05", status: "done", outcome: "Promesse obtenue", note: "Rappeler lundi", doneById: alice.id, doneAt: at("05T09:00:00") },
    { clientId: client.id, type: "email", mode: "automatic", plannedDate: "2026-11-06", status: "error", errorMessage: "Aucune adresse e-mail", createdAt: at("06T05:00:00") },
    // Still to do: not history yet.
    { clientId: client.id, type: "letter", mode: "manual", plannedDate: "2026-11-30", status: "planned", createdAt: at("07T05:00:00") },
    { clientId: other.id, type: "call", mode: "manual", plannedDate: "2026-11-05", status: "done", doneAt: at("08T09:00:00") },
  ]);
  await db.insert(promises).values({ clientId: client.id, promisedDate: "2026-11-30", amount: "100.00", createdById: alice.id, createdAt: at("05T09:05:00") });
  await db.insert(comments).values({ clientId: client.id, authorId: alice.id, body: "Client injoignable", createdAt: at("10T10:00:00") });
  await db.insert(comments).values({ clientId: other.id, authorId: bruno.id, body: "Autre client", createdAt: at("10T11:00:00") });
  ids.d1 = String(d1.id);
  await openDisputes(db, scopes.alice, [d1.id], "Livraison incomplète");
  await closeDisputes(db, scopes.alice, [d1.id]);
  // Dated by hand, so the order does not depend on the clock.
  await db.update(disputes).set({ openedAt: at("12T08:00:00"), closedAt: at("15T08:00:00") });
});
afterAll(() => handle.close());

describe("client timeline", () => {
  it("merges actions done, comments, promises, disputes and imports of the client, newest first", async () => {
    const events = await listClientTimeline(handle.db, scopes.alice, ids.client);
    expect(events.map((e) => e.kind)).toEqual(["import", "dispute_closed", "dispute_opened", "comment", "action", "promise", "action", "import"]);
    expect(events[1]).toMatchObject({ subject: "F-1", body: "Livraison incomplète", actor: "Alice Martin", at: "2026-11-15T08:00:00.000Z" });
    expect(events[2]).toMatchObject({ subject: "F-1", actor: "Alice Martin", at: "2026-11-12T08:00:00.000Z" });
    expect(events[0]).toMatchObject({ subject: "balance-2011.csv", actor: "Claire Admin", documents: 3, created: 1, at: "2026-11-20T06:00:00.000Z" });
    expect(events[3]).toMatchObject({ body: "Client injoignable", actor: "Alice Martin", at: "2026-11-10T10:00:00.000Z" });
    expect(events[4]).toMatchObject({ subject: "email", status: "error", note: "Aucune adresse e-mail", actor: null });
    expect(events[5]).toMatchObject({ status: "pending", amount: "100.00", date: "2026-11-30" });
    expect(events[6]).toMatchObject({ subject: "call", status: "done", body: "Promesse obtenue", note: "Rappeler lundi", actor: "Alice Martin" });
    expect(events[7]).toMatchObject({ subject: "balance-0110.csv", documents: 2, created: 2 });
  });

  it("shows nothing of a client outside the scope, and limits the length", async () => {
    expect(await listClientTimeline(handle.db, scopes.bruno, ids.client)).toEqual([]);
    expect(await listClientTimeline(handle.db, scopes.alice, ids.client, 3)).toHaveLength(3);
  });

  it("adds a comment to a client in scope only", async () => {
    expect(await addClientComment(handle.db, scopes.bruno, ids.client, "Intrusion")).toBeNull();
    expect(await addClientComment(handle.db, scopes.alice, ids.client, "Relance faite par téléphone")).not.toBeNull();
    const events = await listClientTimeline(handle.db, scopes.alice, ids.client);
    expect(events.filter((e) => e.kind === "comment").map((e) => [e.body, e.actor])).toEqual(
      expect.arrayContaining([["Relance faite par téléphone", "Alice Martin"]]),
    );
    const other = await listClientTimeline(handle.db, scopes.bruno, ids.other);
    expect(other.map((e) => [e.kind, e.body ?? e.subject])).toEqual([
      ["comment", "Autre client"],
      ["action", "call"],
      ["import", "balance-0110.csv"],
    ]);
  });

  it("shows the changes made on the fiche, as the audit recorded them, with who made them", async () => {
    const [group] = await handle.db.insert(groups).values({ name: "Grands comptes", priority: 1 }).returning();
    const client = ids.client;
    // The entries the fiche's actions record (app/(app)/clients/[id]/actions.ts), and a portfolio transfer's.
    await handle.db.insert(auditLog).values([
      { at: at("21T09:00:00"), userId: ids.admin, action: "client.assign", targetType: "client", targetId: client, details: { assignment: "collector", from: ids.bruno, to: ids.alice, transfer: true } },
      { at: at("21T09:01:00"), userId: ids.admin, action: "client.assign", targetType: "client", targetId: client, details: { assignment: "salesRep", from: ids.bruno, to: null } },
      { at: at("21T09:02:00"), userId: ids.admin, action: "client.group", targetType: "client", targetId: client, details: { forcedGroupId: group.id } },
      { at: at("22T09:00:00"), userId: ids.alice, action: "client.pause", targetType: "client", targetId: client, details: { until: "2026-12-15", reason: "Échéancier accordé" } },
      { at: at("23T09:00:00"), userId: ids.alice, action: "client.resume", targetType: "client", targetId: client },
      // Another client's, and an entry of another kind on this one: neither shows.
      { at: at("23T10:00:00"), userId: ids.admin, action: "client.pause", targetType: "client", targetId: ids.other, details: { until: "2026-12-15", reason: "Autre" } },
      { at: at("23T11:00:00"), userId: ids.admin, action: "settings.update", targetType: "settings", targetId: client },
    ]);
    // The comment of the test above is dated now, after these.
    const events = (await listClientTimeline(handle.db, scopes.alice, client, 6)).filter((e) => e.kind !== "comment");
    expect(events.map((e) => [e.kind, e.actor, e.subject, e.status, e.body, e.note, e.date])).toEqual([
      ["resume", "Alice Martin", null, null, null, null, null],
      ["pause", "Alice Martin", null, null, "Échéancier accordé", null, "2026-12-15"],
      ["group", "Claire Admin", null, null, "Grands comptes", null, null],
      ["assignment", "Claire Admin", "salesRep", null, null, "Bruno Petit", null],
      ["assignment", "Claire Admin", "collector", "transfer", "Alice Martin", "Bruno Petit", null],
    ]);
    expect((await listClientTimeline(handle.db, scopes.bruno, ids.other)).map((e) => e.kind)).toContain("pause");
  });

  it("shows a case over several pièces, or over the account alone, with its outcome once resolved", async () => {
    const db = handle.db;
    const client = await makeClient(db, (await makeEntity(db)).id, { collectorId: ids.alice });
    const base = { issueDate: "2026-09-01", dueDate: "2026-10-01", amount: "100.00" };
    const g1 = await makeDocument(db, client.id, { ...base, number: "G-1" });
    const g2 = await makeDocument(db, client.id, { ...base, number: "G-2" });
    const [resolved] = await db
      .insert(disputes)
      .values([
        { clientId: client.id, reason: "Prix", status: "resolved", outcome: "avoir_emis", openedAt: at("02T08:00:00"), closedAt: at("09T08:00:00") },
        { clientId: client.id, reason: "Conditions", openedAt: at("03T08:00:00") },
      ])
      .returning();
    await db.insert(disputeDocuments).values([g2, g1].map((d) => ({ disputeId: resolved.id, documentId: d.id })));
    const events = await listClientTimeline(db, scopes.alice, client.id);
    expect(events.map((e) => [e.kind, e.subject, e.status])).toEqual([
      ["dispute_closed", "G-1, G-2", "avoir_emis"],
      ["dispute_opened", null, null],
      ["dispute_opened", "G-1, G-2", null],
    ]);
  });
});
