import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { documentScores, scoreModels } from "@/db/schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { callApi, expectContract, makeApiKey, openApiTestDatabase } from "@/lib/api/testing";
import { GET as list } from "./route";
import { GET as get } from "./[id]/route";

type Piece = { id: number; number: string; type: string; amount: string; open_amount: string; status: string; client: { code: string }; entity: { code: string }; days_late: number; p_late: number | null };
type Page = { data: Piece[]; next_cursor: string | null };
type Problem = { status: number; detail?: string; errors?: Record<string, string[]> };

let handle: DatabaseHandle;
const tokens = { admin: "", collector: "", sales: "" };
const docs: Record<string, number> = {};

const numbers = (page: Page) => page.data.map((p) => p.number);
const read = async (token: string, query: string) => expectContract<Page>(await callApi(list, "GET", `/api/v1/pieces${query}`, { token }), "GET", "/pieces");

beforeAll(async () => {
  handle = await openApiTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db, "DIST");
  const admin = await makeUser(db, "admin");
  const collector = await makeUser(db, "collector");
  const other = await makeUser(db, "collector");
  const sales = await makeUser(db, "sales");
  const m1 = await makeClient(db, entity.id, { code: "M1", name: "Mien Un", collectorId: collector.id, salesRepId: sales.id });
  const m2 = await makeClient(db, entity.id, { code: "M2", name: "Mien Deux", collectorId: collector.id });
  const x1 = await makeClient(db, entity.id, { code: "X1", name: "Autre", collectorId: other.id });
  const make = async (clientId: string, number: string, values: Parameters<typeof makeDocument>[2]) => {
    docs[number] = (await makeDocument(db, clientId, { number, ...values })).id;
  };
  // Two invoices due the same day (the id breaks the tie), one later, one not due; a credit note, a settled invoice.
  await make(m1.id, "FA-1", { amount: "100.00", issueDate: "1999-12-10", dueDate: "2000-01-10" });
  await make(m1.id, "FA-2", { amount: "200.00", issueDate: "1999-12-10", dueDate: "2000-01-10" });
  await make(m1.id, "FA-3", { amount: "300.00", issueDate: "2098-12-01", dueDate: "2099-01-01" });
  await make(m1.id, "AV-1", { type: "credit_note", amount: "-50.00", issueDate: "2000-01-05", dueDate: "2000-02-01" });
  await make(m1.id, "FA-4", { amount: "80.00", openAmount: "0.00", status: "settled", settledDate: "2000-01-20", issueDate: "1999-12-01", dueDate: "2000-01-01" });
  await make(m2.id, "FB-1", { amount: "400.00", issueDate: "2000-02-01", dueDate: "2000-03-01", disputed: true });
  await make(x1.id, "FX-1", { amount: "999.00", issueDate: "1999-12-01", dueDate: "2000-01-01" });
  const [model] = await db
    .insert(scoreModels)
    .values({ kind: "rules", graceDays: 5, features: [], trainedOn: 10, trainedTo: "2000-01-01" })
    .returning();
  const score = (number: string, pLate: number) => ({ documentId: docs[number], modelId: model.id, pLate, expectedPaymentDate: "2000-04-01", scoredOn: "2000-01-01" });
  await db.insert(documentScores).values([score("FA-1", 0.2), score("FA-2", 0.7), score("FB-1", 0.7)]);
  tokens.admin = await makeApiKey(db, admin.id);
  tokens.collector = await makeApiKey(db, collector.id);
  tokens.sales = await makeApiKey(db, sales.id);
});
afterAll(() => handle.close());

