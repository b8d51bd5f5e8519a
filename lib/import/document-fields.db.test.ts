/**
 * The fields real documents exports carry beyond amounts and dates: a dispute flag and its reason, the amount paid,
 * a status that leaves drafts and voided invoices out and settles paid ones, and the currency the amounts are in.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { closeDisputes } from "@/db/queries/disputes";
import { loadScope } from "@/db/queries/scope";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type ImportRequest, runImport } from "./run-import";

let handle: DatabaseHandle;
let adminId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-fields-"));
const OPEN_ITEMS_NOTE =
  " Seules des pièces ouvertes sont connues : pour un DSO juste, importez aussi les factures réglées des 24 derniers mois.";
const request = (file: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  kind: "documents", filePath: path.join(dir, file), fileName: file, mode: "incremental", importDate: "2026-12-03",
  userId: adminId, acceptRowErrors: false, ...extra,
});
type Doc = { id: number; number: string; amount: string; open: string; status: string; settled: string | null; currency: string; disputed: boolean };
const docs = (prefix: string) =>
  queryRows<Doc>(
    handle.db,
    sql`select d.id::int as id, d.number, d.amount::text as amount, d.open_amount::text as open, d.status::text as status,
          d.settled_date::text as settled, d.currency, d.disputed
        from documents d join clients c on c.id = d.client_id where c.code like ${`${prefix}%`} order by d.number`,
  );
const withoutId = (d: Doc): Omit<Doc, "id"> => ({
  number: d.number, amount: d.amount, open: d.open, status: d.status, settled: d.settled, currency: d.currency, disputed: d.disputed,
});
const disputesOf = (prefix: string) =>
  queryRows<{ number: string; reason: string; status: string; opened_by: string | null }>(
    handle.db,
    sql`select d.number, x.reason, x.status::text as status, x.opened_by_id::text as opened_by
        from disputes x join dispute_documents dd on dd.dispute_id = x.id join documents d on d.id = dd.document_id join clients c on c.id = d.client_id
        where c.code like ${`${prefix}%`} order by d.number, x.opened_at`,
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  adminId = (await makeUser(handle.db, "admin")).id;
  for (const code of ["US-1", "US-2", "FR-1", "FR-2", "CUR-1"]) await makeClient(handle.db, entity.id, { code });
});
afterAll(() => handle.close());

describe("a camelCase US export with $ amounts, a Paid column, a Status column and a Yes/No Disputed column", () => {
  beforeAll(() => {
    fs.writeFileSync(
      path.join(dir, "us-export.csv"),
      [
        "customerID,invoiceNumber,invoiceDate,dueDate,invoiceAmount,Paid,Status,Disputed",
        'US-1,1001,10/5/2026,11/4/2026,"$1,250.00",$250.00,Partially Paid,No',
        "US-1,1002,10/20/2026,11/19/2026,$300.00,$0.00,Overdue,Yes",
        "US-1,1003,9/1/2026,10/1/2026,$99.90,$99.90,Paid,No",
        "US-2,1004,11/2/2026,12/2/2026,$80.00,,Draft,No",
        "US-2,1005,8/15/2026,9/14/2026,$45.00,,Void,Yes",
        "US-2,1006,11/25/2026,12/25/2026,$500.00,$120.00,Open,Yes",
        "US-2,1007,11/10/2026,12/10/2026,$60.00,,Draft,",
      ].join("\n") + "\n",
    );
  });

  it("imports open amounts net of payments in dollars, settles paid invoices, leaves drafts and voids out and opens disputes", async () => {
    const outcome = await runImport(handle.db, request("us-export.csv"));
    expect(outcome.status).toBe("succeeded");
    // 7 lines: 1004 and 1007 are drafts, 1005 is void; the other 4 are imported.
    expect(outcome.counts).toEqual({ read: 7, inserted: 4, updated: 0, settled: 0, rejected: 0 });
    // 1003 is the only settled invoice and it is in dollars: the book has no paid sale the DSO counts.
    expect(outcome.message).toBe(`Import terminé : 4 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s). 2 litiges ouverts.${OPEN_ITEMS_NOTE}`);
    expect(outcome.warnings).toEqual([
      {
        code: "excluded_status", count: 3, rows: [5, 6, 8],
        message: "2 brouillons et 1 facture annulée ignorés d'après la colonne Statut : ces lignes ne sont pas importées.",
      },
    ]);
    // 1001: 1 250,00 − 250,00 = 1 000,00; 1002: 300,00 − 0; 1003 Paid: settled on the import date; 1006: 500 − 120 = 380.
    expect((await docs("US-")).map(withoutId)).toEqual([
      { number: "1001", amount: "1250.00", open: "1000.00", status: "open", settled: null, currency: "USD", disputed: false },
      { number: "1002", amount: "300.00", open: "300.00", status: "open", settled: null, currency: "USD", disputed: true },
      { number: "1003", amount: "99.90", open: "0.00", status: "settled", settled: "2026-12-03", currency: "USD", disputed: false },
      { number: "1006", amount: "500.00", open: "380.00", status: "open", settled: null, currency: "USD", disputed: true },
    ]);
    expect(await disputesOf("US-")).toEqual([
      { number: "1002", reason: "Litige signalé dans le fichier importé", status: "open", opened_by: adminId },
      { number: "1006", reason: "Litige signalé dans le fichier importé", status: "open", opened_by: adminId },
    ]);
  });

  it("changes nothing when imported again: no second dispute", async () => {
    const before = await docs("US-");
    const outcome = await runImport(handle.db, request("us-export.csv"));
    expect(outcome.counts).toEqual({ read: 7, inserted: 0, updated: 0, settled: 0, rejected: 0 });
    expect(outcome.message).toBe(`Import terminé : 0 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).${OPEN_ITEMS_NOTE}`);
    expect(await docs("US-")).toEqual(before);
    expect((await disputesOf("US-")).length).toBe(2);
  });

  it("does not reopen a dispute closed in the app when the next file still flags it", async () => {
    const scope = (await loadScope(handle.db, adminId, "2026-12-03"))!;
    const d1002 = (await docs("US-1")).find((d) => d.number === "1002")!;
    expect(await closeDisputes(handle.db, scope, [d1002.id])).toBe(1);
    await runImport(handle.db, request("us-export.csv"));
    expect((await disputesOf("US-1")).map((d) => [d.number, d.status])).toEqual([["1002", "closed"]]);
    expect((await docs("US-1")).find((d) => d.number === "1002")?.disputed).toBe(false);
  });
});

describe("an invoicing-tool xlsx with « Statut », « Litige » and « Motif du litige »", () => {
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Factures");
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    sheet.addRow(["Export des factures — Facturation Pro"]);
    sheet.addRow(["Période : 01/10/2026 - 30/11/2026"]);
    sheet.addRow(["N° facture", "Client", "Date", "Échéance", "Montant TTC", "Reste dû", "Statut", "Litige", "Motif du litige", "Devise"]);
    sheet.addRow(["FA-101", "FR-1", day("2026-10-01"), day("2026-10-31"), 1200, 1200, "Émise", "Oui", "Livraison incomplète", "EUR"]);
    sheet.addRow(["FA-102", "FR-1", day("2026-11-05"), day("2026-12-05"), 350, 350, "Brouillon", "Non", "", "EUR"]);
    sheet.addRow(["FA-103", "FR-1", day("2026-10-12"), day("2026-11-11"), 90, 90, "Annulée", "Oui", "", "EUR"]);
    sheet.addRow(["FA-104", "FR-2", day("2026-10-15"), day("2026-11-14"), 480, 120, "Payée", "Non", "", "EUR"]);
    sheet.addRow(["FA-105", "FR-2", day("2026-11-20"), null, 75, 75, "Brouillon", "", "", "EUR"]);
    sheet.addRow(["FA-106", "FR-2", day("2026-10-20"), day("2026-11-19"), 1000, 400, "Partiellement payée", "X", "", "EUR"]);
    sheet.addRow(["FA-107", "FR-2", day("2026-11-02"), day("2026-12-02"), "£250.00", "£250.00", "En retard", "Non", "", "GBP"]);
    await workbook.xlsx.writeFile(path.join(dir, "factures-outil.xlsx"));
  });

  it("imports what is owed, in its currency, with the file's dispute reasons", async () => {
    const outcome = await runImport(handle.db, request("factures-outil.xlsx"));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.message).toBe("Import terminé : 4 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s). 2 litiges ouverts.");
    // FA-102 and FA-105 are drafts (lines 5 and 8), FA-103 is void (line 6); FA-104 is paid but shows 120,00 left.
    expect(outcome.warnings.map((w) => [w.code, w.count, w.rows])).toEqual([
      ["excluded_status", 3, [5, 6, 8]],
      ["paid_status_with_balance", 1, [7]],
    ]);
    expect(outcome.warnings[0].message).toMatch(/^2 brouillons et 1 facture annulée ignorés/);
    expect((await docs("FR-")).map(withoutId)).toEqual([
      { number: "FA-101", amount: "1200.00", open: "1200.00", status: "open", settled: null, currency: "EUR", disputed: true },
      { number: "FA-104", amount: "480.00", open: "0.00", status: "settled", settled: "2026-12-03", currency: "EUR", disputed: false },
      { number: "FA-106", amount: "1000.00", open: "400.00", status: "open", settled: null, currency: "EUR", disputed: true },
      { number: "FA-107", amount: "250.00", open: "250.00", status: "open", settled: null, currency: "GBP", disputed: false },
    ]);
    expect((await disputesOf("FR-")).map((d) => [d.number, d.reason])).toEqual([
      ["FA-101", "Livraison incomplète"],
      ["FA-106", "Litige signalé dans le fichier importé"],
    ]);
    const again = await runImport(handle.db, request("factures-outil.xlsx"));
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, settled: 0 });
    expect((await disputesOf("FR-")).length).toBe(2);
  });
});

describe("currencies", () => {
  it("reads $ as USD, £ as GBP and € as EUR when no column says otherwise", async () => {
    fs.writeFileSync(
      path.join(dir, "signes.csv"),
      ["Client,N° facture,Date,Montant TTC", "CUR-1,C-1,01/10/2026,$13.50", "CUR-1,C-2,01/10/2026,£9.99",
        'CUR-1,C-3,01/10/2026,"12,00 €"', 'CUR-1,C-4,01/10/2026,"1 000,00"'].join("\n") + "\n",
    );
    expect((await runImport(handle.db, request("signes.csv"))).status).toBe("succeeded");
    expect((await docs("CUR-")).map((d) => [d.number, d.amount, d.currency])).toEqual([
      ["C-1", "13.50", "USD"],
      ["C-2", "9.99", "GBP"],
      ["C-3", "12.00", "EUR"],
      ["C-4", "1000.00", "EUR"],
    ]);
  });

  it("lets the currency column win, and refuses an amount whose sign contradicts it", async () => {
    fs.writeFileSync(
      path.join(dir, "devises.csv"),
      ["Client;N° facture;Date;Montant TTC;Devise", "CUR-1;C-5;01/10/2026;$20.00;CAD", "CUR-1;C-6;01/10/2026;$20.00;EUR",
        "CUR-1;C-7;01/10/2026;20,00;GBP"].join("\n") + "\n",
    );
    const refused = await runImport(handle.db, request("devises.csv"));
    expect(refused.status).toBe("failed");
    expect(refused.errors).toEqual([
      { row: 3, column: "Devise", value: "EUR", reason: "Devise contradictoire : le montant est écrit en « $ », la colonne Devise indique EUR." },
    ]);
    await runImport(handle.db, request("devises.csv", { acceptRowErrors: true }));
    expect((await docs("CUR-")).filter((d) => d.number >= "C-5").map((d) => [d.number, d.currency])).toEqual([
      ["C-5", "CAD"],
      ["C-7", "GBP"],
    ]);
  });
});
