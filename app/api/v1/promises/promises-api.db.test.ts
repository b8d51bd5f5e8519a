import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { actions, promiseDocuments, promises } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import { today } from "@/lib/dates";
import { GET as list, POST as create } from "./route";
import { GET as get } from "./[id]/route";

type ApiPromise = { id: string; action_id: string | null; promised_date: string; amount: string; status: string; piece_ids: number[]; client: { code: string }; created_by: { id: string } | null };
type Page = { data: ApiPromise[]; next_cursor: string | null };
type Problem = { status: number; detail?: string; errors?: Record<string, string[]> };

let handle: DatabaseHandle;
const tokens = { admin: "", collector: "", readOnly: "", sales: "" };
const ids = { m1: "", m2: "", x1: "", d1: 0, d2: 0, dx: 0, collector: "", pending: "", kept: "", otherM2: "", foreign: "" };

const read = async (token: string, query = "") => expectContract<Page>(await callApi(list, "GET", `/api/v1/promises${query}`, { token }), "GET", "/promises");
const post = (token: string, body: unknown, headers: Record<string, string> = {}) => callApi(create, "POST", "/api/v1/promises", { token, body, headers });
const of = (page: Page) => page.data.map((p) => p.id);

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
  ids.m2 = (await makeClient(db, entity.id, { code: "M2", collectorId: collector.id })).id;
  ids.x1 = (await makeClient(db, entity.id, { code: "X1", collectorId: other.id })).id;
  ids.d1 = (await makeDocument(db, ids.m1, { number: "D1", amount: "100.00", issueDate: "1999-12-10", dueDate: "2000-01-10" })).id;
  ids.d2 = (await makeDocument(db, ids.m1, { number: "D2", amount: "200.00", issueDate: "2000-01-10", dueDate: "2000-02-10" })).id;
  ids.dx = (await makeDocument(db, ids.x1, { number: "DX", amount: "900.00", issueDate: "1999-12-10", dueDate: "2000-01-10" })).id;
  const seed = async (clientId: string, promisedDate: string, amount: string, status: "pending" | "kept" = "pending") =>
    (await db.insert(promises).values({ clientId, promisedDate, amount, status, createdById: collector.id }).returning())[0].id;
  ids.pending = await seed(ids.m1, "2099-01-10", "500.00");
  ids.kept = await seed(ids.m1, "2000-01-15", "100.00", "kept");
  ids.otherM2 = await seed(ids.m2, "2099-01-10", "50.00");
  ids.foreign = await seed(ids.x1, "2099-01-01", "900.00");
  await db.insert(promiseDocuments).values({ promiseId: ids.pending, documentId: ids.d2 });
  tokens.admin = await makeApiKey(db, admin.id);
  tokens.collector = await makeApiKey(db, collector.id);
  tokens.readOnly = await makeApiKey(db, collector.id, { readOnly: true });
  tokens.sales = await makeApiKey(db, sales.id);
});
afterAll(() => handle.close());

describe("GET /promises", () => {
  it("walks the collector's promises soonest first, never another portfolio's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: Page = await read(tokens.collector, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...of(body));
      cursor = body.next_cursor;
    } while (cursor);
    // Same date on M1 and M2: the id decides, in the direction of the sort.
    expect(seen).toEqual([ids.kept, ...[ids.pending, ids.otherM2].sort()]);
    const pending = (await read(tokens.collector, `?client_id=${ids.m1}&status=pending`)).data;
    expect(pending).toEqual([expect.objectContaining({ id: ids.pending, amount: "500.00", promised_date: "2099-01-10", piece_ids: [ids.d2], client: { id: ids.m1, code: "M1", name: expect.any(String) } })]);
  });

  it("filters by due dates; scopes the administrator and the sales rep", async () => {
    expect(of(await read(tokens.collector, "?due_to=2000-12-31"))).toEqual([ids.kept]);
    expect(of(await read(tokens.admin, "?due_from=2099-01-01&due_to=2099-01-05"))).toEqual([ids.foreign]);
    expect(of(await read(tokens.admin, "?order=desc&status=pending")).length).toBe(3);
    expect(of(await read(tokens.sales)).sort()).toEqual([ids.pending, ids.kept].sort());
    const bad = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/promises?status=tenue&due_from=2099-13-01", { token: tokens.admin }), "GET", "/promises");
    expect(bad.errors).toEqual({ status: ["Statut inconnu."], due_from: ["Date AAAA-MM-JJ attendue."] });
  });

  it("reads one promise in scope; another portfolio's is not found", async () => {
    const mine = await callApi(get, "GET", `/api/v1/promises/${ids.kept}`, { token: tokens.sales, params: { id: ids.kept } });
    expect(await expectContract<ApiPromise>(mine, "GET", "/promises/{id}")).toMatchObject({ status: "kept", created_by: { id: ids.collector } });
    for (const [token, id] of [
      [tokens.collector, ids.foreign],
      [tokens.sales, ids.otherM2],
    ]) {
      const missing = await callApi(get, "GET", `/api/v1/promises/${id}`, { token, params: { id } });
      expect((await expectContract<Problem>(missing, "GET", "/promises/{id}")).status).toBe(404);
    }
  });
});

