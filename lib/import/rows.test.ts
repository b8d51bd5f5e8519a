import { describe, expect, it } from "vitest";
import { CLIENT_FIELDS, DOCUMENT_FIELDS } from "./fields";
import { createDocumentRowParser } from "./document-rows";
import { createClientRowParser, parseFieldValue, validateMapping } from "./rows";

const dmy = { dateOrder: "dmy" } as const;

describe("validateMapping", () => {
  it("accepts a mapping with every required field", () => {
    expect(validateMapping("clients", { 0: "code", 1: "name" })).toEqual({ ok: true });
    expect(validateMapping("documents", { 0: "clientCode", 1: "number", 2: "issueDate", 3: "debit", 4: "credit" })).toEqual({ ok: true });
  });

  it("lists the required fields left unmapped", () => {
    expect(validateMapping("clients", { 0: "code" })).toEqual({ ok: false, reason: "Colonne obligatoire non associée : Raison sociale." });
    expect(validateMapping("documents", { 0: "clientCode" })).toEqual({
      ok: false,
      reason: "Colonnes obligatoires non associées : N° de pièce, Date de pièce, Montant TTC.",
    });
  });

  it("refuses unknown and duplicated fields", () => {
    expect(validateMapping("clients", { 0: "code", 1: "name", 2: "nope" })).toEqual({ ok: false, reason: "Champ inconnu : nope." });
    expect(validateMapping("clients", { 0: "code", 1: "name", 2: "name" })).toEqual({
      ok: false,
      reason: "Le champ « Raison sociale » est associé à plusieurs colonnes.",
    });
  });
});

describe("validateMapping with custom fields", () => {
  const base = { 0: "code", 1: "name" };

  it("accepts columns kept as custom fields on clients", () => {
    expect(validateMapping("clients", { ...base, 2: "custom:Secteur", 3: "custom:Agence" })).toEqual({ ok: true });
  });

  it("refuses them on documents", () => {
    expect(validateMapping("documents", { 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount", 4: "custom:Lot" })).toEqual({
      ok: false,
      reason: "Les champs personnalisés ne sont proposés que pour l'import des clients.",
    });
  });

  it("checks the names: present, 40 characters at most, without comma, each once whatever the case", () => {
    expect(validateMapping("clients", { ...base, 2: "custom:  " })).toEqual({
      ok: false,
      reason: "Nom de champ personnalisé manquant : indiquez un nom.",
    });
    expect(validateMapping("clients", { ...base, 2: `custom:${"é".repeat(40)}` })).toEqual({ ok: true });
    expect(validateMapping("clients", { ...base, 2: `custom:${"é".repeat(41)}` })).toEqual({
      ok: false,
      reason: `Nom de champ personnalisé trop long (40 caractères au maximum) : « ${"é".repeat(41)} ».`,
    });
    expect(validateMapping("clients", { ...base, 2: "custom:Zone, secteur" })).toEqual({
      ok: false,
      reason: "Le nom de champ personnalisé « Zone, secteur » ne peut pas contenir de virgule.",
    });
    expect(validateMapping("clients", { ...base, 2: "custom:Secteur", 3: "custom: SECTEUR " })).toEqual({
      ok: false,
      reason: "Le champ personnalisé « SECTEUR » est associé à plusieurs colonnes.",
    });
  });

  it("allows 20 custom fields per import, not 21", () => {
    const custom = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 2, `custom:Champ ${i + 1}`]));
    expect(validateMapping("clients", { ...base, ...custom(20) })).toEqual({ ok: true });
    expect(validateMapping("clients", { ...base, ...custom(21) })).toEqual({
      ok: false,
      reason: "Trop de champs personnalisés : 20 au maximum par import (21 choisis).",
    });
  });
});

