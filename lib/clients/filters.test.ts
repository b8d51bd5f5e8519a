import { describe, expect, it } from "vitest";
import { parseClientSearch, toClientFilters, toClientSort } from "./filters";

describe("clients-list URL filters", () => {
  it("reads French amounts and drops invalid values without failing", () => {
    const search = parseClientSearch({ overdueMin: "10 000,50", dept: "2a", entity: "pas-un-uuid", hasDispute: "yes", sort: "hack" });
    expect(search).toEqual({ overdueMin: 10000.5, dept: "2a", hasDispute: "yes" });
    expect(toClientFilters(search)).toMatchObject({ overdue: { min: 10000.5 }, department: "2A", hasDispute: true, entityId: undefined });
  });
  it("sorts most overdue first by default, amounts descending and text ascending", () => {
    expect(toClientSort({})).toEqual({ key: "overdue", order: "desc" });
    expect(toClientSort({ sort: "name" })).toEqual({ key: "name", order: "asc" });
    expect(toClientSort({ sort: "outstanding", order: "asc" })).toEqual({ key: "outstanding", order: "asc" });
  });
});
