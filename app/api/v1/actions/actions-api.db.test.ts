import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actionDocuments, actions, auditLog, documents, promiseDocuments, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import { today } from "@/lib/dates";
import { GET as list, POST as create } from "./route";
import { GET as get } from "./[id]/route";
import { POST as outcome } from "./[id]/outcome/route";

type Action = {
  id: string;
  channel: string;
  status: string;
  planned_date: string;
  outcome: string | null;
  note: string | null;
  amount_covered: string;
  piece_ids: number[];
  promise_id: string | null;
  assigned_to: { id: string } | null;
  client: { code: string };
};
type Page = { data: Action[]; next_cursor: string | null };
type Problem = { status: number; detail?: string; errors?: Record<string, string[]> };

let handle: DatabaseHandle;
const tokens = { admin: "", collector: "", readOnly: "", sales: "" };
const ids = { m1: "", x1: "", d1: 0, d2: 0, dx: 0, plannedM1: "", sentM1: "", plannedX1: "", collector: "" };

const read = async (token: string, query = "") => expectContract<Page>(await callApi(list, "GET", `/api/v1/actions${query}`, { token }), "GET", "/actions");
const post = (token: string, body: unknown, headers: Record<string, string> = {}) => callApi(create, "POST", "/api/v1/actions", { token, body, headers });
const postOutcome = (token: string, id: string, body: unknown) => callApi(outcome, "POST", `/api/v1/actions/${id}/outcome`, { token, body, params: { id } });

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db, "DIST");
  const admin = await makeUser(db, "admin");
  const collector = await makeUser(db, "collector");
  const other = await makeUser(db, "collector");
  const sales = await makeUser(db, "sales");
  ids.collector = collector.id;
  ids.m1 = (await makeClient(db, entity.id, { code: "M1", collectorId: collector.id, salesRepId: sales.id })).id;
  ids.x1 = (await makeClient(db, entity.id, { code: "X1", collectorId: other.id })).id;
  ids.d1 = (await makeDocument(db, ids.m1, { number: "D1", amount: "100.00", issueDate: "1999-12-10", dueDate: "2000-01-10" })).id;
  ids.d2 = (await makeDocument(db, ids.m1, { number: "D2", amount: "200.00", issueDate: "2000-01-10", dueDate: "2000-02-10" })).id;
  ids.dx = (await makeDocument(db, ids.x1, { number: "DX", amount: "900.00", issueDate: "1999-12-10", dueDate: "2000-01-10" })).id;
  const seed = async (clientId: string, values: Partial<typeof actions.$inferInsert>) =>
    (await db.insert(actions).values({ clientId, type: "call", mode: "manual", status: "planned", plannedDate: "2099-01-05", ...values }).returning())[0].id;
  ids.plannedM1 = await seed(ids.m1, { assignedUserId: collector.id });
  ids.sentM1 = await seed(ids.m1, { type: "email", mode: "automatic", status: "sent", plannedDate: "2000-03-01", sentAt: new Date("2000-03-01T08:00:00Z") });
  ids.plannedX1 = await seed(ids.x1, { assignedUserId: other.id });
  await db.insert(actionDocuments).values([{ actionId: ids.plannedM1, documentId: ids.d1 }, { actionId: ids.plannedM1, documentId: ids.d2 }, { actionId: ids.plannedX1, documentId: ids.dx }]);
  tokens.admin = await makeApiKey(db, admin.id);
  tokens.collector = await makeApiKey(db, collector.id);
  tokens.readOnly = await makeApiKey(db, collector.id, { readOnly: true });
  tokens.sales = await makeApiKey(db, sales.id);
});
afterAll(() => handle.close());

