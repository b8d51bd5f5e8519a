import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readCsvRows } from "./csv";
import { detectEncoding } from "./encoding";
import { fecLineFromCells, validateFecHeader, type FecLine } from "./fec";
import { fecCustomerItems } from "./fec-items";

const blank: Omit<FecLine, "row"> = {
  JournalCode: "VE", JournalLib: "Journal des ventes", EcritureNum: "", EcritureDate: "20261101", CompteNum: "411000",
  CompteLib: "Clients", CompAuxNum: "", CompAuxLib: "", PieceRef: "", PieceDate: "", EcritureLib: "", Debit: "0,00",
  Credit: "0,00", EcritureLet: "", DateLet: "", ValidDate: "20261130", Montantdevise: "", Idevise: "",
};
const line = (row: number, fields: Partial<FecLine>): FecLine => ({ ...blank, row, ...fields });
const terms = { paymentTermsDays: (code: string) => (code === "C002" ? 45 : 30) };
const dupont = { CompAuxNum: "C001", CompAuxLib: "Dupont SA" };
const durand = { CompAuxNum: "C002", CompAuxLib: "Durand SARL" };
const bank = { JournalCode: "BQ1", JournalLib: "Banque BNP" };

describe("fecCustomerItems", () => {
  const items = fecCustomerItems(
    [
      // Open invoice with its revenue and VAT lines, which are not customer lines.
      line(2, { ...dupont, EcritureNum: "1", PieceRef: "FA1", PieceDate: "20261101", Debit: "1200,00" }),
      line(3, { EcritureNum: "1", CompteNum: "706000", PieceRef: "FA1", Credit: "1000,00" }),
      line(4, { EcritureNum: "1", CompteNum: "445710", PieceRef: "FA1", Credit: "200,00" }),
      // Lettered with DateLet: the invoice and its transfer.
      line(5, { ...dupont, EcritureNum: "2", PieceRef: "FA2", PieceDate: "20261102", EcritureDate: "20261103", Debit: "600,00", EcritureLet: "AA", DateLet: "20261120" }),
      line(6, { ...dupont, ...bank, EcritureNum: "3", PieceRef: "VIR-1", EcritureDate: "20261118", Credit: "600,00", EcritureLet: "AA", DateLet: "20261120" }),
      // Lettered without DateLet: the group's latest entry date decides.
      line(7, { ...durand, EcritureNum: "4", PieceRef: "FA3", EcritureDate: "20261005", Debit: "300,00", EcritureLet: "AB" }),
      line(8, { ...durand, ...bank, EcritureNum: "5", PieceRef: "CHQ-1", EcritureDate: "20261015", Credit: "100,00", EcritureLet: "AB" }),
      line(9, { ...durand, ...bank, EcritureNum: "6", PieceRef: "CHQ-2", EcritureDate: "20261025", Credit: "200,00", EcritureLet: "AB" }),
      // One piece on two lines (two instalments): summed.
      line(10, { ...durand, EcritureNum: "7", PieceRef: "FA4", EcritureDate: "20261110", Debit: "100,50" }),
      line(11, { ...durand, EcritureNum: "7", PieceRef: "FA4", EcritureDate: "20261110", Debit: "200,25" }),
      // Credit note; a piece without PieceRef is named by its journal and EcritureNum.
      line(12, { ...dupont, EcritureNum: "8", PieceRef: "AV1", EcritureDate: "20261112", Credit: "120,00" }),
      line(13, { ...dupont, EcritureNum: "9", EcritureDate: "20261113", Debit: "10,00" }),
      // Partly lettered piece.
      line(14, { ...durand, EcritureNum: "10", PieceRef: "FA5", EcritureDate: "20261114", Debit: "50,00", EcritureLet: "AC", DateLet: "20261120" }),
      line(15, { ...durand, EcritureNum: "10", PieceRef: "FA5", EcritureDate: "20261114", Debit: "70,00" }),
      // Payment booked in a miscellaneous journal, recognised by its label.
      line(16, { ...dupont, JournalCode: "OD", JournalLib: "Opérations diverses", EcritureNum: "11", PieceRef: "R-77", EcritureDate: "20261116", EcritureLib: "Règlement chèque 1234", Credit: "40,00" }),
      // Ignored: 411 without auxiliary account, supplier account.
      line(17, { EcritureNum: "12", PieceRef: "FA9", Debit: "99,00" }),
      line(18, { CompteNum: "401000", CompAuxNum: "F001", CompAuxLib: "Fournisseur", PieceRef: "FF1", Credit: "99,00" }),
      // Rejected: an amount that is not one.
      line(19, { ...dupont, EcritureNum: "13", PieceRef: "FA6", Debit: "12abc" }),
    ],
    terms,
  );

  it("creates clients from CompAuxNum and CompAuxLib, first seen", () => {
    expect(items.clients.map((c) => [c.row, c.code, c.name, c.paymentTermsDays])).toEqual([
      [2, "C001", "Dupont SA", 30],
      [7, "C002", "Durand SARL", 45],
    ]);
    expect(items.linesRead).toBe(18);
    expect(items.customerLines).toBe(14);
  });

  it("turns customer lines into documents with exact amounts, lettering and due dates", () => {
    const summary = items.documents.map((d) => [d.row, d.clientCode, d.type, d.number, d.issueDate, d.dueDate, d.amount, d.openAmount, d.settledDate]);
    expect(summary).toEqual([
      [2, "C001", "invoice", "FA1", "2026-11-01", "2026-12-01", "1200.00", "1200.00", null],
      [5, "C001", "invoice", "FA2", "2026-11-02", "2026-12-02", "600.00", "0.00", "2026-11-20"],
      [6, "C001", "payment", "VIR-1", "2026-11-18", "2026-11-18", "-600.00", "0.00", "2026-11-20"],
      [7, "C002", "invoice", "FA3", "2026-10-05", "2026-11-19", "300.00", "0.00", "2026-10-25"],
      [8, "C002", "payment", "CHQ-1", "2026-10-15", "2026-10-15", "-100.00", "0.00", "2026-10-25"],
      [9, "C002", "payment", "CHQ-2", "2026-10-25", "2026-10-25", "-200.00", "0.00", "2026-10-25"],
      [10, "C002", "invoice", "FA4", "2026-11-10", "2026-12-25", "300.75", "300.75", null],
      [12, "C001", "credit_note", "AV1", "2026-11-12", "2026-11-12", "-120.00", "-120.00", null],
      [13, "C001", "invoice", "VE-9", "2026-11-13", "2026-12-13", "10.00", "10.00", null],
      // Its lettered line is alone in group AC: lettered against nothing in the file, it stays open.
      [14, "C002", "invoice", "FA5", "2026-11-14", "2026-12-29", "120.00", "120.00", null],
      [16, "C001", "payment", "R-77", "2026-11-16", "2026-11-16", "-40.00", "-40.00", null],
    ]);
  });

  it("reports lines it cannot read", () => {
    expect(items.errors).toEqual([{ row: 19, column: "Debit", value: "12abc", reason: "Montant invalide." }]);
  });

  it("keeps an invoice and a payment sharing a piece number apart", () => {
    const shared = fecCustomerItems(
      [
        line(2, { ...dupont, PieceRef: "FA7", Debit: "80,00", EcritureLet: "AD", DateLet: "20261105" }),
        line(3, { ...dupont, ...bank, PieceRef: "FA7", EcritureDate: "20261105", Credit: "80,00", EcritureLet: "AD", DateLet: "20261105" }),
      ],
      terms,
    );
    expect(shared.documents.map((d) => [d.type, d.number, d.amount])).toEqual([
      ["invoice", "FA7", "80.00"],
      ["payment", "FA7", "-80.00"],
    ]);
  });
});