describe("POST /promises", () => {
  it("records the promise as the fiche's call with a promise, on the chosen open pièces; a replay makes no second one", async () => {
    const body = { client_id: ids.m1, promised_date: "2099-02-28", amount: "1 234,5", piece_ids: [ids.d1, ids.dx], note: "Virement promis" };
    const first = await post(tokens.collector, body, { "Idempotency-Key": "promesse-1" });
    expect(first.status).toBe(201);
    const created = await expectContract<ApiPromise>(first, "POST", "/promises");
    // DX belongs to another client: the promise covers D1 alone.
    expect(created).toMatchObject({ promised_date: "2099-02-28", amount: "1234.50", status: "pending", piece_ids: [ids.d1], created_by: { id: ids.collector } });
    const [call] = await handle.db.select().from(actions).where(eq(actions.id, created.action_id!));
    expect([call.type, call.mode, call.status, call.outcome, call.note, call.plannedDate]).toEqual(["call", "manual", "done", "promise", "Virement promis", today()]);
    const replay = await post(tokens.collector, body, { "Idempotency-Key": "promesse-1" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await expectContract<ApiPromise>(replay, "POST", "/promises")).toEqual(created);
    expect(await handle.db.$count(promises, eq(promises.promisedDate, "2099-02-28"))).toBe(1);
  });

  it("refuses another portfolio (404), a read-only key and a sales rep (403), and invalid fields in French (422)", async () => {
    const valid = { client_id: ids.x1, promised_date: "2099-02-01", amount: "10.00", piece_ids: [ids.dx] };
    expect((await expectContract<Problem>(await post(tokens.collector, valid), "POST", "/promises")).status).toBe(404);
    const readOnly = await expectContract<Problem>(await post(tokens.readOnly, { ...valid, client_id: ids.m1 }), "POST", "/promises");
    expect([readOnly.status, readOnly.detail]).toEqual([403, "Cette clé d'API est en lecture seule."]);
    expect((await expectContract<Problem>(await post(tokens.sales, { ...valid, client_id: ids.m1 }), "POST", "/promises")).status).toBe(403);
    const invalid = await expectContract<Problem>(await post(tokens.collector, { client_id: ids.m1, promised_date: "28/02/2099", amount: "-5", piece_ids: [] }), "POST", "/promises");
    expect(invalid.errors).toEqual({
      "body.promised_date": ["Indiquez la date promise."],
      "body.amount": ["Indiquez le montant promis."],
      "body.piece_ids": ["Choisissez au moins une pièce."],
    });
    const foreignPiece = await expectContract<Problem>(await post(tokens.collector, { ...valid, client_id: ids.m1 }), "POST", "/promises");
    expect(foreignPiece.errors).toEqual({ "body.piece_ids": ["Choisissez une pièce ouverte de ce client."] });
    expect(await handle.db.$count(promises, eq(promises.promisedDate, "2099-02-01"))).toBe(0);
    expect(await handle.db.$count(actions)).toBe(1);
  });
});
