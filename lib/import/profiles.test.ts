import { describe, expect, it } from "vitest";
import { mappingFromProfile, profileFromMapping } from "./profiles";

describe("mapping profiles", () => {
  it("survives moved columns, different case and accents", () => {
    const saved = profileFromMapping(["Code tiers", "Pièce", "Montant"], { 0: "clientCode", 1: "number", 2: "amount" });
    expect(mappingFromProfile(["MONTANT", "Libellé", "code tiers", "Piece"], saved)).toEqual({ 0: "amount", 2: "clientCode", 3: "number" });
  });

  it("leaves unknown headers unmapped and never maps a field twice", () => {
    const saved = { montant: "amount" };
    expect(mappingFromProfile(["Montant", "montant", "Autre"], saved)).toEqual({ 0: "amount" });
  });

  it("remembers columns kept as custom fields, under the name chosen", () => {
    const saved = profileFromMapping(["Code", "Nom", "Secteur d'activité", "Zone"], { 0: "code", 1: "name", 2: "custom:Secteur", 3: "custom:Zone" });
    expect(saved).toEqual({ code: "code", nom: "name", "secteur activite": "custom:Secteur", zone: "custom:Zone" });
    expect(mappingFromProfile(["ZONE", "Nom", "Code", "Secteur d'activite", "Remarque"], saved)).toEqual({
      0: "custom:Zone", 1: "name", 2: "code", 3: "custom:Secteur",
    });
  });
});