describe("a FEC file end to end", () => {
  it("reads a pipe-separated Windows-1252 FEC into customer items", async () => {
    const text = [
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise",
      "VE|Ventes|1|20261101|411000|Clients|C001|Société Générale|FA1|20261101|Facture FA1|1234,56|0,00|||20261130||",
      "VE|Ventes|1|20261101|706000|Ventes||||FA1|20261101|Facture FA1|0,00|1028,80|||20261130||",
      "VE|Ventes|1|20261101|445710|TVA||||FA1|20261101|Facture FA1|0,00|205,76|||20261130||",
    ].join("\r\n");
    const bytes = iconv.encode(text, "win1252");
    const rows: string[][] = [];
    for await (const row of readCsvRows(bytes, { encoding: detectEncoding(bytes), separator: "|", quote: false })) rows.push(row);
    const header = validateFecHeader(rows[0]);
    if (!header.ok) throw new Error(header.reason);
    const lines = rows.slice(1).map((cells, i) => fecLineFromCells(cells, header.columns, i + 2));
    const items = fecCustomerItems(lines, terms);
    expect(items.clients.map((c) => c.name)).toEqual(["Société Générale"]);
    expect(items.documents).toEqual([
      {
        row: 2, entityCode: null, clientCode: "C001", type: "invoice", number: "FA1", reference: null,
        issueDate: "2026-11-01", dueDate: "2026-12-01", amount: "1234.56", openAmount: "1234.56", currency: null,
        settledDate: null,
      },
    ]);
  });
});
