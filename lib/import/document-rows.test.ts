import { describe, expect, it } from "vitest";
import { amountCurrencySign } from "./amount";
import { createDocumentNotes } from "./document-notes";
import { createDocumentRowParser } from "./document-rows";
import { parseDocumentStatus } from "./document-status";
import { parseFlag } from "./values";

const mdy = { dateOrder: "mdy" as const };
const dmy = { dateOrder: "dmy" as const };

describe("parseFlag", () => {
  it("reads yes and no as exports write them, empty as not said", () => {
    for (const yes of ["Yes", "oui", "Y", "O", "1", 1, "X", "x", "Vrai", "TRUE", true]) expect(parseFlag(yes)).toEqual({ ok: true, value: true });
    for (const no of ["No", "Non", "n", "0", 0, "Faux", "false", false]) expect(parseFlag(no)).toEqual({ ok: true, value: false });
    expect(parseFlag("")).toEqual({ ok: true, value: null });
    expect(parseFlag("  ")).toEqual({ ok: true, value: null });
    expect(parseFlag("Peut-être")).toMatchObject({ ok: false, reason: expect.stringContaining("Oui ou Non attendu") });
  });
});

describe("parseDocumentStatus", () => {
  it("reads French and English statuses, accents and case aside", () => {
    const read = (raw: string) => parseDocumentStatus(raw);
    expect(["Brouillon", "Draft", "Proforma", "Pro-forma"].map((s) => read(s))).toEqual(Array(4).fill({ ok: true, value: "draft" }));
    expect(["Annulée", "ANNULEE", "Void", "Cancelled"].map((s) => read(s))).toEqual(Array(4).fill({ ok: true, value: "void" }));
    expect(["Payée", "Réglée", "Soldée", "Paid"].map((s) => read(s))).toEqual(Array(4).fill({ ok: true, value: "paid" }));
    expect(["Ouverte", "Open", "Unpaid", "Partially paid", "Overdue", "En retard"].map((s) => read(s))).toEqual(
      Array(6).fill({ ok: true, value: "open" }),
    );
    expect(read("")).toEqual({ ok: true, value: null });
  });

  it("refuses an unknown status, listing the accepted ones", () => {
    const result = parseDocumentStatus("Litigieuse");
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain("Statut non reconnu. Valeurs acceptées : Brouillon, Proforma, Annulée, Payée");
  });
});

describe("amountCurrencySign", () => {
  it("finds the sign an amount is written with", () => {
    expect(["$13.50", "(£9.99)", "1 234,56 €", "12,00 EUR", "13.50", 13.5].map(amountCurrencySign)).toEqual(["$", "£", "€", "€", null, null]);
  });
});

