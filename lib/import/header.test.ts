import { describe, expect, it } from "vitest";
import { detectHeaderRow, normalizeHeader, suggestMapping } from "./header";

describe("normalizeHeader", () => {
  it("lowercases, strips accents, punctuation and filler words", () => {
    expect(normalizeHeader("  Date d'Échéance ")).toBe("date echeance");
    expect(normalizeHeader("Montant TTC (€)")).toBe("montant ttc");
    expect(normalizeHeader("E-mail")).toBe("email");
  });

  it("reads every way of writing 'number'", () => {
    for (const header of ["N° facture", "Nº facture", "No facture", "Num. facture", "Numéro facture", "N°facture", "# facture"]) {
      expect(normalizeHeader(header)).toBe("numero facture");
    }
  });
});

describe("suggestMapping", () => {
  it("never keeps an unknown column as a custom field on its own", () => {
    expect(suggestMapping(["Code client", "Raison sociale", "Secteur", "Agence commerciale"], "clients")).toEqual({ 0: "code", 1: "name" });
  });

  it("maps a French clients file", () => {
    const headers = ["N° client", "Raison sociale", "SIREN", "Adresse", "CP", "Ville", "Tél.", "E-mail", "Délai de paiement (jours)", "Encours autorisé", "Chargé de recouvrement", "Commercial", "Société"];
    expect(suggestMapping(headers, "clients")).toEqual({
      0: "code", 1: "name", 2: "siren", 3: "address", 4: "postalCode", 5: "city", 6: "phone", 7: "email",
      8: "paymentTermsDays", 9: "creditLimit", 10: "collectorEmail", 11: "salesRepEmail", 12: "entityCode",
    });
  });

  it("maps a French documents file and leaves look-alike columns unmapped", () => {
    const headers = ["Code client", "Nom client", "Type pièce", "N° facture", "Date facture", "Date d'échéance", "Montant HT", "Montant TTC", "Reste dû", "Devise", "Date de règlement", "Date de création"];
    expect(suggestMapping(headers, "documents")).toEqual({
      0: "clientCode", 2: "type", 3: "number", 4: "issueDate", 5: "dueDate", 7: "amount", 8: "openAmount",
      9: "currency", 10: "settledDate",
    });
  });

  it("maps an English documents file", () => {
    const headers = ["Customer code", "Invoice number", "Invoice date", "Due date", "Amount", "Open amount", "Currency"];
    expect(suggestMapping(headers, "documents")).toEqual({
      0: "clientCode", 1: "number", 2: "issueDate", 3: "dueDate", 4: "amount", 5: "openAmount", 6: "currency",
    });
  });

  it("prefers exact matches and uses each field once", () => {
    expect(suggestMapping(["Montant", "Montant TTC"], "documents")).toEqual({ 1: "amount" });
    expect(suggestMapping(["Date", "Échéance", "Montant restant dû"], "documents")).toEqual({
      0: "issueDate", 1: "dueDate", 2: "openAmount",
    });
    expect(suggestMapping(["Facture n°", "Montant TTC en EUR"], "documents")).toEqual({ 0: "number", 1: "amount" });
  });

  it("reads debit and credit columns of a ledger export", () => {
    expect(suggestMapping(["Compte", "Pièce", "Date", "Débit", "Crédit"], "documents")).toEqual({
      0: "clientCode", 1: "number", 2: "issueDate", 3: "debit", 4: "credit",
    });
  });

  it("ignores empty and unknown headers", () => {
    expect(suggestMapping([null, "", 42, "Commentaire interne"], "clients")).toEqual({});
  });
});

describe("detectHeaderRow", () => {
  it("skips title rows above the header", () => {
    const rows = [
      ["Balance âgée clients au 23/11/2026"],
      ["Société Exemple SAS"],
      ["Code client", "N° facture", "Date", "Échéance", "Montant TTC"],
      ["C001", "FA-1", "01/11/2026", "01/12/2026", "1 234,56"],
    ];
    expect(detectHeaderRow(rows, "documents")).toEqual({ rowIndex: 2, matchedFields: 5 });
  });

  it("looks at the first 20 rows only and answers -1 without a header", () => {
    const rows = [...Array.from({ length: 20 }, () => ["x", "y"]), ["Code client", "Raison sociale"]];
    expect(detectHeaderRow(rows, "clients")).toEqual({ rowIndex: -1, matchedFields: 0 });
    expect(detectHeaderRow([], "clients")).toEqual({ rowIndex: -1, matchedFields: 0 });
  });
});
