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
    const bucket = (age: string) => {
      const { daysLateAbove, daysLateAtMost } = toDocumentFilters(parseDocumentSearch({ age }), limits);
      return { daysLateAbove, daysLateAtMost };
    };
    expect(bucket("0")).toEqual({ daysLateAbove: 0, daysLateAtMost: 30 });
    expect(bucket("2")).toEqual({ daysLateAbove: 60, daysLateAtMost: 90 });
    expect(bucket("4")).toEqual({ daysLateAbove: 120, daysLateAtMost: undefined });
    expect(bucket("7")).toEqual({ daysLateAbove: undefined, daysLateAtMost: undefined });
  });

  it("reads French amounts, date ranges and the client", () => {
    const client = "6f1c2a9e-5b7d-4c1e-9a3f-2d8e7b6a5c4d";
    const search = parseDocumentSearch({ amountMin: "-1 500,5", amountMax: "abc", issuedFrom: "2026-01-01", issuedTo: "01/02/2026", client });
    expect(search).toEqual({ amountMin: -1500.5, issuedFrom: "2026-01-01", client, type: "invoice" });
    expect(toDocumentFilters(search, [30])).toEqual({
      amountMin: -1500.5,
      issuedFrom: "2026-01-01",
      type: "invoice",
      clientId: client,
      entityId: undefined,
      disputed: undefined,
    });
  });

  it("lists invoices unless another type or every type is chosen", () => {
    expect(parseDocumentSearch({}).type).toBe("invoice");
    expect(parseDocumentSearch({ type: "" }).type).toBe("invoice");
    expect(parseDocumentSearch({ type: "avoir" }).type).toBe("invoice");
    expect(toDocumentFilters(parseDocumentSearch({ type: "payment" }), [30]).type).toBe("payment");
    expect(toDocumentFilters(parseDocumentSearch({ type: "credit_note" }), [30]).type).toBe("credit_note");
    expect(toDocumentFilters(parseDocumentSearch({ type: "all" }), [30]).type).toBeUndefined();
  });
});
