import { describe, expect, it } from "vitest";
import { findReferences, foldName, referencesName, renameReferences } from "./references";

describe("formula references", () => {
  it("folds names ignoring case, accents and spaces", () => {
    expect(foldName("  Taux d'Échu ")).toBe("taux d'echu");
  });

  it("finds references outside strings only", () => {
    const formula = 'SI([Échu 90 j] > 0; "[pas une réf] ""[non plus]"""; [Code  ERP])';
    expect(findReferences(formula).map((r) => r.name)).toEqual(["Échu 90 j", "Code  ERP"]);
    expect(referencesName(formula, "echu 90 J")).toBe(true);
    expect(referencesName(formula, "pas une réf")).toBe(false);
  });

  it("renames every reference to a column, ignoring case and accents, and leaves strings alone", () => {
    const formula = '[encours moyen] / [ENCOURS MOYEN] + LEN("[Encours moyen]") + [Autre]';
    expect(renameReferences(formula, "Encours moyen", "Encours moyen 6 mois")).toBe(
      '[Encours moyen 6 mois] / [Encours moyen 6 mois] + LEN("[Encours moyen]") + [Autre]',
    );
  });

  it("stops at an unclosed bracket", () => {
    expect(findReferences("[Ouvert + 1")).toEqual([]);
  });
});
