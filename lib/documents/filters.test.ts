import { describe, expect, it } from "vitest";
import { parseDocumentSearch, toDocumentFilters } from "./filters";

describe("Pièces filters from the URL", () => {
  it("keeps valid filters, drops invalid ones and blank values", () => {
    const search = parseDocumentSearch({ q: " FA-12 ", type: "invoice", due: "bientôt", disputed: "yes", dueFrom: "", dueTo: "2026-12-31" });
    expect(search).toEqual({ q: "FA-12", type: "invoice", disputed: "yes", dueTo: "2026-12-31" });
    expect(toDocumentFilters(search, [30, 60, 90, 120])).toEqual({ q: "FA-12", type: "invoice", disputed: true, dueTo: "2026-12-31" });
  });

  it("turns an aging bucket into a range of days late", () => {
    const limits = [30, 60, 90, 120];
    expect(toDocumentFilters(parseDocumentSearch({ age: "0" }), limits)).toEqual({ daysLateAbove: 0, daysLateAtMost: 30 });
    expect(toDocumentFilters(parseDocumentSearch({ age: "2" }), limits)).toEqual({ daysLateAbove: 60, daysLateAtMost: 90 });
    expect(toDocumentFilters(parseDocumentSearch({ age: "4" }), limits)).toEqual({ daysLateAbove: 120, daysLateAtMost: undefined });
    expect(toDocumentFilters(parseDocumentSearch({ age: "7" }), limits)).toEqual({});
  });
});
