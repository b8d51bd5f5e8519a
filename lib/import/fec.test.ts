import { describe, expect, it } from "vitest";
import { FEC_COLUMNS, fecLineFromCells, validateFecHeader } from "./fec";

describe("validateFecHeader", () => {
  it("recognises the 18 standard columns in any case, BOM included", () => {
    const check = validateFecHeader(["\uFEFFjournalcode", ...FEC_COLUMNS.slice(1)]);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.columns).toMatchObject({ JournalCode: 0, CompAuxNum: 6, Debit: 11, DateLet: 14, Montant: -1 });
  });

  it("accepts the Montant/Sens variant instead of Debit/Credit", () => {
    const headers: string[] = [...FEC_COLUMNS.filter((c) => c !== "Debit" && c !== "Credit"), "Montant", "Sens"];
    expect(validateFecHeader(headers).ok).toBe(true);
  });

  it("names the mandatory columns that are missing", () => {
    const headers = FEC_COLUMNS.filter((c) => c !== "DateLet" && c !== "Credit");
    expect(validateFecHeader(headers)).toEqual({
      ok: false,
      isFec: true,
      missing: ["DateLet", "Credit"],
      reason: "Colonnes obligatoires du FEC manquantes : DateLet, Credit.",
    });
    expect(validateFecHeader(FEC_COLUMNS.filter((c) => c !== "PieceRef"))).toMatchObject({
      reason: "Colonne obligatoire du FEC manquante : PieceRef.",
    });
  });

  it("says when a file is not a FEC at all", () => {
    expect(validateFecHeader(["Code client", "N° facture", "Montant"])).toMatchObject({ ok: false, isFec: false });
  });
});

describe("fecLineFromCells", () => {
  it("maps cells by column and turns Montant/Sens into Debit/Credit", () => {
    const headers = ["JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLet", "DateLet", "Montant", "Sens"];
    const check = validateFecHeader(headers);
    if (!check.ok) throw new Error(check.reason);
    const credit = fecLineFromCells(["VE", "12", "20261101", "411000", "C1", "Dupont", "AV1", "20261101", "", "", "120,00", "C"], check.columns, 2);
    expect(credit).toMatchObject({ row: 2, JournalCode: "VE", CompAuxNum: "C1", Debit: "", Credit: "120,00", JournalLib: "" });
    const debit = fecLineFromCells(["VE", "13", "20261101", "411000", "C1", "Dupont", "FA1", "20261101", "", "", "50,00", "D"], check.columns, 3);
    expect(debit).toMatchObject({ Debit: "50,00", Credit: "" });
  });
});
