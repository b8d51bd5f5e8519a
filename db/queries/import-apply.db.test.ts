import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { clients, documents, imports } from "@/db/schema";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { listClientCustomFields } from "./clients";
import { applyClients, type StagedClient } from "./import-apply";
import { applyDocuments, type StagedDocument } from "./import-documents";

let handle: DatabaseHandle;
let entityId: string;

const client = (row: number, code: string, name: string, extra: Partial<StagedClient> = {}): StagedClient => ({
  row, entityCode: null, code, name, siren: null, siret: null, vatNumber: null, address: null, postalCode: null,
  city: null, country: null, phone: null, email: null, paymentTermsDays: null, creditLimit: null,
  collectorEmail: null, salesRepEmail: null, customFields: {}, ...extra,
});
const doc = (row: number, clientCode: string, number: string, amount: string, extra: Partial<StagedDocument> = {}): StagedDocument => ({
  row, entityCode: null, clientCode, type: "invoice", number, reference: null, issueDate: "2026-10-01",
  dueDate: "2026-10-31", amount, openAmount: null, currency: null, settledDate: null, ...extra,
});

async function newImport() {
  const [row] = await handle.db
    .insert(imports)
    .values({ kind: "documents", fileName: "pieces.csv", fileHash: "h", status: "running" })
    .returning({ id: imports.id });
  return row.id;
}

async function applyDocs(rows: StagedDocument[], mode: "snapshot" | "incremental", importDate = "2026-11-23") {
  const importId = await newImport();
  return handle.db.transaction((tx) => applyDocuments(tx, rows, { importId, importDate, mode, defaultEntityId: entityId }));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  entityId = (await makeEntity(handle.db, "DIST")).id;
});
afterAll(() => handle.close());

describe("import of clients", () => {
  it("creates, then updates only what changed, and reports unknown entities", async () => {
    const first = await handle.db.transaction((tx) =>
      applyClients(tx, [client(2, "C001", "Alpha SAS"), client(3, "C002", "Bêta SARL", { entityCode: "NOPE" })], entityId),
    );
    expect(first.counts).toEqual({ inserted: 1, updated: 0, settled: 0 });
    expect(first.rejected).toEqual([{ row: 3, column: "Société", value: "NOPE", reason: expect.stringContaining("inconnue") }]);

    const again = await handle.db.transaction((tx) => applyClients(tx, [client(2, "C001", "Alpha SAS")], entityId));
    expect(again.counts).toEqual({ inserted: 0, updated: 0, settled: 0 });

    const renamed = await handle.db.transaction((tx) => applyClients(tx, [client(2, "C001", "Alpha Groupe SAS")], entityId));
    expect(renamed.counts).toEqual({ inserted: 0, updated: 1, settled: 0 });
  });
});

describe("custom fields of clients", () => {
  const apply = (rows: StagedClient[]) => handle.db.transaction((tx) => applyClients(tx, rows, entityId));
  const stored = async (code: string) => {
    const [row] = await handle.db.select({ customFields: clients.customFields }).from(clients).where(eq(clients.code, code));
    return row.customFields;
  };

  it("stores the file's custom fields on new clients, and an empty object when there are none", async () => {
    const result = await apply([
      client(2, "K001", "Kappa SAS", { customFields: { Secteur: "BTP", Agence: "Lyon" } }),
      client(3, "K002", "Lambda SARL"),
    ]);
    expect(result.counts).toEqual({ inserted: 2, updated: 0, settled: 0 });
    expect(await stored("K001")).toEqual({ Secteur: "BTP", Agence: "Lyon" });
    expect(await stored("K002")).toEqual({});
  });

  it("merges on update: new values win, fields the file does not carry are kept", async () => {
    const result = await apply([
      client(2, "K001", "Kappa SAS", { customFields: { Agence: "Lille", Segment: "PME" } }),
      client(3, "K002", "Lambda SARL"),
    ]);
    expect(result.counts).toEqual({ inserted: 0, updated: 1, settled: 0 });
    expect(await stored("K001")).toEqual({ Secteur: "BTP", Agence: "Lille", Segment: "PME" });
    expect(await stored("K002")).toEqual({});
  });

  it("offers every custom field name ever imported to the clients list's columns chooser", async () => {
    expect(await listClientCustomFields(handle.db)).toEqual(["Agence", "Secteur", "Segment"]);
  });

  it("counts nothing as updated when the custom fields are those already stored", async () => {
    const result = await apply([client(2, "K001", "Kappa SAS", { customFields: { Segment: "PME", Secteur: "BTP" } })]);
    expect(result.counts).toEqual({ inserted: 0, updated: 0, settled: 0 });
  });
});