describe("createDocumentRowParser: currency", () => {
  const parse = createDocumentRowParser({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount" }, mdy);
  const withColumn = createDocumentRowParser({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount", 4: "currency" }, mdy);

  it("takes the currency of the amount's sign when no column says it", () => {
    expect(parse(["C1", "1", "1/26/2026", "$13.50"], 2)).toMatchObject({ ok: true, value: { amount: "13.50", currency: "USD" } });
    expect(parse(["C1", "2", "1/26/2026", "£9.99"], 3)).toMatchObject({ ok: true, value: { amount: "9.99", currency: "GBP" } });
    expect(parse(["C1", "3", "1/26/2026", "5,00 €"], 4)).toMatchObject({ ok: true, value: { amount: "5.00", currency: "EUR" } });
    expect(parse(["C1", "4", "1/26/2026", "5.00"], 5)).toMatchObject({ ok: true, value: { currency: null } });
  });

  it("lets the currency column win, a bare $ fitting any dollar", () => {
    expect(withColumn(["C1", "1", "1/26/2026", "$20.00", "CAD"], 2)).toMatchObject({ ok: true, value: { currency: "CAD" } });
    expect(withColumn(["C1", "2", "1/26/2026", "20.00", "GBP"], 3)).toMatchObject({ ok: true, value: { currency: "GBP" } });
    expect(withColumn(["C1", "3", "1/26/2026", "$20.00", ""], 4)).toMatchObject({ ok: true, value: { currency: "USD" } });
  });

  it("refuses a sign that contradicts the column", () => {
    expect(withColumn(["C1", "1", "1/26/2026", "$20.00", "EUR"], 7)).toEqual({
      ok: false,
      errors: [{ row: 7, column: "Devise", value: "EUR", reason: "Devise contradictoire : le montant est écrit en « $ », la colonne Devise indique EUR." }],
    });
    expect(withColumn(["C1", "1", "1/26/2026", "£20.00", "USD"], 8)).toMatchObject({ ok: false });
  });
});

describe("createDocumentRowParser: paid and open amounts", () => {
  const mapping = { 0: "clientCode", 1: "type", 2: "number", 3: "issueDate", 4: "amount", 5: "openAmount", 6: "paidAmount" };

  it("computes open = amount − paid, signed like the amount, and keeps the open amount when both are given", () => {
    const notes = createDocumentNotes();
    const parse = createDocumentRowParser(mapping, dmy, notes);
    // 1 250,00 − 250,00 = 1 000,00.
    expect(parse(["C1", "Facture", "F1", "01/10/2026", "1 250,00", "", "250,00"], 2)).toMatchObject({ value: { openAmount: "1000.00" } });
    // A credit note of 100,00 of which 40,00 used: −100,00 − (−40,00) = −60,00.
    expect(parse(["C1", "Avoir", "A1", "01/10/2026", "100,00", "", "40,00"], 3)).toMatchObject({ value: { amount: "-100.00", openAmount: "-60.00" } });
    // Both given and agreeing: 300 − 100 = 200.
    expect(parse(["C1", "Facture", "F2", "01/10/2026", "300,00", "200,00", "100,00"], 4)).toMatchObject({ value: { openAmount: "200.00" } });
    // Both given and not: 300 − 50 = 250 ≠ 200, the open amount wins.
    expect(parse(["C1", "Facture", "F3", "01/10/2026", "300,00", "200,00", "50,00"], 5)).toMatchObject({ value: { openAmount: "200.00" } });
    // No paid amount: the open amount defaults to the amount later, in the database.
    expect(parse(["C1", "Facture", "F4", "01/10/2026", "300,00", "", ""], 6)).toMatchObject({ value: { openAmount: null } });
    expect(notes.finish()).toEqual([
      {
        code: "open_paid_mismatch", count: 1, rows: [5],
        message: "1 pièce a un reste dû différent du montant moins le montant payé : le reste dû du fichier est retenu.",
      },
    ]);
  });
});

describe("createDocumentRowParser: status and dispute", () => {
  const mapping = { 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount", 4: "paidAmount", 5: "status", 6: "disputed", 7: "disputeReason" };

  it("leaves drafts and voided invoices out whatever they hold, and counts them", () => {
    const notes = createDocumentNotes();
    const parse = createDocumentRowParser(mapping, mdy, notes);
    expect(parse(["C1", "1", "", "", "", "Draft", "", ""], 2)).toEqual({ ok: true, value: null });
    expect(parse(["C1", "2", "1/2/2026", "$5.00", "", "Void", "Yes", ""], 3)).toEqual({ ok: true, value: null });
    expect(parse(["C1", "3", "1/2/2026", "$5.00", "", "Brouillon", "", ""], 4)).toEqual({ ok: true, value: null });
    expect(parse(["C1", "4", "1/2/2026", "$5.00", "", "Annulée", "", ""], 5)).toEqual({ ok: true, value: null });
    expect(parse(["C1", "5", "1/2/2026", "$5.00", "", "Proforma", "", ""], 6)).toEqual({ ok: true, value: null });
    expect(notes.finish()).toEqual([
      {
        code: "excluded_status", count: 5, rows: [2, 3, 4, 5, 6],
        message: "3 brouillons et 2 factures annulées ignorés d'après la colonne Statut : ces lignes ne sont pas importées.",
      },
    ]);
  });

  it("settles a paid invoice, and says when the file still shows a balance", () => {
    const notes = createDocumentNotes();
    const parse = createDocumentRowParser(mapping, mdy, notes);
    expect(parse(["C1", "1", "1/2/2026", "$50.00", "$50.00", "Paid", "No", ""], 2)).toMatchObject({ value: { openAmount: "0.00" } });
    expect(parse(["C1", "2", "1/2/2026", "$50.00", "", "Payée", "", ""], 3)).toMatchObject({ value: { openAmount: "0.00" } });
    // 50 − 20 = 30 still open according to the amounts, paid according to the status.
    expect(parse(["C1", "3", "1/2/2026", "$50.00", "$20.00", "Réglée", "", ""], 4)).toMatchObject({ value: { openAmount: "0.00" } });
    expect(parse(["C1", "4", "1/2/2026", "$50.00", "$20.00", "Partially paid", "", ""], 5)).toMatchObject({ value: { openAmount: "30.00" } });
    expect(notes.finish().map((w) => [w.code, w.count, w.rows])).toEqual([["paid_status_with_balance", 1, [4]]]);
  });

  it("flags disputes with their reason, and refuses an unreadable flag or status", () => {
    const parse = createDocumentRowParser(mapping, mdy);
    expect(parse(["C1", "1", "1/2/2026", "10", "", "Open", "Yes", "Damaged goods"], 2)).toMatchObject({
      value: { disputed: true, disputeReason: "Damaged goods" },
    });
    expect(parse(["C1", "2", "1/2/2026", "10", "", "", "No", "Old reason"], 3)).toMatchObject({ value: { disputed: false } });
    expect(parse(["C1", "3", "1/2/2026", "10", "", "", "", ""], 4)).toMatchObject({ value: { disputed: false, disputeReason: null } });
    expect(parse(["C1", "4", "1/2/2026", "10", "", "Sent to client", "Maybe", ""], 5)).toMatchObject({
      ok: false,
      errors: [
        { row: 5, column: "Statut", value: "Sent to client", reason: expect.stringContaining("Statut non reconnu") },
        { row: 5, column: "Litige", value: "Maybe", reason: expect.stringContaining("Oui ou Non attendu") },
      ],
    });
  });

  it("reads a reason without a flag column as a dispute", () => {
    const parse = createDocumentRowParser({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount", 4: "disputeReason" }, dmy);
    expect(parse(["C1", "1", "01/02/2026", "10", "Prix contesté"], 2)).toMatchObject({ value: { disputed: true, disputeReason: "Prix contesté" } });
    expect(parse(["C1", "2", "01/02/2026", "10", ""], 3)).toMatchObject({ value: { disputed: false } });
  });
});