describe("GET /actions", () => {
  it("walks the collector's actions newest planned first, never another portfolio's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: Page = await read(tokens.collector, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.data.map((a) => a.id));
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([ids.plannedM1, ids.sentM1]);
    const [planned] = (await read(tokens.collector, "?limit=1")).data;
    expect(planned).toMatchObject({ channel: "call", status: "planned", client: { code: "M1" }, piece_ids: [ids.d1, ids.d2].sort((a, b) => a - b), promise_id: null, assigned_to: { id: ids.collector } });
  });

  it("filters by client, status, channel and planned dates; scopes the administrator and the sales rep", async () => {
    const of = (page: Page) => page.data.map((a) => a.id);
    expect(of(await read(tokens.admin, `?client_id=${ids.x1}`))).toEqual([ids.plannedX1]);
    expect(of(await read(tokens.admin, "?status=sent"))).toEqual([ids.sentM1]);
    expect(of(await read(tokens.admin, "?channel=email"))).toEqual([ids.sentM1]);
    expect(of(await read(tokens.admin, "?planned_from=2099-01-01&planned_to=2099-12-31&order=asc")).sort()).toEqual([ids.plannedM1, ids.plannedX1].sort());
    expect(of(await read(tokens.admin, "?planned_to=2000-12-31"))).toEqual([ids.sentM1]);
    expect(of(await read(tokens.sales)).sort()).toEqual([ids.plannedM1, ids.sentM1].sort());
    const bad = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/actions?channel=fax&planned_from=demain", { token: tokens.admin }), "GET", "/actions");
    expect(bad.errors).toEqual({ channel: ["Canal inconnu."], planned_from: ["Date AAAA-MM-JJ attendue."] });
  });

  it("reads one action in scope; another portfolio's is not found", async () => {
    const mine = await callApi(get, "GET", `/api/v1/actions/${ids.sentM1}`, { token: tokens.collector, params: { id: ids.sentM1 } });
    expect(await expectContract<Action>(mine, "GET", "/actions/{id}")).toMatchObject({ channel: "email", status: "sent", planned_date: "2000-03-01" });
    const foreign = await callApi(get, "GET", `/api/v1/actions/${ids.plannedX1}`, { token: tokens.collector, params: { id: ids.plannedX1 } });
    expect((await expectContract<Problem>(foreign, "GET", "/actions/{id}")).status).toBe(404);
  });
});