describe("parseFieldValue", () => {
  it("validates one cell for the preview", () => {
    const amount = DOCUMENT_FIELDS.find((f) => f.key === "amount")!;
    const siren = CLIENT_FIELDS.find((f) => f.key === "siren")!;
    expect(parseFieldValue(amount, "1 234,56 €", dmy)).toEqual({ ok: true, value: "1234.56" });
    expect(parseFieldValue(amount, "", dmy)).toEqual({ ok: false, reason: "Valeur obligatoire manquante." });
    expect(parseFieldValue(siren, "", dmy)).toEqual({ ok: true, value: null });
    expect(parseFieldValue(siren, "123456789", dmy)).toEqual({ ok: false, reason: "SIREN invalide (clé de contrôle)." });
  });
});

describe("createClientRowParser", () => {
  const parse = createClientRowParser({ 0: "code", 1: "name", 2: "siren", 3: "paymentTermsDays", 4: "creditLimit", 5: "postalCode" }, dmy);

  it("builds a staging row with typed values and nulls for the rest", () => {
    expect(parse(["00042 ", "Dupont SA", "404 833 048", "45 jours", "10 000,00", 1000], 7)).toEqual({
      ok: true,
      value: {
        row: 7, entityCode: null, code: "00042", name: "Dupont SA", siren: "404833048", siret: null, vatNumber: null,
        address: null, postalCode: "01000", city: null, country: null, phone: null, email: null, paymentTermsDays: 45,
        creditLimit: "10000.00", collectorEmail: null, salesRepEmail: null, contactName: null, contactCivility: null,
        customFields: {},
      },
    });
  });

  it("reads the contact's civilité however it is written, an unknown one as blank rather than an error", () => {
    const withContact = createClientRowParser({ 0: "code", 1: "name", 2: "contactCivility", 3: "contactName" }, dmy);
    const contact = (civility: string) => {
      const result = withContact(["C1", "Dupont SA", civility, "Éric Roussel"], 2);
      return result.ok ? [result.value?.contactCivility, result.value?.contactName] : result.errors;
    };
    expect(contact("M.")).toEqual(["Monsieur", "Éric Roussel"]);
    expect(contact("MME")).toEqual(["Madame", "Éric Roussel"]);
    expect(contact("Mlle")).toEqual(["Madame", "Éric Roussel"]);
    expect(contact("Dr")).toEqual([null, "Éric Roussel"]);
    expect(contact("")).toEqual([null, "Éric Roussel"]);
  });

  it("reports every bad cell of a row with its label, value and reason", () => {
    expect(parse(["", "Durand", "404833049", "", "beaucoup"], 9)).toEqual({
      ok: false,
      errors: [
        { row: 9, column: "Code client", value: "", reason: "Valeur obligatoire manquante." },
        { row: 9, column: "SIREN", value: "404833049", reason: "SIREN invalide (clé de contrôle)." },
        { row: 9, column: "Encours autorisé", value: "beaucoup", reason: "Montant invalide." },
      ],
    });
  });

  it("skips a total line at the bottom of an export", () => {
    expect(parse(["Total général", "", "", "", "123 456,00"], 50)).toEqual({ ok: true, value: null });
  });
});

describe("createClientRowParser with custom fields", () => {
  const headers = ["Code client", "Raison sociale", " Secteur d'activité ", "Agence", "Date d'entrée"];
  const mapping = { 0: "code", 1: "name", 2: "custom:Secteur d'activité", 3: "custom:Bureau", 4: "custom:Date d'entrée" };
  const parse = createClientRowParser(mapping, dmy, headers);

  it("keeps trimmed text under the field's name, numbers and dates as written", () => {
    expect(parse(["C1", "Alpha", "  BTP ", 69, "01/02/2020"], 2)).toMatchObject({
      ok: true,
      value: { customFields: { "Secteur d'activité": "BTP", Bureau: "69", "Date d'entrée": "01/02/2020" } },
    });
  });

  it("leaves out empty cells rather than storing empty text", () => {
    expect(parse(["C1", "Alpha", "", "   ", null], 3)).toMatchObject({ ok: true, value: { customFields: {} } });
  });

  it("refuses a value over 200 characters, naming the file's column", () => {
    expect(parse(["C1", "Alpha", "x".repeat(200), "", ""], 4)).toMatchObject({ ok: true });
    expect(parse(["C1", "Alpha", "", "y".repeat(201), ""], 5)).toEqual({
      ok: false,
      errors: [{ row: 5, column: "Agence", value: "y".repeat(201), reason: "Valeur trop longue : 200 caractères au maximum (201 reçus)." }],
    });
  });
});

