import { describe, expect, it } from "vitest";
import { fieldForKey, type FieldDef } from "./fields";
import { isDataCell, valuesFitField } from "./header-values";

const field = (key: string) => fieldForKey("documents", key) as FieldDef;

describe("isDataCell", () => {
  it("takes numbers, dates, amounts, e-mails and codes with digits for values", () => {
    for (const cell of [42, new Date(Date.UTC(2024, 0, 5)), "3/8/2012", "2024-01-05", "1 234,56", "55.94", "00042", "a@b.fr", "0379-NEIAO", "FA2024-001"]) {
      expect(isDataCell(cell)).toBe(true);
    }
  });

  it("takes words, and headers with digits among words, for labels", () => {
    for (const cell of ["No", "Yes", "US", "Total", "Adresse 1", "0-30", "Solde au 31/12/2024", "N°", "Montant TTC (€)"]) {
      expect(isDataCell(cell)).toBe(false);
    }
  });
});

describe("valuesFitField", () => {
  it("lets the header decide when there is no value", () => {
    expect(valuesFitField(field("issueDate"), [])).toBe(true);
    expect(valuesFitField(field("issueDate"), [null, "", undefined])).toBe(true);
  });

  it("wants dates in a date column, tolerating a few bad ones", () => {
    expect(valuesFitField(field("issueDate"), ["01/02/2024", "1/26/2013", new Date(Date.UTC(2024, 0, 5)), 45321])).toBe(true);
    expect(valuesFitField(field("issueDate"), ["01/10/2026", "31/02/2026", "15/10/2026"])).toBe(true);
    expect(valuesFitField(field("issueDate"), ["Yes", "No", "No"])).toBe(false);
    expect(valuesFitField(field("settledDate"), ["13", "0", "27"])).toBe(false);
    expect(valuesFitField(field("settledDate"), [55.94, 120])).toBe(false);
  });

  it("wants amounts in an amount column", () => {
    expect(valuesFitField(field("amount"), ["1 234,56 €", "-5,00", 12.5])).toBe(true);
    expect(valuesFitField(field("amount"), ["Paid", "Open", "Paid"])).toBe(false);
    expect(valuesFitField(field("amount"), ["01/02/2024", "02/02/2024"])).toBe(false);
  });

  it("refuses rates and decimals as société codes, and unknown codes when the sociétés are known", () => {
    expect(valuesFitField(field("entityCode"), ["0.05", "0", "0"])).toBe(false);
    expect(valuesFitField(field("entityCode"), ["5%", "10%"])).toBe(false);
    expect(valuesFitField(field("entityCode"), [0.1, 2])).toBe(false);
    expect(valuesFitField(field("entityCode"), ["01", "02", "PARIS"])).toBe(true);
    expect(valuesFitField(field("entityCode"), ["01", "02"], { entityCodes: ["02", "03"] })).toBe(true);
    expect(valuesFitField(field("entityCode"), ["US", "FR"], { entityCodes: ["01"] })).toBe(false);
  });

  it("wants ISO codes in a currency column and addresses in an e-mail column", () => {
    expect(valuesFitField(field("currency"), ["EUR", "usd", "€"])).toBe(true);
    expect(valuesFitField(field("currency"), ["Euro", "Dollar"])).toBe(false);
    const salesRep = fieldForKey("clients", "salesRepEmail") as FieldDef;
    expect(valuesFitField(salesRep, ["jean.dupont@exemple.fr", "m.durand@exemple.fr"])).toBe(true);
    expect(valuesFitField(salesRep, ["Jean Dupont", "Marie Durand"])).toBe(false);
  });
});
