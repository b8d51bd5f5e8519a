import { describe, expect, it } from "vitest";
import { parseDocumentType, signedAmount, typeFromAmount } from "./document-type";

describe("parseDocumentType", () => {
  it("reads invoices, credit notes and payments in French, English and ERP codes", () => {
    for (const word of ["Facture", "FA", "F", "INV", "invoice", "Facture client", "Facture d'acompte"]) {
      expect(parseDocumentType(word)).toBe("invoice");
    }
    for (const word of ["Avoir", "AV", "CN", "Credit note", "Note de crédit", "Facture d'avoir"]) {
      expect(parseDocumentType(word)).toBe("credit_note");
    }
    for (const word of ["Règlement", "RG", "Paiement", "Encaissement", "REGLEMENT", "Règlement non lettré"]) {
      expect(parseDocumentType(word)).toBe("payment");
    }
  });

  it("calls anything else other and empty cells null", () => {
    expect(parseDocumentType("OD")).toBe("other");
    expect(parseDocumentType("Frais de relance")).toBe("other");
    expect(parseDocumentType(" ")).toBeNull();
  });
});

describe("signs", () => {
  it("makes positive credit notes and payments negative", () => {
    expect(signedAmount("credit_note", "120.00")).toBe("-120.00");
    expect(signedAmount("payment", "50.00")).toBe("-50.00");
    expect(signedAmount("credit_note", "-120.00")).toBe("-120.00");
    expect(signedAmount("invoice", "120.00")).toBe("120.00");
    expect(signedAmount("invoice", "-10.00")).toBe("-10.00");
  });

  it("types rows without a type column by their sign", () => {
    expect(typeFromAmount("-1.00")).toBe("credit_note");
    expect(typeFromAmount("1.00")).toBe("invoice");
  });
});
