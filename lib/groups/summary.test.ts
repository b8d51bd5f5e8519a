import { describe, expect, it } from "vitest";
import { summariseCriteria } from "./summary";

describe("summariseCriteria", () => {
  it("reads criteria as French text", () => {
    expect(
      summariseCriteria([
        { field: "department", operator: "in", value: ["75", "92"] },
        { field: "outstanding", operator: "gt", value: "10000" },
      ]),
    ).toBe("Département dans 75, 92 · Encours > 10\u202f000 €");
    expect(summariseCriteria([{ field: "oldestDaysLate", operator: "lt", value: 30 }])).toBe("Retard le plus ancien (jours) < 30");
    expect(summariseCriteria([{ field: "custom:Secteur", operator: "eq", value: "BTP" }])).toBe("Secteur = BTP");
    expect(summariseCriteria([{ field: "collector", operator: "empty", value: null }])).toBe("Chargé de recouvrement est vide");
    expect(summariseCriteria([{ field: "hasOpenDispute", operator: "eq", value: "true" }])).toBe("Litige en cours : oui");
    expect(summariseCriteria([{ field: "entity", operator: "eq", value: "e1" }], new Map([["e1", "Encaisse SA"]]))).toBe("Société = Encaisse SA");
    expect(summariseCriteria([{ field: "scoreGrade", operator: "in", value: ["D", "E"] }, { field: "scorePLate", operator: "gte", value: "42,5" }])).toBe(
      "Score dans D, E · Probabilité de retard ≥ 42,5 %",
    );
    expect(summariseCriteria([])).toBe("Tous les clients");
  });
});
