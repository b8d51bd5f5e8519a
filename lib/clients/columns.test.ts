import { describe, expect, it } from "vitest";
import { chosenColumns, defaultColumns } from "./columns";

describe("chosen clients-list columns", () => {
  it("keeps known columns in the user's order and drops the rest", () => {
    expect(chosenColumns(encodeURIComponent("overdue,cf:Secteur,bogus,siren"), ["Secteur"])).toEqual(["overdue", "cf:Secteur", "siren"]);
  });
  it("falls back to the defaults when nothing valid is chosen", () => {
    expect(chosenColumns(undefined, [])).toBe(defaultColumns);
    expect(chosenColumns("cf:Disparu", [])).toBe(defaultColumns);
  });
});