describe("GET /pieces", () => {
  it("walks a collector's open invoices by due date then id, never another portfolio's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: Page = await read(tokens.collector, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...numbers(body));
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(["FA-1", "FA-2", "FB-1", "FA-3"]);
    expect(pages).toBe(2);
  });

  it("applies the Pièces list's filters", async () => {
    const first = await read(tokens.collector, "?limit=1");
    expect(first.data[0]).toMatchObject({ number: "FA-1", amount: "100.00", open_amount: "100.00", status: "open", client: { code: "M1" }, entity: { code: "DIST" }, p_late: 0.2 });
    expect(numbers(await read(tokens.collector, "?type=all"))).toEqual(["FA-1", "FA-2", "AV-1", "FB-1", "FA-3"]);
    expect(numbers(await read(tokens.collector, "?type=credit_note"))).toEqual(["AV-1"]);
    expect(numbers(await read(tokens.collector, "?status=settled"))).toEqual(["FA-4"]);
    expect(numbers(await read(tokens.collector, "?disputed=true"))).toEqual(["FB-1"]);
    expect(numbers(await read(tokens.collector, "?due=not_due"))).toEqual(["FA-3"]);
    expect(numbers(await read(tokens.collector, "?amount_min=150&amount_max=350"))).toEqual(["FA-2", "FA-3"]);
    expect(numbers(await read(tokens.collector, "?due_from=2000-02-01&due_to=2000-12-31&type=all"))).toEqual(["AV-1", "FB-1"]);
    expect(numbers(await read(tokens.collector, "?issued_to=1999-12-31"))).toEqual(["FA-1", "FA-2"]);
    expect(numbers(await read(tokens.collector, "?q=FB-1"))).toEqual(["FB-1"]);
    expect(numbers(await read(tokens.collector, "?p_late_min=0.5"))).toEqual(["FA-2", "FB-1"]);
    expect(numbers(await read(tokens.collector, "?order=desc"))).toEqual(["FA-3", "FB-1", "FA-2", "FA-1"]);
  });

  it("sorts by probability of paying late with the pièces not scored last, page after page", async () => {
    for (const [order, expected] of [
      ["desc", ["FB-1", "FA-2", "FA-1", "FA-3"]],
      ["asc", ["FA-1", "FA-2", "FB-1", "FA-3"]],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const body: Page = await read(tokens.collector, `?sort=p_late&order=${order}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...numbers(body));
        cursor = body.next_cursor;
      } while (cursor);
      // 0.7 twice: the id breaks the tie in the direction of the sort.
      expect(seen).toEqual(expected);
    }
  });

  it("scopes an administrator to everything and a sales rep to their clients", async () => {
    expect(numbers(await read(tokens.admin, "?limit=10"))).toEqual(["FX-1", "FA-1", "FA-2", "FB-1", "FA-3"]);
    expect(numbers(await read(tokens.sales, "?limit=10"))).toEqual(["FA-1", "FA-2", "FA-3"]);
  });

  it("refuses bad parameters, a cursor of another sort, and a missing key", async () => {
    const bad = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/pieces?type=facture&p_late_min=2&due_from=01/02/2000", { token: tokens.admin }), "GET", "/pieces");
    expect(bad.status).toBe(422);
    expect(bad.errors).toEqual({ type: ["Type de pièce inconnu."], p_late_min: ["Entre 0 et 1."], due_from: ["Date AAAA-MM-JJ attendue."] });
    const byDue = await read(tokens.admin, "?limit=1");
    const foreign = await expectContract<Problem>(await callApi(list, "GET", `/api/v1/pieces?sort=p_late&cursor=${byDue.next_cursor}`, { token: tokens.admin }), "GET", "/pieces");
    expect(foreign.errors).toEqual({ cursor: ["Curseur invalide."] });
    const anonymous = await expectContract<Problem>(await callApi(list, "GET", "/api/v1/pieces", {}), "GET", "/pieces");
    expect(anonymous.status).toBe(401);
  });
});

describe("GET /pieces/{id}", () => {
  it("reads a pièce of the portfolio whatever its status; another portfolio's is not found", async () => {
    const id = String(docs["FA-4"]);
    const settled = await expectContract<Piece>(await callApi(get, "GET", `/api/v1/pieces/${id}`, { token: tokens.collector, params: { id } }), "GET", "/pieces/{id}");
    expect(settled).toMatchObject({ id: docs["FA-4"], number: "FA-4", status: "settled", open_amount: "0.00", p_late: null });
    for (const [token, missing] of [
      [tokens.collector, String(docs["FX-1"])],
      [tokens.sales, String(docs["FB-1"])],
      [tokens.collector, "abc"],
    ]) {
      const answer = await expectContract<Problem>(await callApi(get, "GET", `/api/v1/pieces/${missing}`, { token, params: { id: missing } }), "GET", "/pieces/{id}");
      expect(answer.status).toBe(404);
    }
  });
});
