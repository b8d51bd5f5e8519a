import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { loadScope } from "@/db/queries/scope";
import { openDisputeCase } from "@/db/queries/disputes";
import { auditLog, disputes, documents, notifications } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import { GET as list, POST as create } from "./route";
import { GET as get, PATCH as patch } from "./[id]/route";

type Dispute = {
  id: string;
  client: { code: string };
  reason: string;
  category: string;
  amount: string | null;
  status: string;
  active: boolean;
  owner: { id: string; name: string } | null;
  overdue: boolean;
  outcome: string | null;
  closed_at: string | null;
  opened_by: { name: string } | null;
  pieces: { number: string; open_amount: string }[];
};
type Page = { data: Dispute[]; next_cursor: string | null };
type Problem = { status: number; detail?: string; errors?: Record<string, string[]> };

let handle: DatabaseHandle;
const users = {} as Record<"admin" | "alice" | "bruno" | "sam", string>;
const tokens = {} as Record<"admin" | "alice" | "bruno" | "sam" | "aliceReadOnly", string>;
const clientIds = {} as Record<"a" | "b", string>;
const docs = {} as Record<"A1" | "A2" | "A3" | "A4" | "AS" | "B1", number>;
const cases = {} as Record<"prix" | "livraison" | "late" | "bruno" | "sam", string>;

const disputedOf = async (...ids: number[]) =>
  (await handle.db.select({ disputed: documents.disputed }).from(documents).where(inArray(documents.id, ids)).orderBy(asc(documents.id))).map((d) => d.disputed);

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db);
  users.admin = (await makeUser(db, "admin", { name: "Claire Admin" })).id;
  users.alice = (await makeUser(db, "collector", { name: "Alice Martin" })).id;
  users.bruno = (await makeUser(db, "collector", { name: "Bruno Petit" })).id;
  users.sam = (await makeUser(db, "sales", { name: "Sam Roux" })).id;
  clientIds.a = (await makeClient(db, entity.id, { code: "ALPHA", name: "Alpha", collectorId: users.alice, salesRepId: users.sam })).id;
  clientIds.b = (await makeClient(db, entity.id, { code: "BRAVO", name: "Bravo", collectorId: users.bruno })).id;
  const base = { issueDate: "2026-09-01", dueDate: "2026-10-01" };
  for (const [key, clientId, amount] of [["A1", "a", "100.00"], ["A2", "a", "200.00"], ["A3", "a", "50.00"], ["A4", "a", "75.00"], ["B1", "b", "300.00"]] as const) {
    docs[key] = (await makeDocument(db, clientIds[clientId], { ...base, number: key, amount })).id;
  }
  docs.AS = (await makeDocument(db, clientIds.a, { ...base, number: "AS", amount: "80.00", openAmount: "0.00", status: "settled" })).id;
  const scope = async (who: keyof typeof users) => (await loadScope(db, users[who], "2026-11-23"))!;
  const open = async (who: keyof typeof users, input: Parameters<typeof openDisputeCase>[2]) => (await openDisputeCase(db, await scope(who), input))!.id;
  // Alpha (Alice's): 300.00 on prix, 50.00 on livraison with a target long past, 20.00 owned by Sam; Bravo (Bruno's): 300.00.
  cases.prix = await open("alice", { clientId: clientIds.a, documentIds: [docs.A1, docs.A2], reason: "Prix contesté", category: "prix", ownerId: users.alice });
  cases.late = await open("alice", { clientId: clientIds.a, documentIds: [docs.A3], reason: "Livraison en retard", category: "livraison", targetDate: "2020-01-31" });
  cases.sam = await open("alice", { clientId: clientIds.a, documentIds: [docs.A1], reason: "Remise oubliée", amount: "20.00", ownerId: users.sam });
  cases.bruno = await open("bruno", { clientId: clientIds.b, documentIds: [docs.B1], reason: "Qualité", category: "qualite", ownerId: users.bruno });
  for (const who of Object.keys(users) as (keyof typeof users)[]) tokens[who] = await makeApiKey(db, users[who]);
  tokens.aliceReadOnly = await makeApiKey(db, users.alice, { readOnly: true });
});
afterAll(() => handle.close());

const getPage = async (token: string, query: string) => expectContract<Page>(await callApi(list, "GET", `/api/v1/disputes?${query}`, { token }), "GET", "/disputes");

