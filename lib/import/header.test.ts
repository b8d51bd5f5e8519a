import { describe, expect, it } from "vitest";
import { detectHeaderRow, normalizeHeader, suggestMapping, suggestMappingWithConfidence } from "./header";

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

  it("maps the contact's civilité and name, written with or without accents, in French or English", () => {
    expect(suggestMapping(["Code client", "Raison sociale", "Civilite", "Nom du contact", "E-mail"], "clients")).toEqual({
      0: "code", 1: "name", 2: "contactCivility", 3: "contactName", 4: "email",
    });
    expect(suggestMapping(["Customer ID", "Company name", "Salutation", "Contact name"], "clients")).toEqual({
      0: "code", 1: "name", 2: "contactCivility", 3: "contactName",
    });
    expect(suggestMapping(["Code client", "Raison sociale", "Civilité", "Gender"], "clients")).toMatchObject({ 2: "contactCivility" });
    // A « Title » column of job titles is not a civilité.
    const samples = [["C1", "Dupont SA", "Directeur financier"], ["C2", "Martin SARL", "Comptable"]];
    expect(suggestMapping(["Code client", "Raison sociale", "Title"], "clients", samples)).toEqual({ 0: "code", 1: "name" });
    expect(suggestMapping(["Code client", "Raison sociale", "Title"], "clients", [["C1", "Dupont SA", "Mr"], ["C2", "Martin SARL", "Mrs"]])).toEqual({
      0: "code", 1: "name", 2: "contactCivility",
    });
  });

  it("maps a French documents file and leaves look-alike columns unmapped", () => {
    const headers = ["Code client", "Nom client", "Type pièce", "N° facture", "Date facture", "Date d'échéance", "Montant HT", "Montant TTC", "Reste dû", "Devise", "Date de règlement", "Date de création"];
    expect(suggestMapping(headers, "documents")).toEqual({
      0: "clientCode", 1: "clientName", 2: "type", 3: "number", 4: "issueDate", 5: "dueDate", 7: "amount", 8: "openAmount",
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

  it("maps a camelCase US export to its seven fields and nothing else", () => {
    const headers = "customerID,country,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate".split(",");
    const samples = [
      "0379-NEIAO,US,611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,Paper,13,0".split(","),
      "4621-MBYFC,US,7900770,1/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,6".split(","),
    ];
    const expected = { 0: "clientCode", 2: "number", 3: "issueDate", 4: "dueDate", 5: "amount", 6: "disputed", 7: "settledDate" };
    expect(suggestMapping(headers, "documents")).toEqual(expected);
    expect(suggestMapping(headers, "documents", samples)).toEqual(expected);
    expect(Object.values(suggestMappingWithConfidence(headers, "documents", samples)).map((s) => s.confidence)).toEqual(Array(7).fill("exact"));
  });

  it("maps English headers, the customer's name to one column only, and leaves discounts and countries unmapped", () => {
    const headers = ["CUSTOMER_ID", "Customer Name", "Invoice Number", "Invoice Date", "Due Date", "Amount", "Amount Due", "Paid", "Status", "Currency Code", "Disputed", "Discount", "Entity Discount Percent", "Country Code", "Company Name"];
    expect(suggestMapping(headers, "documents")).toEqual({
      0: "clientCode", 1: "clientName", 2: "number", 3: "issueDate", 4: "dueDate", 5: "amount", 6: "openAmount",
      7: "paidAmount", 8: "status", 9: "currency", 10: "disputed",
    });
    expect(suggestMapping(["Customer ID", "Invoice", "Date", "Total", "Balance"], "documents")).toEqual({
      0: "clientCode", 1: "number", 2: "issueDate", 3: "amount", 4: "openAmount",
    });
    expect(suggestMapping(["customerId", "Company Name", "Country Code", "Currency Code", "Email Address", "Balance"], "clients")).toEqual({
      0: "code", 1: "name", 2: "country", 4: "email",
    });
  });

  it("says how sure it is, and drops a partial match with more extra words than matched ones", () => {
    expect(suggestMappingWithConfidence(["Code client", "Montant TTC en EUR", "Entity Rebate Percent", "Entité code"], "documents")).toEqual({
      0: { field: "clientCode", confidence: "exact" },
      1: { field: "amount", confidence: "probable" },
      3: { field: "entityCode", confidence: "probable" },
    });
  });

  it("does not map a column whose values cannot be the field's, and lets another column take the field", () => {
    const headers = ["Code client", "N° facture", "Date", "Montant", "Total", "Société"];
    const samples = [["C1", "F1", "Oui", "élevé", "100,00", "0.05"], ["C2", "F2", "Non", "faible", "50,00", "0.10"], []];
    expect(suggestMapping(headers, "documents")).toEqual({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount", 5: "entityCode" });
    expect(suggestMapping(headers, "documents", samples)).toEqual({ 0: "clientCode", 1: "number", 4: "amount" });
  });

  it("maps Société only to a column holding a known société's code, when the sociétés are given", () => {
    const headers = ["Code client", "Société"];
    const samples = [["C1", "LYON"], ["C2", "PARIS"]];
    expect(suggestMapping(headers, "clients", samples, { entityCodes: ["PARIS", "NANTES"] })).toEqual({ 0: "code", 1: "entityCode" });
    expect(suggestMapping(headers, "clients", samples, { entityCodes: ["NANTES"] })).toEqual({ 0: "code" });
  });
});

describe("detectHeaderRow", () => {
  it("skips title rows above the header", async () => {
    const rows = [
      ["Balance âgée clients au 23/11/2026"],
      ["Société Exemple SAS"],
      ["Code client", "N° facture", "Date", "Échéance", "Montant TTC"],
      ["C001", "FA-1", "01/11/2026", "01/12/2026", "1 234,56"],
    ];
    expect(await detectHeaderRow(rows, "documents")).toEqual({ rowIndex: 2, matchedFields: 5 });
  });

  it("finds the header of a camelCase US export on line 1 above data rows with No cells", async () => {
    const rows = [
      "customerID,country,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate,PaperlessBill,DaysToSettle,DaysLate".split(","),
      "0379-NEIAO,US,611365,3/8/2012,4/7/2012,55.94,No,3/21/2012,Paper,13,0".split(","),
      "4621-MBYFC,US,7900770,1/26/2013,2/25/2013,61.74,No,3/3/2013,No,36,6".split(","),
    ];
    expect(await detectHeaderRow(rows, "documents")).toEqual({ rowIndex: 0, matchedFields: 7 });
  });

  it("finds the header of an invoicing-tool export below two title rows", async () => {
    const rows = [
      ["Export factures"],
      ["Période : 01/01/2024 - 31/03/2024"],
      ["N° facture", "Client", "Date", "Échéance", "Montant HT", "TVA", "Montant TTC", "Statut"],
      ["FA-2024-0001", "Dupont SA", "05/01/2024", "04/02/2024", "1 000,00", "200,00", "1 200,00", "Payée"],
      ["Total", "", "", "", "1 000,00", "200,00", "1 200,00", ""],
    ];
    expect(await detectHeaderRow(rows, "documents")).toEqual({ rowIndex: 2, matchedFields: 6 });
  });

  it("never takes a row of values for the header, even one naming a field", async () => {
    const rows = [["Col A", "Col B", "Col C", "Col D"], ["0379-NEIAO", "3/8/2012", "No", "55.94"], ["Total", "1 234,56"]];
    expect(await detectHeaderRow(rows, "documents")).toEqual({ rowIndex: -1, matchedFields: 0 });
    expect(await detectHeaderRow([[new Date(Date.UTC(2012, 2, 8)), 55.94, "No"]], "documents")).toEqual({ rowIndex: -1, matchedFields: 0 });
  });

  it("looks at the first 20 rows only and answers -1 without a header", async () => {
    const rows = [...Array.from({ length: 20 }, () => ["x", "y"]), ["Code client", "Raison sociale"]];
    expect(await detectHeaderRow(rows, "clients")).toEqual({ rowIndex: -1, matchedFields: 0 });
    expect(await detectHeaderRow([], "clients")).toEqual({ rowIndex: -1, matchedFields: 0 });
  });
});
