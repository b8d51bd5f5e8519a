import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/format/fr";
import { detectHeaderRow, suggestMapping } from "./header";
import { createPaymentRowParser, duplicatePaymentWarnings, type PaymentRow, paymentsMessage } from "./payment-rows";
import { validateMapping } from "./rows";

const mapping = { 0: "clientCode", 1: "invoiceNumber", 2: "paymentDate", 3: "amount", 4: "reference" };
const parse = createPaymentRowParser(mapping, { dateOrder: "mdy" });

const payment = (row: number, extra: Partial<PaymentRow> = {}): PaymentRow => ({
  row, entityCode: null, clientCode: "00412", invoiceNumber: "FA123", paymentDate: "2026-11-20", amount: "400.00",
  reference: "VIR 8812", ...extra,
});

describe("payments file headers", () => {
  it("maps English export headers", () => {
    const headers = ["Customer ID", "Customer Name", "Invoice Number", "Payment Date", "Amount Paid", "Reference"];
    expect(suggestMapping(headers, "payments")).toEqual({
      0: "clientCode", 2: "invoiceNumber", 3: "paymentDate", 4: "amount", 5: "reference",
    });
  });

  it("maps French headers and leaves the invoice's own dates and amounts aside", () => {
    const headers = ["Code client", "Facture", "Date facture", "Montant facture", "Date de règlement", "Montant réglé", "Référence"];
    expect(suggestMapping(headers, "payments")).toEqual({
      0: "clientCode", 1: "invoiceNumber", 4: "paymentDate", 5: "amount", 6: "reference",
    });
    expect(suggestMapping(["Code client", "N° facture", "Date de paiement", "Montant"], "payments")).toEqual({
      0: "clientCode", 1: "invoiceNumber", 2: "paymentDate", 3: "amount",
    });
  });

  it("finds the header under a title row", async () => {
    const rows = [["Règlements reçus — novembre 2026"], [], ["Code client", "Date de règlement", "Montant"], ["00412", "20/11/2026", "400,00"]];
    expect((await detectHeaderRow(rows, "payments")).rowIndex).toBe(2);
  });

  it("needs a client, a date and an amount; the invoice number is optional", () => {
    expect(validateMapping("payments", { 0: "clientCode", 1: "paymentDate", 2: "amount" })).toEqual({ ok: true });
    expect(validateMapping("payments", { 0: "clientCode", 1: "paymentDate" })).toEqual({
      ok: false, reason: "Colonne obligatoire non associée : Montant réglé.",
    });
  });
});

describe("createPaymentRowParser", () => {
  it("takes an amount as the cash received, whatever sign the export writes", () => {
    expect(parse(["00412", "FA123", "11/20/2026", "($400.00) ", "VIR 8812"], 2)).toEqual({ ok: true, value: payment(2) });
    expect(parse(["00412", "", "11/20/2026", "$1,250.00", ""], 3)).toEqual({
      ok: true, value: payment(3, { invoiceNumber: null, amount: "1250.00", reference: null }),
    });
    const french = createPaymentRowParser(mapping, { dateOrder: "dmy" });
    expect(french(["00412", "FA123", "20/11/2026", "-1 234,56 €", "VIR 8812"], 4)).toMatchObject({
      ok: true, value: { amount: "1234.56", paymentDate: "2026-11-20" },
    });
  });

  it("reports a missing date, a bad amount or a zero amount with its line", () => {
    expect(parse(["00412", "FA123", "", "abc", ""], 5)).toEqual({
      ok: false,
      errors: [
        { row: 5, column: "Date de règlement", value: "", reason: "Valeur obligatoire manquante." },
        { row: 5, column: "Montant réglé", value: "abc", reason: "Montant invalide." },
      ],
    });
    expect(parse(["00412", "FA123", "11/20/2026", "0,00", ""], 6)).toEqual({
      ok: false, errors: [{ row: 6, column: "Montant réglé", value: "0.00", reason: "Règlement d'un montant nul." }],
    });
  });

  it("skips a total line at the bottom of the export", () => {
    expect(parse(["Total", "", "", "$1,650.00", ""], 9)).toEqual({ ok: true, value: null });
  });
});

describe("duplicatePaymentWarnings", () => {
  it("names the identical lines and nothing else", () => {
    const warnings = duplicatePaymentWarnings([payment(2), payment(3, { reference: "VIR 8813" }), payment(7)]);
    expect(warnings).toEqual([
      {
        code: "payment_possible_duplicate",
        message: expect.stringContaining("Possible doublon : les lignes 2 et 7 sont identiques"),
        count: 2,
        rows: [2, 7],
      },
    ]);
    expect(duplicatePaymentWarnings([payment(2), payment(3, { amount: "400.01" })])).toEqual([]);
  });

  it("groups several sets of duplicates in one warning", () => {
    const rows = [payment(2), payment(3), payment(4, { clientCode: "00413" }), payment(5, { clientCode: "00413" }), payment(6, { clientCode: "00413" })];
    const [warning] = duplicatePaymentWarnings(rows);
    expect(warning.message).toContain("2 groupes de lignes identiques");
    expect(warning.message).toContain("lignes 2 et 3 ; lignes 4, 5 et 6");
    expect(warning).toMatchObject({ count: 5, rows: [2, 3, 4, 5, 6] });
  });
});

describe("paymentsMessage", () => {
  it("says what was recorded, applied and left unapplied", () => {
    expect(paymentsMessage({ read: 3, inserted: 3, updated: 2, settled: 1, rejected: 0 }, { applied: "1250.00", unapplied: "400.00" })).toBe(
      `Import terminé : 3 règlements enregistrés : ${formatMoney("1250.00")} affectés, ${formatMoney("400.00")} non affectés ; ` +
        "2 factures mises à jour, dont 1 soldée.",
    );
    expect(paymentsMessage({ read: 1, inserted: 1, updated: 0, settled: 0, rejected: 1 }, { applied: "0.00", unapplied: "80.00" })).toBe(
      `Import terminé : 1 règlement enregistré : ${formatMoney("0.00")} affectés, ${formatMoney("80.00")} non affectés ; ` +
        "aucune facture modifiée, 1 ligne rejetée.",
    );
  });

  it("says so when the file had already been imported", () => {
    expect(paymentsMessage({ read: 6, inserted: 0, updated: 0, settled: 0, rejected: 0 }, { applied: "0.00", unapplied: "0.00" })).toBe(
      "Import terminé : aucun nouveau règlement enregistré : le fichier l'était déjà ; aucune facture modifiée.",
    );
  });
});