describe("GET /disputes", () => {
  it("walks a collector's cases by cursor, largest amount first, never another portfolio's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: Page = await getPage(tokens.alice, `limit=2&sort=amount${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.data.map((d) => `${d.reason} ${d.amount}`));
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(["Prix contesté 300.00", "Livraison en retard 50.00", "Remise oubliée 20.00"]);
    const admin = await getPage(tokens.admin, "sort=amount&order=asc");
    expect(admin.data.map((d) => d.amount)).toEqual(["20.00", "50.00", "300.00", "300.00"]);
  });

  it("filters as the /litiges page does: category, owner, client, overdue, search, status", async () => {
    const reasons = async (query: string) => (await getPage(tokens.admin, query)).data.map((d) => d.reason).sort();
    expect(await reasons("category=prix")).toEqual(["Prix contesté"]);
    expect(await reasons(`owner_id=${users.sam}`)).toEqual(["Remise oubliée"]);
    expect(await reasons(`client_id=${clientIds.b}`)).toEqual(["Qualité"]);
    expect(await reasons("overdue=true")).toEqual(["Livraison en retard"]);
    expect(await reasons("q=brav")).toEqual(["Qualité"]);
    expect(await reasons("status=resolved")).toEqual([]);
    const late = (await getPage(tokens.admin, "overdue=true")).data[0];
    expect(late).toMatchObject({ overdue: true, active: true, status: "open", category: "livraison", owner: null, opened_by: { name: "Alice Martin" } });
  });

  it("shows a sales rep the cases of their clients only", async () => {
    expect((await getPage(tokens.sam, "")).data.map((d) => d.client.code)).toEqual(["ALPHA", "ALPHA", "ALPHA"]);
  });

  it("refuses bad parameters with French messages per field", async () => {
    const bad = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/disputes?status=perdu&overdue=oui&limit=0", { token: tokens.alice }), "GET", "/disputes");
    expect(bad.status).toBe(422);
    expect(bad.errors).toEqual({
      limit: ["Au moins 1."],
      status: ["Statut inconnu : active, all ou un statut de litige."],
      overdue: ["« true » ou « false » attendu."],
    });
  });
});

describe("GET /disputes/{id}", () => {
  it("reads a case with its pièces; another portfolio's case and a malformed id are not found", async () => {
    const one = await expectContract<Dispute>(await callApi(get, "GET", `/api/v1/disputes/${cases.prix}`, { token: tokens.alice, params: { id: cases.prix } }), "GET", "/disputes/{id}");
    expect(one.pieces.map((p) => `${p.number} ${p.open_amount}`)).toEqual(["A1 100.00", "A2 200.00"]);
    expect(one.owner?.name).toBe("Alice Martin");
    for (const id of [cases.bruno, "pas-un-uuid"]) {
      const missing = await expectContract<Problem>(await callApi(get, "GET", `/api/v1/disputes/${id}`, { token: tokens.alice, params: { id } }), "GET", "/disputes/{id}");
      expect(missing.status).toBe(404);
    }
  });
});

describe("POST /disputes", () => {
  const body = () => ({ client_id: clientIds.a, document_ids: [docs.A4, docs.B1, docs.AS], reason: "Palettes manquantes", category: "livraison", owner_id: users.sam, target_date: "2099-01-15" });

  it("opens a case on the client's open pièces only, audited, its owner told; a replay creates nothing", async () => {
    const headers = { "Idempotency-Key": "litige-palettes" };
    const first = await callApi(create, "POST", "/api/v1/disputes", { token: tokens.alice, body: body(), headers });
    const opened = await expectContract<Dispute>(first, "POST", "/disputes");
    expect(first.status).toBe(201);
    // B1 is Bravo's and AS is settled: only A4 (75.00) is covered, and its open amount is the case's.
    expect(opened).toMatchObject({ reason: "Palettes manquantes", category: "livraison", amount: "75.00", status: "open", owner: { id: users.sam } });
    expect(opened.pieces.map((p) => p.number)).toEqual(["A4"]);
    expect(await disputedOf(docs.A4)).toEqual([true]);
    const replay = await callApi(create, "POST", "/api/v1/disputes", { token: tokens.alice, body: body(), headers });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await expectContract<Dispute>(replay, "POST", "/disputes")).id).toBe(opened.id);
    expect(await handle.db.select({ id: disputes.id }).from(disputes).where(eq(disputes.reason, "Palettes manquantes"))).toHaveLength(1);
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "dispute.open"), eq(auditLog.targetId, opened.id)));
    expect(audit.details).toMatchObject({ clientId: clientIds.a, documentIds: [docs.A4], via: "api" });
    const told = await handle.db.select().from(notifications).where(and(eq(notifications.userId, users.sam), eq(notifications.subjectId, opened.id)));
    expect(told.map((n) => [n.kind, n.title])).toEqual([["dispute.assigned", "Litige confié : Alpha"]]);
  });

  it("refuses another portfolio's client (404), settled pièces, an unknown owner and bad fields (422)", async () => {
    const post = (token: string, payload: unknown) => callApi(create, "POST", "/api/v1/disputes", { token, body: payload });
    const foreign = await expectContract<Problem>(await post(tokens.alice, { ...body(), client_id: clientIds.b, document_ids: [docs.B1] }), "POST", "/disputes");
    expect(foreign.status).toBe(404);
    const settled = await expectContract<Problem>(await post(tokens.alice, { ...body(), document_ids: [docs.AS] }), "POST", "/disputes");
    expect(settled.errors).toEqual({ "body.document_ids": ["Aucune de ces pièces n'est une pièce ouverte de ce client."] });
    const owner = await expectContract<Problem>(await post(tokens.alice, { ...body(), owner_id: "0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b" }), "POST", "/disputes");
    expect(owner.errors).toEqual({ "body.owner_id": ["Ce responsable n'existe pas ou n'est plus actif."] });
    const fields = await expectContract<Problem>(await post(tokens.alice, { client_id: clientIds.a, document_ids: [], reason: "x", category: "humeur" }), "POST", "/disputes");
    expect(fields.status).toBe(422);
    expect(fields.errors).toEqual({
      "body.document_ids": ["Indiquez au moins une pièce."],
      "body.reason": ["Indiquez le motif du litige (3 caractères minimum)."],
      "body.category": ["Catégorie inconnue."],
    });
    expect(await disputedOf(docs.B1, docs.AS)).toEqual([true, false]);
  });

  it("refuses a sales rep's role and a read-only key with 403, opening nothing", async () => {
    for (const token of [tokens.sam, tokens.aliceReadOnly]) {
      const refused = await expectContract<Problem>(await callApi(create, "POST", "/api/v1/disputes", { token, body: { ...body(), reason: "Refusé" } }), "POST", "/disputes");
      expect(refused.status).toBe(403);
    }
    expect(await handle.db.select().from(disputes).where(eq(disputes.reason, "Refusé"))).toHaveLength(0);
  });
});

