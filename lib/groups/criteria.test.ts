import { describe, expect, it } from "vitest";
import { criterionFields, groupCriteriaSchema, operatorsFor, resolveField } from "./criteria";

describe("criterion catalogue", () => {
  it("offers « est vide » only where a value can be missing", () => {
    expect(operatorsFor(criterionFields.department)).toEqual(["eq", "neq", "in", "contains", "empty", "notEmpty"]);
    expect(operatorsFor(criterionFields.outstanding)).toEqual(["eq", "neq", "in", "gt", "lt"]);
    expect(operatorsFor(criterionFields.creditLimit)).toContain("empty");
    expect(operatorsFor(criterionFields.collector)).toEqual(["eq", "neq", "in", "empty", "notEmpty"]);
    expect(operatorsFor(criterionFields.hasOpenDispute)).toEqual(["eq"]);
    expect(operatorsFor(criterionFields.scoreGrade)).toEqual(["in", "eq", "empty", "notEmpty"]);
    expect(operatorsFor(criterionFields.scorePLate)).toEqual(["gte", "lte", "empty", "notEmpty"]);
  });

  it("resolves custom fields and refuses unknown or inherited names", () => {
    expect(resolveField("custom:Secteur")).toMatchObject({ custom: "Secteur", def: { type: "text" } });
    expect(resolveField("custom: ")).toBeNull();
    expect(resolveField("toString")).toBeNull();
    expect(resolveField("siren")).toMatchObject({ key: "siren", def: { label: "SIREN" } });
  });
});

describe("criteria validation", () => {
  const parse = (value: unknown) => groupCriteriaSchema.safeParse(value);
  const messages = (value: unknown) => parse(value).error?.issues.map((i) => i.message);

  it("normalises values to the field's type", () => {
    const parsed = parse([
      { field: "outstanding", operator: "gt", value: "10 000,50" },
      { field: "paymentTermsDays", operator: "in", value: ["30", 45] },
      { field: "hasSiren", operator: "eq", value: "false" },
      { field: "department", operator: "in", value: [" 75 ", "92"] },
      { field: "siren", operator: "empty", value: "ignored" },
    ]);
    expect(parsed.data?.map((c) => c.value)).toEqual([10000.5, [30, 45], false, ["75", "92"], null]);
  });

  it("explains each refusal in French", () => {
    expect(messages([{ field: "couleur", operator: "eq", value: "x" }])).toEqual(["Champ inconnu : « couleur »."]);
    expect(messages([{ field: "hasOpenDispute", operator: "gt", value: 1 }])).toEqual(["L'opérateur « > » ne s'applique pas à « Litige en cours »."]);
    expect(messages([{ field: "city", operator: "like", value: "x" }])).toEqual(["L'opérateur « like » ne s'applique pas à « Ville »."]);
    expect(messages([{ field: "collector", operator: "eq", value: "nobody" }])).toEqual([
      "Valeur invalide pour « Chargé de recouvrement » : un identifiant est attendu.",
    ]);
    expect(messages([{ field: "city", operator: "eq", value: "  " }])).toEqual([
      "Valeur invalide pour « Ville » : un texte de 1 à 200 caractères est attendu.",
    ]);
    expect(messages([{ field: "overdue", operator: "in", value: "12" }])).toEqual([
      "Valeur invalide pour « Échu » : une liste de 1 à 500 valeurs est attendue, chacune un nombre.",
    ]);
    expect(messages({ field: "city" })).toEqual(["Liste de critères attendue."]);
  });

  it("reads a score as a letter A to E and a probability as a percentage", () => {
    const parsed = parse([
      { field: "scoreGrade", operator: "in", value: ["d", " E "] },
      { field: "scorePLate", operator: "gte", value: "42,5" },
    ]);
    expect(parsed.data?.map((c) => c.value)).toEqual([["D", "E"], 42.5]);
    expect(messages([{ field: "scoreGrade", operator: "in", value: ["F"] }])).toEqual([
      "Valeur invalide pour « Score » : une liste de 1 à 500 valeurs est attendue, chacune une lettre de A à E.",
    ]);
    expect(messages([{ field: "scorePLate", operator: "lte", value: "120" }])).toEqual([
      "Valeur invalide pour « Probabilité de retard » : un pourcentage de 0 à 100 est attendu.",
    ]);
    expect(messages([{ field: "scorePLate", operator: "gt", value: "12" }])).toEqual([
      "L'opérateur « > » ne s'applique pas à « Probabilité de retard ».",
    ]);
  });
});
