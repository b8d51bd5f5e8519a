import { describe, expect, it } from "vitest";
import { normalizeHeader } from "./header-tokens";

describe("normalizeHeader on exports from English and camelCase tools", () => {
  it("splits camelCase and underscores, whatever the case", () => {
    for (const header of ["customerID", "customerId", "CUSTOMER_ID", "Customer ID", "customer_id", "CustomerId"]) {
      expect(normalizeHeader(header)).toBe("customer id");
    }
    expect(normalizeHeader("invoiceNumber")).toBe("invoice numero");
    expect(normalizeHeader("InvoiceDate")).toBe("invoice date");
    expect(normalizeHeader("DaysToSettle")).toBe("days to settle");
    expect(normalizeHeader("PaperlessDate")).toBe("paperless date");
    expect(normalizeHeader("Currency Code")).toBe("currency code");
  });

  it("keeps acronyms whole and reads French camelCase too", () => {
    expect(normalizeHeader("SIRENClient")).toBe("siren client");
    expect(normalizeHeader("MontantTTC")).toBe("montant ttc");
    expect(normalizeHeader("DateÉchéance")).toBe("date echeance");
    expect(normalizeHeader("NumFacture")).toBe("numero facture");
  });

  it("reads e-mail and the usual English abbreviations", () => {
    expect(normalizeHeader("eMail")).toBe("email");
    expect(normalizeHeader("Adresse e mail")).toBe("adresse email");
    expect(normalizeHeader("Inv #")).toBe("invoice numero");
    expect(normalizeHeader("Cust. ID")).toBe("customer id");
    expect(normalizeHeader("Amt")).toBe("amount");
  });
});