describe("PATCH /disputes/{id}", () => {
  const call = (token: string, id: string, payload: unknown) => callApi(patch, "PATCH", `/api/v1/disputes/${id}`, { token, params: { id }, body: payload });

  it("resolves a case only with an outcome, releasing its pièces, with the page's audit entry", async () => {
    const missing = await expectContract<Problem>(await call(tokens.alice, cases.late, { status: "resolved" }), "PATCH", "/disputes/{id}");
    expect(missing.errors).toEqual({ "body.outcome": ["Indiquez le résultat pour passer le litige en « Résolu »."] });
    expect(await disputedOf(docs.A3)).toEqual([true]);
    const resolved = await expectContract<Dispute>(
      await call(tokens.alice, cases.late, { status: "resolved", outcome: "avoir_emis", resolution_note: "Avoir AV-118 émis." }),
      "PATCH",
      "/disputes/{id}",
    );
    expect(resolved).toMatchObject({ status: "resolved", active: false, overdue: false, outcome: "avoir_emis" });
    expect(resolved.closed_at).not.toBeNull();
    expect(await disputedOf(docs.A3)).toEqual([false]);
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "dispute.update"), eq(auditLog.targetId, cases.late)));
    expect(audit.details).toMatchObject({ changes: { status: { from: "open", to: "resolved" }, outcome: { from: null, to: "avoir_emis" } }, via: "api" });
    expect((await getPage(tokens.alice, "status=resolved")).data.map((d) => d.id)).toEqual([cases.late]);
  });

  it("lets a sales rep who owns a case move its status, nothing else, and no case they do not own", async () => {
    const moved = await expectContract<Dispute>(await call(tokens.sam, cases.sam, { status: "waiting_customer" }), "PATCH", "/disputes/{id}");
    expect(moved.status).toBe("waiting_customer");
    for (const [id, payload] of [[cases.sam, { category: "prix" }], [cases.prix, { status: "in_progress" }]] as const) {
      expect((await expectContract<Problem>(await call(tokens.sam, id, payload), "PATCH", "/disputes/{id}")).status).toBe(403);
    }
    const [prix] = await handle.db.select().from(disputes).where(eq(disputes.id, cases.prix));
    expect(prix.status).toBe("open");
  });

  it("lets a manager of cases hand one over; refuses a read-only key, another portfolio and an empty change", async () => {
    const handed = await expectContract<Dispute>(await call(tokens.alice, cases.prix, { owner_id: users.bruno, amount: "250.00" }), "PATCH", "/disputes/{id}");
    expect(handed).toMatchObject({ owner: { id: users.bruno, name: "Bruno Petit" }, amount: "250.00" });
    const readOnly = await expectContract<Problem>(await call(tokens.aliceReadOnly, cases.prix, { status: "closed" }), "PATCH", "/disputes/{id}");
    expect(readOnly.detail).toMatch(/lecture seule/);
    expect((await expectContract<Problem>(await call(tokens.alice, cases.bruno, { status: "closed" }), "PATCH", "/disputes/{id}")).status).toBe(404);
    const empty = await expectContract<Problem>(await call(tokens.alice, cases.prix, {}), "PATCH", "/disputes/{id}");
    expect(empty.errors).toEqual({ body: ["Indiquez au moins un champ à modifier."] });
    expect(await disputedOf(docs.B1)).toEqual([true]);
  });
});
