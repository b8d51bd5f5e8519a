/**
 * Real-world documents files that go in as written but must say what looks wrong: a US export round-tripped
 * through a day-first Excel, an invoicing-tool export with title rows, `$` amounts, a repeated line and due dates
 * before issue dates, numbers that lost their leading zeros, and a snapshot that would settle much of the book.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { inspectImportFile } from "./inspect-file";
import { type ImportRequest, runImport } from "./run-import";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-warnings-"));
const request = (file: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  kind: "documents", filePath: path.join(dir, file), fileName: file, mode: "incremental", importDate: "2026-12-03",
  userId: null, acceptRowErrors: false, ...extra,
});
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);
const docs = (prefix: string) =>
  queryRows<{ number: string; issue: string; due: string; amount: string; open: string; status: string }>(
    handle.db,
    sql`select d.number, d.issue_date::text as issue, d.due_date::text as due, d.amount::text as amount,
          d.open_amount::text as open, d.status::text as status
        from documents d join clients c on c.id = d.client_id where c.code like ${`${prefix}%`} order by d.number`,
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  for (const code of ["0379-NEIAO", "8976-AMJEO", "INV-CL1", "INV-CL2"]) await makeClient(handle.db, entity.id, { code });
  const padded = await makeClient(handle.db, entity.id, { code: "PAD-1" });
  await makeDocument(handle.db, padded.id, { number: "0000012345", amount: "100.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
  const book = await makeClient(handle.db, entity.id, { code: "BOOK-1" });
  for (let i = 1; i <= 10; i++) {
    await makeDocument(handle.db, book.id, { number: `B-${i}`, amount: "100.00", issueDate: "2026-10-01", dueDate: "2026-10-31" });
  }
});
afterAll(() => handle.close());

describe("a US export opened in a day-first Excel", () => {
  // The US file said 3/8/2012 due 4/7/2012, 1/26/2013 due 2/25/2013, 11/5/2012 due 12/5/2012. Excel read the first
  // and the last rows day-first and stored 3 August due 4 July, 11 May due 12 May; it could not read 1/26/2013 nor
  // 2/25/2013 (no month 26 or 25) and kept them as text.
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Invoices");
    sheet.addRow(["customerID", "invoiceNumber", "InvoiceDate", "DueDate", "InvoiceAmount", "Disputed"]);
    sheet.addRow(["0379-NEIAO", "611365", new Date(Date.UTC(2012, 7, 3)), new Date(Date.UTC(2012, 6, 4)), 55.94, "No"]);
    sheet.addRow(["8976-AMJEO", "7900770", "1/26/2013", "2/25/2013", 61.74, "Yes"]);
    sheet.addRow(["0379-NEIAO", "9231909", new Date(Date.UTC(2012, 4, 11)), new Date(Date.UTC(2012, 4, 12)), 65.88, "No"]);
    await workbook.xlsx.writeFile(path.join(dir, "us-roundtrip.xlsx"));
  });

  it("says the date cells were probably swapped, with their count, before and after the import", async () => {
    const inspection = await inspectImportFile(handle.db, request("us-roundtrip.xlsx", { acceptRowErrors: true }));
    const swap = inspection.warnings.find((w) => w.code === "excel_dates_swap_suspected");
    // Two date cells per column, each with a day ≤ 12: 3 Aug and 11 May, 4 Jul and 12 May.
    expect(inspection.warnings.filter((w) => w.code === "excel_dates_swap_suspected").map((w) => [w.count, w.rows])).toEqual([
      [2, [2, 4]],
      [2, [2, 4]],
    ]);
    expect(swap?.message).toContain("« InvoiceDate »");
    expect(swap?.message).toContain("1/26/2013");
  });

  it("swaps them back when asked, and the text dates are read month-first", async () => {
    const outcome = await runImport(handle.db, request("us-roundtrip.xlsx", { swapExcelDates: true }));
    expect(outcome.status).toBe("succeeded");
    expect(codes(outcome.warnings)).toContain("excel_dates_swapped");
    expect((await docs("0379")).map((d) => [d.number, d.issue, d.due])).toEqual([
      ["611365", "2012-03-08", "2012-04-07"],
      ["9231909", "2012-11-05", "2012-12-05"],
    ]);
    expect((await docs("8976")).map((d) => [d.number, d.issue, d.due])).toEqual([["7900770", "2013-01-26", "2013-02-25"]]);
  });
});

describe("an invoicing-tool export", () => {
  beforeAll(() => {
    fs.writeFileSync(
      path.join(dir, "factures.csv"),
      [
        "Export des factures",
        "Période : 01/10/2026 - 30/11/2026",
        "Client,N° facture,Date,Échéance,Montant TTC",
        "INV-CL1,F-001,01/10/2026,31/10/2026,$13.50",
        // The same invoice on a second line (one line per article, same totals): one pièce.
        "INV-CL1,F-001,01/10/2026,31/10/2026,$13.50",
        // Due before issued, twice.
        "INV-CL1,F-002,15/10/2026,01/10/2026,\"$1,250.00\"",
        "INV-CL2,F-003,20/11/2026,10/11/2026,$99.90",
        // The same number again with another amount: the last line wins, and it is said.
        "INV-CL2,F-004,05/11/2026,05/12/2026,$40.00",
        "INV-CL2,F-004,05/11/2026,05/12/2026,$45.00",
      ].join("\n") + "\n",
    );
  });

  it("imports the pièces and lists every warning with its lines", async () => {
    const outcome = await runImport(handle.db, request("factures.csv"));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.warnings.map((w) => [w.code, w.count, w.rows])).toEqual([
      ["due_before_issue", 2, [6, 7]],
      ["repeated_lines", 1, [5]],
      // The message names both lines of each duplicated key.
      ["duplicate_keys", 1, undefined],
    ]);
    expect(outcome.warnings[2].message).toContain("F-004 (lignes 8 et 9)");
    // F-001 13,50 once; F-002 1 250,00; F-003 99,90; F-004 45,00 (the last line).
    expect((await docs("INV-")).map((d) => [d.number, d.amount])).toEqual([
      ["F-001", "13.50"],
      ["F-002", "1250.00"],
      ["F-003", "99.90"],
      ["F-004", "45.00"],
    ]);
    const [record] = await queryRows<{ n: number }>(handle.db, sql`select jsonb_array_length(warnings)::int as n from imports where id = ${outcome.importId}`);
    expect(record.n).toBe(3);
  });

  it("is refused in strict mode, changing nothing", async () => {
    const before = await docs("INV-");
    const outcome = await runImport(handle.db, request("factures.csv", { strict: true }));
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toBe("3 avertissements en mode strict : fichier refusé, aucune donnée modifiée.");
    expect(await docs("INV-")).toEqual(before);
  });
});

describe("numbers that lost their leading zeros", () => {
  it("are flagged as probable duplicates of the padded ones already stored, and the other way round", async () => {
    fs.writeFileSync(path.join(dir, "padded.csv"), "Code client;N° facture;Date facture;Montant TTC\nPAD-1;12345;01/10/2026;100,00\n");
    const outcome = await runImport(handle.db, request("padded.csv"));
    expect(outcome.warnings.map((w) => [w.code, w.rows])).toEqual([["padded_number_collision", [2]]]);
    expect(outcome.warnings[0].message).toContain("« 12345 » / « 0000012345 »");
    fs.writeFileSync(path.join(dir, "padded-2.csv"), "Code client;N° facture;Date facture;Montant TTC\nPAD-1;000012345;01/10/2026;100,00\nPAD-1;F-12345;01/10/2026;5,00\n");
    const reverse = await inspectImportFile(handle.db, request("padded-2.csv"));
    // 000012345 matches both stored forms; F-12345 is not a number and is left alone.
    expect(reverse.warnings.map((w) => [w.code, w.count, w.rows])).toEqual([["padded_number_collision", 1, [2]]]);
  });
});

describe("a snapshot that would settle much of the book", () => {
  // BOOK-1 holds ten open invoices of 100,00; the file lists four of them.
  const lines = ["Code client;N° facture;Date facture;Montant TTC", ...[1, 2, 3, 4].map((i) => `BOOK-1;B-${i};01/10/2026;100,00`)];

  it("is shown in the inspection and refused without confirmation", async () => {
    fs.writeFileSync(path.join(dir, "book.csv"), lines.join("\n") + "\n");
    const inspection = await inspectImportFile(handle.db, request("book.csv", { mode: "snapshot" }));
    // The snapshot covers the whole société DIST: 19 open items (PAD-1 2 × 100,00; BOOK-1 10 × 100,00; 0379 55,94 and
    // 65,88; 8976 61,74; INV 13,50 + 1 250,00 + 99,90 + 45,00) = 2 791,96 €. The file keeps B-1 to B-4 (400,00 €):
    // 15 items, 2 391,96 €, 85,7 % of the book, would be settled.
    expect(inspection.snapshot?.needsConfirmation).toBe(true);
    expect(inspection.snapshot?.message?.replace(/\s/g, " ")).toBe(
      "La photographie complète soldera 15 pièce(s) ouverte(s) sur 19 de la société DIST pour 2 391,96 € (85,7 % de son encours). " +
        "C'est plus de 20 % du portefeuille : confirmez que le fichier est complet.",
    );
    const before = await docs("BOOK-");
    const refused = await runImport(handle.db, request("book.csv", { mode: "snapshot" }));
    expect(refused.status).toBe("failed");
    expect(refused.message).toContain("Photographie complète non confirmée");
    expect(await docs("BOOK-")).toEqual(before);
  });

  it("settles what the file no longer lists once confirmed", async () => {
    const impact = (await inspectImportFile(handle.db, request("book.csv", { mode: "snapshot" }))).snapshot?.impacts[0];
    const outcome = await runImport(handle.db, request("book.csv", { mode: "snapshot", confirmSettle: true }));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.counts.settled).toBe(impact?.settleCount);
    expect((await docs("BOOK-")).filter((d) => d.status === "open").map((d) => d.number)).toEqual(["B-1", "B-2", "B-3", "B-4"]);
  });
});

describe("a column named like the société whose values are no société", () => {
  it("is left unmapped, so the rows go to the default société instead of being refused", async () => {
    fs.writeFileSync(path.join(dir, "entite.csv"), "Code client;N° facture;Date facture;Montant TTC;Entité\nINV-CL1;F-100;01/10/2026;10,00;Région Nord\n");
    const outcome = await runImport(handle.db, request("entite.csv"));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.counts.inserted).toBe(1);
    fs.writeFileSync(path.join(dir, "entite-dist.csv"), "Code client;N° facture;Date facture;Montant TTC;Entité\nINV-CL1;F-101;01/10/2026;10,00;DIST\n");
    expect((await runImport(handle.db, request("entite-dist.csv"))).counts.inserted).toBe(1);
  });
});
