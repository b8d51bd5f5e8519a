import { describe, expect, it } from "vitest";
import { parseDocumentSearch, toDocumentFilters } from "./filters";

describe("Pièces filters from the URL", () => {
  it("keeps valid filters, drops invalid ones and blank values", () => {
    const search = parseDocumentSearch({ q: " FA-12 ", type: "invoice", due: "bientôt", disputed: "yes", dueFrom: "", dueTo: "2026-12-31" });
    expect(search).toEqual({ q: "FA-12", type: "invoice", disputed: "yes", dueTo: "2026-12-31" });
    expect(toDocumentFilters(search)).toEqual({ q: "FA-12", type: "invoice", disputed: true, dueTo: "2026-12-31" });
  });
});
