/**
 * The note an import adds when the book is left with open items only: the DSO's monthly sales then miss every
 * paid invoice. Import date 23/11/2026: the DSO's 24 months run from 01/12/2024 to 23/11/2026.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type ImportRequest, runImport } from "./run-import";

const NOTE =
  " Seules des pièces ouvertes sont connues : pour un DSO juste, importez aussi les factures réglées des 24 derniers mois.";
const HEADER = "Code client;N° facture;Type;Date facture;Échéance;Montant TTC;Reste dû;Devise";
const OPEN_INVOICES = [
  "A1;F1;Facture;10/10/2026;09/11/2026;1 000,00;1 000,00;EUR",
  "B1;F2;Facture;20/10/2026;19/11/2026;2 000,00;2 000,00;EUR",
];

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-sales-history-"));

async function importFile(kind: ImportRequest["kind"], name: string, text: string, extra: Partial<ImportRequest> = {}) {
  fs.writeFileSync(path.join(dir, name), iconv.encode(text, "windows-1252"));
  const outcome = await runImport(handle.db, {
    kind, filePath: path.join(dir, name), fileName: name, mode: "incremental", importDate: "2026-11-23", userId: null,
    acceptRowErrors: false, ...extra,
  });
  expect(outcome.status, outcome.message).toBe("succeeded");
  // The history shows the message the import returned, whole.
  const [record] = await queryRows<{ message: string }>(handle.db, sql`select message from imports where id = ${outcome.importId}`);
  expect(record.message).toBe(outcome.message);
  return outcome;
}

const importDocuments = (name: string, lines: string[], extra: Partial<ImportRequest> = {}) =>
  importFile("documents", name, [HEADER, ...lines].join("\r\n") + "\r\n", extra);

const settledNumbers = async () =>
  (await queryRows<{ number: string }>(handle.db, sql`select number from documents where status = 'settled' order by number`)).map((r) => r.number);

beforeEach(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  await makeClient(handle.db, entity.id, { code: "A1" });
  await makeClient(handle.db, entity.id, { code: "B1" });
});
afterEach(() => handle.close());

describe("a documents import that leaves only open items", () => {
  it("says that the DSO needs the paid invoices too", async () => {
    const outcome = await importDocuments("ouvertes.csv", OPEN_INVOICES);
    expect(outcome.message).toBe(`Import terminé : 2 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).${NOTE}`);
  });

  it("says it too when the settled pièces are none the DSO counts", async () => {
    const outcome = await importDocuments("hors-dso.csv", [
      ...OPEN_INVOICES,
      "A1;F0;Facture;30/11/2024;30/12/2024;700,00;0,00;EUR", // the day before the first month
      "A1;F3;Facture;01/10/2026;31/10/2026;300,00;0,00;USD", // another currency
      "A1;AV1;Avoir;05/11/2026;05/11/2026;-250,00;0,00;EUR", // a credit note, not an invoice
      "A1;F9;Facture;24/11/2026;24/12/2026;900,00;0,00;EUR", // issued the day after the import date
    ]);
    expect(await settledNumbers()).toEqual(["AV1", "F0", "F3", "F9"]);
    expect(outcome.message).toBe(`Import terminé : 6 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).${NOTE}`);
  });
});

describe("a documents import that leaves a settled invoice of the DSO's months", () => {
  it.each([
    ["on the first day of the first month", "01/12/2024"],
    ["on the import date", "23/11/2026"],
  ])("adds no note when the file holds one issued %s", async (_, issued) => {
    const outcome = await importDocuments("avec-reglee.csv", [...OPEN_INVOICES, `A1;F0;Facture;${issued};31/12/2026;700,00;0,00;EUR`]);
    expect(await settledNumbers()).toEqual(["F0"]);
    expect(outcome.message).toBe("Import terminé : 3 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).");
  });

  it("adds no note once a complete snapshot settles an invoice the file no longer lists", async () => {
    expect((await importDocuments("jour-1.csv", OPEN_INVOICES)).message).toContain(NOTE);
    // F1 gone from the snapshot: settled on the import date, 1 000 of the 3 000 open, hence the confirmation.
    const outcome = await importDocuments("jour-2.csv", OPEN_INVOICES.slice(1), { mode: "snapshot", confirmSettle: true });
    expect(await settledNumbers()).toEqual(["F1"]);
    expect(outcome.message).toBe("Import terminé : 0 créé(s), 0 mis à jour, 1 soldé(s), 0 rejeté(s).");
  });
});

describe("a clients import", () => {
  it("adds no note, even when the book holds open items only", async () => {
    expect((await importDocuments("ouvertes.csv", OPEN_INVOICES)).message).toContain(NOTE);
    const outcome = await importFile("clients", "clients.csv", "Code client;Raison sociale\r\nC1;Menuiserie Dupont SARL\r\n");
    expect(outcome.message).toBe("Import terminé : 1 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).");
  });
});

describe("a FEC import", () => {
  const header =
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\t" +
    "EcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
  /** One customer line and its counterpart, so the file balances. */
  const entry = (journal: string, num: string, date: string, ref: string, debit: string, credit: string, letter = "", dateLet = "") => {
    const common = [journal, journal === "VE" ? "Ventes" : "Banque", num, date];
    const tail = [ref, date, ref];
    return [
      [...common, "411000", "Clients", "C100", "Menuiserie Alpha", ...tail, debit, credit, letter, dateLet, "20261123", "", ""].join("\t"),
      [...common, journal === "VE" ? "706000" : "512000", "Contrepartie", "", "", ...tail, credit, debit, "", "", "20261123", "", ""].join("\t"),
    ];
  };
  const fec = (...entries: string[][]) => [header, ...entries.flat()].join("\r\n") + "\r\n";
  const request = { mode: "snapshot", fecDefaultTermsDays: 30 } as const;
  const openInvoice = entry("VE", "2", "20261015", "FA-102", "800,00", "0,00");

  it("says it when no payment is lettered against an invoice", async () => {
    const outcome = await importFile("fec", "404833048FEC20261123.txt", fec(entry("VE", "1", "20261001", "FA-101", "1200,00", "0,00"), openInvoice), request);
    // The client C100 and its two invoices.
    expect(outcome.message).toBe(`Import terminé : 3 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).${NOTE}`);
  });

  it("adds no note when a lettered payment settles an invoice", async () => {
    const outcome = await importFile(
      "fec",
      "404833048FEC20261123.txt",
      fec(
        entry("VE", "1", "20261001", "FA-101", "1200,00", "0,00", "AA", "20261020"),
        entry("BQ", "3", "20261020", "VIR-1020", "0,00", "1200,00", "AA", "20261020"),
        openInvoice,
      ),
      request,
    );
    // The group AA balances: the invoice and the payment are both settled.
    expect(await settledNumbers()).toEqual(["FA-101", "VIR-1020"]);
    expect(outcome.message).toBe("Import terminé : 4 créé(s), 0 mis à jour, 0 soldé(s), 0 rejeté(s).");
  });
});