describe("POST /actions", () => {
  it("logs a call made today with its outcome, as « Noter un appel », audited as coming from the API", async () => {
    const response = await post(tokens.collector, { client_id: ids.m1, piece_ids: [ids.d1], outcome: "reached", note: "Facture reçue" });
    expect(response.status).toBe(201);
    const call = await expectContract<Action>(response, "POST", "/actions");
    expect(call).toMatchObject({ channel: "call", status: "done", outcome: "reached", note: "Facture reçue", planned_date: today(), piece_ids: [ids.d1], amount_covered: "100.00" });
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, call.id));
    expect(audit.map((a) => [a.action, a.details.via, a.details.unplanned])).toEqual([["action.complete", "api", true]]);
  });

  it("plans a call over every open pièce, then records its outcome: a promise on its pièces", async () => {
    const planned = await expectContract<Action>(await post(tokens.collector, { client_id: ids.m1, planned_date: "2099-02-01", note: "Rappeler la comptable" }), "POST", "/actions");
    expect(planned).toMatchObject({ status: "planned", planned_date: "2099-02-01", amount_covered: "300.00", outcome: null, assigned_to: { id: ids.collector } });
    expect(planned.piece_ids.toSorted((a, b) => a - b)).toEqual([ids.d1, ids.d2].toSorted((a, b) => a - b));
    const done = await postOutcome(tokens.collector, planned.id, { outcome: "promise", promise_date: "2099-02-15", promise_amount: "250.00", note: "Virement promis" });
    const after = await expectContract<Action>(done, "POST", "/actions/{id}/outcome");
    expect(after).toMatchObject({ status: "done", outcome: "promise", note: "Virement promis" });
    const [promise] = await handle.db.select().from(promises).where(eq(promises.actionId, planned.id));
    expect(after.promise_id).toBe(promise.id);
    expect([promise.promisedDate, promise.amount, promise.status]).toEqual(["2099-02-15", "250.00", "pending"]);
    const covered = await handle.db.select().from(promiseDocuments).where(eq(promiseDocuments.promiseId, promise.id));
    expect(covered).toHaveLength(2);
    const again = await postOutcome(tokens.collector, planned.id, { outcome: "reached" });
    expect((await expectContract<Problem>(again, "POST", "/actions/{id}/outcome")).status).toBe(409);
  });

  it("opens a dispute on the chosen pièce of a planned action", async () => {
    const result = await postOutcome(tokens.collector, ids.plannedM1, { outcome: "dispute", dispute_reason: "Prix contesté", piece_ids: [ids.d2] });
    expect(await expectContract<Action>(result, "POST", "/actions/{id}/outcome")).toMatchObject({ status: "done", outcome: "dispute", dispute_reason: "Prix contesté" });
    const rows = await handle.db.select({ number: documents.number, disputed: documents.disputed }).from(documents).where(eq(documents.clientId, ids.m1));
    expect(Object.fromEntries(rows.map((r) => [r.number, r.disputed]))).toEqual({ D1: false, D2: true });
  });

  it("replays a POST with the same Idempotency-Key without a second call", async () => {
    const body = { client_id: ids.m1, planned_date: "2099-03-01", note: "Idempotent" };
    const first = await post(tokens.collector, body, { "Idempotency-Key": "appel-1" });
    const second = await post(tokens.collector, body, { "Idempotency-Key": "appel-1" });
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const [a, b] = [await expectContract<Action>(first, "POST", "/actions"), await expectContract<Action>(second, "POST", "/actions")];
    expect(b).toEqual(a);
    expect(await handle.db.$count(actions, and(eq(actions.clientId, ids.m1), eq(actions.note, "Idempotent")))).toBe(1);
  });

  it("refuses another portfolio (404), a read-only key and a sales rep (403), and invalid fields in French (422)", async () => {
    expect((await expectContract<Problem>(await post(tokens.collector, { client_id: ids.x1 }), "POST", "/actions")).status).toBe(404);
    expect((await expectContract<Problem>(await postOutcome(tokens.collector, ids.plannedX1, { outcome: "reached" }), "POST", "/actions/{id}/outcome")).status).toBe(404);
    const readOnly = await expectContract<Problem>(await post(tokens.readOnly, { client_id: ids.m1 }), "POST", "/actions");
    expect([readOnly.status, readOnly.detail]).toEqual([403, "Cette clé d'API est en lecture seule."]);
    expect((await expectContract<Problem>(await post(tokens.sales, { client_id: ids.m1 }), "POST", "/actions")).status).toBe(403);
    expect((await expectContract<Problem>(await postOutcome(tokens.readOnly, ids.plannedX1, { outcome: "reached" }), "POST", "/actions/{id}/outcome")).status).toBe(403);

    const promise = await expectContract<Problem>(await post(tokens.collector, { client_id: ids.m1, outcome: "promise" }), "POST", "/actions");
    expect(promise.errors).toEqual({
      "body.promise_date": ["Indiquez la date promise."],
      "body.promise_amount": ["Indiquez le montant promis."],
      "body.piece_ids": ["Choisissez au moins une pièce."],
    });
    const fields = await expectContract<Problem>(await post(tokens.collector, { client_id: "nope", channel: "email" }), "POST", "/actions");
    expect(fields.errors).toEqual({
      "body.client_id": ["Identifiant de client invalide."],
      "body.channel": ["Seuls les appels se créent par l'API ; les e-mails et courriers partent de la fiche client."],
    });
    const past = await expectContract<Problem>(await post(tokens.collector, { client_id: ids.m1, planned_date: "2000-01-01" }), "POST", "/actions");
    expect(past.errors).toEqual({ "body.planned_date": ["La date prévue ne peut pas être passée."] });
    const foreignPiece = await expectContract<Problem>(await post(tokens.collector, { client_id: ids.m1, piece_ids: [ids.dx] }), "POST", "/actions");
    expect(foreignPiece.errors).toEqual({ "body.piece_ids": ["Choisissez une pièce ouverte de ce client."] });
    const dispute = await expectContract<Problem>(await postOutcome(tokens.admin, ids.plannedX1, { outcome: "dispute" }), "POST", "/actions/{id}/outcome");
    expect(dispute.errors).toEqual({ "body.dispute_reason": ["Indiquez le motif du litige."], "body.piece_ids": ["Choisissez au moins une pièce."] });
    // Nothing was written by the refused requests.
    expect(await handle.db.$count(actions, eq(actions.clientId, ids.x1))).toBe(1);
  });
});
