import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeClient, makeDocument, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { listClients, searchClients } from "./clients";
import { listDocuments } from "./documents";
import { loadScope } from "./scope";

const today = "2026-11-23";
let handle: DatabaseHandle;
let adminId: string;
let collectorId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  const entity = await makeEntity(db, "NORD");
  adminId = (await makeUser(db, "admin")).id;
  collectorId = (await makeUser(db, "collector")).id;
  const names = ["Guérin Frères", "Établissements Lefèvre", "Dupont Matériaux", "Dupond & Fils", "Garage Müller", "Alpha Bâtiment"];
  for (const [i, name] of names.entries()) {
    const client = await makeClient(db, entity.id, {
      code: `CL${100 + i}`, name, siren: `40000000${i}`, collectorId: name.startsWith("Dup") ? collectorId : null,
    });
    await makeDocument(db, client.id, { number: `FA-${100 + i}`, amount: "100.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
  }
});
afterAll(() => handle.close());

async function quick(q: string, userId = adminId) {
  const scope = (await loadScope(handle.db, userId, today))!;
  const { rows, total } = await searchClients(handle.db, scope, q, 10);
  return { names: rows.map((r) => r.name), total };
}

describe("forgiving search", () => {
  it("ignores accents and case", async () => {
    expect((await quick("guerin")).names).toEqual(["Guérin Frères"]);
    expect((await quick("LEFEVRE")).names).toEqual(["Établissements Lefèvre"]);
    expect((await quick("etablissements")).names).toEqual(["Établissements Lefèvre"]);
    expect((await quick("muller")).names).toEqual(["Garage Müller"]);
  });

  it("forgives one typo in a word of four letters or more, closest first", async () => {
    // « dupnt » is as close to Dupont as to Dupond (0.5 each): both come, the list is complete.
    expect((await quick("dupnt")).names.sort()).toEqual(["Dupond & Fils", "Dupont Matériaux"]);
    expect((await quick("dupont")).names).toEqual(["Dupont Matériaux", "Dupond & Fils"]);
    expect((await quick("materiaus")).names).toEqual(["Dupont Matériaux"]);
    expect((await quick("zzzz")).total).toBe(0);
  });

  it("matches short words only as typed, and every word of the search", async () => {
    expect((await quick("du")).names.sort()).toEqual(["Dupond & Fils", "Dupont Matériaux"]);
    expect((await quick("dupont fils")).names).toEqual(["Dupond & Fils"]);
    expect((await quick("guerin materiaux")).names).toEqual([]);
    expect((await quick("50%")).total).toBe(0);
  });

  it("takes codes, SIRENs and numbers as typed, a code that starts with the search first", async () => {
    expect((await quick("CL103")).names).toEqual(["Dupond & Fils"]);
    expect((await quick("cl10")).total).toBe(6);
    expect((await quick("CL1O3")).total).toBe(0);
    expect((await quick("400000004")).names).toEqual(["Garage Müller"]);
  });

  it("stays within the user's scope", async () => {
    expect((await quick("guerin", collectorId)).total).toBe(0);
    expect((await quick("dupont", collectorId)).names).toEqual(["Dupont Matériaux", "Dupond & Fils"]);
  });

  it("applies to the clients and pièces lists", async () => {
    const scope = (await loadScope(handle.db, adminId, today))!;
    const clientsList = await listClients(handle.db, scope, { q: "lefevre" }, { key: "name", order: "asc" }, today, { page: 1, pageSize: 50 });
    expect(clientsList.rows.map((r) => r.name)).toEqual(["Établissements Lefèvre"]);
    const pieces = await listDocuments(handle.db, scope, { q: "guerin" }, today, { page: 1, pageSize: 50 });
    expect(pieces.rows.map((r) => r.number)).toEqual(["FA-100"]);
    const byNumber = await listDocuments(handle.db, scope, { q: "fa-104" }, today, { page: 1, pageSize: 50 });
    expect(byNumber.rows.map((r) => r.number)).toEqual(["FA-104"]);
  });

  it("is answered from the trigram index", async () => {
    // Six clients fit in one page: forbid the sequential scan to see that the index can answer (same connection).
    const plan = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<Record<string, string>>(tx, sql`explain select id from clients where search_text like '%guerin%' or 'dupnt' <% search_text`);
    });
    expect(plan.map((r) => Object.values(r)[0]).join("\n")).toContain("clients_search_text_trgm");
  });
});