describe("import of documents", () => {
  it("upserts by client, type and number and reports unknown clients", async () => {
    await makeClient(handle.db, entityId, { code: "C100", paymentTermsDays: 45 });
    const result = await applyDocs(
      [doc(2, "C100", "F1", "1200.50"), doc(3, "C100", "F2", "80.00", { dueDate: null }), doc(4, "C999", "F3", "10.00")],
      "incremental",
    );
    expect(result.counts).toEqual({ inserted: 2, updated: 0, settled: 0 });
    expect(result.rejected).toEqual([{ row: 4, column: "Code client", value: "C999", reason: expect.stringContaining("Client inconnu") }]);
    const [f2] = await handle.db.select().from(documents).where(eq(documents.number, "F2"));
    expect(f2.dueDate).toBe("2026-11-15"); // issue date + the client's 45 days
  });

  it("changes nothing when the same file comes again", async () => {
    const result = await applyDocs([doc(2, "C100", "F1", "1200.50"), doc(3, "C100", "F2", "80.00", { dueDate: null })], "incremental");
    expect(result.counts).toEqual({ inserted: 0, updated: 0, settled: 0 });
  });

  it("settles directly from a settlement date, keeping that date", async () => {
    const result = await applyDocs([doc(2, "C100", "F1", "1200.50", { settledDate: "2026-11-20" })], "incremental");
    expect(result.counts).toEqual({ inserted: 0, updated: 1, settled: 0 });
    const [f1] = await handle.db.select().from(documents).where(eq(documents.number, "F1"));
    expect({ status: f1.status, open: f1.openAmount, settled: f1.settledDate }).toEqual({ status: "settled", open: "0.00", settled: "2026-11-20" });
  });

  it("in snapshot mode settles, on the import date, the open items the file no longer lists", async () => {
    const result = await applyDocs([doc(2, "C100", "F4", "300.00")], "snapshot", "2026-11-24");
    expect(result.counts).toEqual({ inserted: 1, updated: 0, settled: 1 });
    const rows = await handle.db
      .select({ number: documents.number, status: documents.status, settledDate: documents.settledDate })
      .from(documents)
      .orderBy(asc(documents.number));
    expect(rows).toEqual([
      { number: "F1", status: "settled", settledDate: "2026-11-20" },
      { number: "F2", status: "settled", settledDate: "2026-11-24" },
      { number: "F4", status: "open", settledDate: null },
    ]);
  });

  it("leaves the database as it was when the transaction fails midway", async () => {
    const before = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from documents`);
    const importId = await newImport();
    await expect(
      handle.db.transaction(async (tx) => {
        await applyDocuments(tx, [doc(2, "C100", "F9", "1.00")], { importId, importDate: "2026-11-24", mode: "snapshot", defaultEntityId: entityId });
        throw new Error("connexion perdue");
      }),
    ).rejects.toThrow("connexion perdue");
    const after = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from documents`);
    expect(after).toEqual(before);
    const [f4] = await handle.db.select().from(documents).where(eq(documents.number, "F4"));
    expect(f4.status).toBe("open");
  });
});

describe("a documents row whose société is unknown", () => {
  it("is rejected and never written to the default société, even when the client code exists there", async () => {
    const owner = await makeClient(handle.db, entityId, { code: "SOC-1" });
    const applied = await applyDocs([doc(2, "SOC-1", "F-SOC", "10.00", { entityCode: "NOPE" })], "incremental");
    expect(applied.rejected).toEqual([{ row: 2, column: "Société", value: "NOPE", reason: expect.stringContaining("inconnue") }]);
    expect(applied.counts.inserted).toBe(0);
    expect(await handle.db.select().from(documents).where(eq(documents.clientId, owner.id))).toEqual([]);
  });
});
