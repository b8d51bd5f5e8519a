import { describe, expect, it } from "vitest";
import { impossibleAmount } from "./document-amounts";
import { createDocumentRowParser } from "./document-rows";

const dmy = { dateOrder: "dmy" as const };
// Intl writes fr-FR thousands with a narrow no-break space.
const nb = "\u202f";

describe("impossibleAmount", () => {
  it("accepts what real pièces carry", () => {
    expect(impossibleAmount("invoice", "100.00", "40.00", null)).toBeNull();
    expect(impossibleAmount("invoice", "100.00", "100.00", null)).toBeNull();
    expect(impossibleAmount("invoice", "100.00", "0.00", null)).toBeNull();
    expect(impossibleAmount("invoice", "0.00", null, null)).toBeNull();
    expect(impossibleAmount("invoice", "100.00", null, "100.00")).toBeNull();
    expect(impossibleAmount("credit_note", "-120.00", "-20.00", null)).toBeNull();
    expect(impossibleAmount("payment", "-50.00", "-50.00", null)).toBeNull();
    expect(impossibleAmount("other", "-10.00", null, null)).toBeNull();
  });

  it("refuses a negative invoice, an open amount past the amount or across zero, a paid amount past the amount", () => {
    expect(impossibleAmount("invoice", "-120.00", null, null)).toEqual({
      field: "amount",
      reason: "Facture de montant négatif (-120,00) : une facture est positive ; un avoir se déclare avec le type « Avoir ».",
    });
    expect(impossibleAmount("invoice", "1000.00", "1500.00", null)).toEqual({
      field: "openAmount", reason: `Reste dû (1${nb}500,00) supérieur au montant de la pièce (1${nb}000,00).`,
    });
    expect(impossibleAmount("invoice", "100.00", "-30.00", null)).toEqual({
      field: "openAmount", reason: "Reste dû de signe opposé au montant de la pièce (reste dû -30,00, montant 100,00).",
    });
    expect(impossibleAmount("credit_note", "-100.00", "-100.01", null)).toMatchObject({ field: "openAmount" });
    expect(impossibleAmount("invoice", "0.00", "5.00", null)).toMatchObject({ field: "openAmount" });
    expect(impossibleAmount("invoice", "100.00", null, "150.00")).toEqual({
      field: "paidAmount",
      reason: "Montant payé (150,00) supérieur au montant de la pièce (100,00) : le reste dû serait de signe opposé.",
    });
  });
});

describe("createDocumentRowParser: impossible amounts", () => {
  const mapping = { 0: "clientCode", 1: "type", 2: "number", 3: "issueDate", 4: "amount", 5: "openAmount", 6: "paidAmount" };
  const parse = createDocumentRowParser(mapping, dmy);

  it("rejects the row, naming its line, column and cell", () => {
    expect(parse(["C1", "Facture", "F1", "01/10/2026", "-120,00", "", ""], 4)).toEqual({
      ok: false,
      errors: [{
        row: 4, column: "Montant TTC", value: "-120,00",
        reason: "Facture de montant négatif (-120,00) : une facture est positive ; un avoir se déclare avec le type « Avoir ».",
      }],
    });
    expect(parse(["C1", "Facture", "F2", "01/10/2026", "1 000,00", "1 500,00", ""], 5)).toEqual({
      ok: false,
      errors: [{
        row: 5, column: "Reste dû", value: "1 500,00",
        reason: `Reste dû (1${nb}500,00) supérieur au montant de la pièce (1${nb}000,00).`,
      }],
    });
    expect(parse(["C1", "Facture", "F3", "01/10/2026", "100,00", "-30,00", ""], 6)).toMatchObject({
      ok: false, errors: [{ row: 6, column: "Reste dû", value: "-30,00" }],
    });
    expect(parse(["C1", "Facture", "F4", "01/10/2026", "100,00", "", "150,00"], 7)).toMatchObject({
      ok: false, errors: [{ row: 7, column: "Montant payé", value: "150,00" }],
    });
  });

  it("keeps credit notes negative by nature, whichever sign the file writes them with", () => {
    expect(parse(["C1", "Avoir", "A1", "01/10/2026", "-100,00", "-40,00", ""], 2)).toMatchObject({
      ok: true, value: { type: "credit_note", amount: "-100.00", openAmount: "-40.00" },
    });
    expect(parse(["C1", "Avoir", "A2", "01/10/2026", "100,00", "40,00", ""], 3)).toMatchObject({
      ok: true, value: { type: "credit_note", amount: "-100.00", openAmount: "-40.00" },
    });
    expect(parse(["C1", "", "A3", "01/10/2026", "-100,00", "-100,00", ""], 4)).toMatchObject({
      ok: true, value: { type: "credit_note", amount: "-100.00", openAmount: "-100.00" },
    });
    expect(parse(["C1", "Avoir", "A4", "01/10/2026", "100,00", "120,00", ""], 5)).toMatchObject({
      ok: false, errors: [{ column: "Reste dû" }],
    });
    expect(parse(["C1", "Règlement", "R1", "01/10/2026", "50,00", "50,00", ""], 6)).toMatchObject({
      ok: true, value: { type: "payment", amount: "-50.00", openAmount: "-50.00" },
    });
  });

  it("names the debit and credit columns when the amount comes from them", () => {
    const ledger = createDocumentRowParser({ 0: "clientCode", 1: "type", 2: "number", 3: "issueDate", 4: "debit", 5: "credit" }, dmy);
    expect(ledger(["C1", "Facture", "F1", "01/11/2026", "", "200,00"], 3)).toMatchObject({
      ok: false, errors: [{ row: 3, column: "Débit / Crédit", value: "-200.00" }],
    });
    expect(ledger(["C1", "", "A1", "01/11/2026", "", "200,00"], 4)).toMatchObject({ ok: true, value: { type: "credit_note" } });
  });
});
