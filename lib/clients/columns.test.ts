import { describe, expect, it } from "vitest";
import { chosenColumns } from "./columns";

describe("chosen clients-list columns", () => {
  it("keeps known columns in the user's order and drops the rest", () => {
    expect(chosenColumns(encodeURIComponent("overdue,cf:Secteur,bogus,siren"), ["Secteur"], "admin")).toEqual(["overdue", "cf:Secteur", "siren"]);
  });
  it("falls back to the role's defaults when nothing valid is chosen", () => {
    const defaults = chosenColumns(undefined, [], "admin");
    expect(defaults).toContain("collector");
    expect(chosenColumns("cf:Disparu", [], "admin")).toEqual(defaults);
    expect(chosenColumns(undefined, [], "collector")).toEqual(defaults.filter((k) => k !== "collector"));
  });
});