describe("createDocumentRowParser", () => {
  const mapping = { 0: "clientCode", 1: "type", 2: "number", 3: "issueDate", 4: "dueDate", 5: "amount", 6: "openAmount", 7: "settledDate" };
  const parse = createDocumentRowParser(mapping, dmy);

  it("builds an invoice row from French values", () => {
    expect(parse(["C001", "Facture", "FA-0001", "23/11/2026", 46379, "1 234,56", "234,56", ""], 3)).toEqual({
      ok: true,
      value: {
        row: 3, entityCode: null, clientCode: "C001", type: "invoice", number: "FA-0001", reference: null,
        issueDate: "2026-11-23", dueDate: "2026-12-23", amount: "1234.56", openAmount: "234.56", currency: null,
        settledDate: null, disputed: false, disputeReason: null, clientName: null,
      },
    });
  });

  it("makes positive credit notes and payments negative, open amount included", () => {
    const row = parse(["C001", "AV", "AV-9", "2026-11-23", "", "120,00", "120,00", ""], 4);
    expect(row).toMatchObject({ ok: true, value: { type: "credit_note", amount: "-120.00", openAmount: "-120.00" } });
    const payment = parse(["C001", "Règlement", "RG-1", "2026-11-23", "", "50", "", "24/11/2026"], 5);
    expect(payment).toMatchObject({ ok: true, value: { type: "payment", amount: "-50.00", settledDate: "2026-11-24" } });
  });

  it("types rows by sign when the type cell is empty", () => {
    expect(parse(["C001", "", "X1", "23/11/2026", "", "-5,00", "", ""], 6)).toMatchObject({ ok: true, value: { type: "credit_note", amount: "-5.00" } });
    expect(parse(["C001", "", "X2", "23/11/2026", "", "5,00", "", ""], 7)).toMatchObject({ ok: true, value: { type: "invoice" } });
  });

  it("computes the amount from debit and credit columns", () => {
    const ledger = createDocumentRowParser({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "debit", 4: "credit" }, dmy);
    expect(ledger(["C1", "FA1", "01/11/2026", "1 000,00", ""], 2)).toMatchObject({ ok: true, value: { type: "invoice", amount: "1000.00" } });
    expect(ledger(["C1", "AV1", "01/11/2026", "", "200,00"], 3)).toMatchObject({ ok: true, value: { type: "credit_note", amount: "-200.00" } });
    expect(ledger(["C1", "X", "01/11/2026", "", ""], 4)).toEqual({
      ok: false,
      errors: [{ row: 4, column: "Débit / Crédit", value: "", reason: "Valeur obligatoire manquante." }],
    });
  });

  it("reads month-first dates when the file uses them", () => {
    const us = createDocumentRowParser({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount" }, { dateOrder: "mdy" });
    expect(us(["C1", "1", "1/26/2013", "10"], 2)).toMatchObject({ ok: true, value: { issueDate: "2013-01-26" } });
  });

  it("reports an impossible date and a missing number", () => {
    expect(parse(["C001", "Facture", "", "31/02/2026", "", "10", "", ""], 8)).toEqual({
      ok: false,
      errors: [
        { row: 8, column: "N° de pièce", value: "", reason: "Valeur obligatoire manquante." },
        { row: 8, column: "Date de pièce", value: "31/02/2026", reason: "Date inexistante." },
      ],
    });
  });
});

describe("footer lines", () => {
  it("skips total lines of documents files but reports a client merely named Total", () => {
    const parse = createDocumentRowParser({ 0: "clientCode", 1: "number", 2: "issueDate", 3: "amount" }, dmy);
    expect(parse(["Sous-total :", "", "", "1 000,00"], 20)).toEqual({ ok: true, value: null });
    expect(parse(["", "TOTAL", "", "1 000,00"], 21)).toEqual({ ok: true, value: null });
    expect(parse(["TotalEnergies", "", "", "1 000,00"], 22)).toMatchObject({ ok: false });
  });
});
