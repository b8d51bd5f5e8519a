import { describe, expect, it } from "vitest";
import { nextClientDocumentSort, parseClientDocumentSort } from "./client-sort";

describe("client document sort", () => {
  it("reads a whitelisted column and direction from the URL", () => {
    expect(parseClientDocumentSort({ tri: "retard", ordre: "desc" })).toEqual({ key: "retard", direction: "desc" });
    expect(parseClientDocumentSort({ tri: ["montant", "piece"] })).toEqual({ key: "montant", direction: "asc" });
  });

  it("falls back to the due date for anything else", () => {
    expect(parseClientDocumentSort({})).toEqual({ key: "echeance", direction: "asc" });
    expect(parseClientDocumentSort({ tri: "open_amount; drop table documents", ordre: "desc" })).toEqual({ key: "echeance", direction: "asc" });
    expect(parseClientDocumentSort({ tri: "date", ordre: "sideways" })).toEqual({ key: "date", direction: "asc" });
  });

  it("flips the current column and starts amounts and lateness largest first", () => {
    expect(nextClientDocumentSort({ key: "date", direction: "asc" }, "date")).toEqual({ key: "date", direction: "desc" });
    expect(nextClientDocumentSort({ key: "date", direction: "desc" }, "retard")).toEqual({ key: "retard", direction: "desc" });
    expect(nextClientDocumentSort({ key: "retard", direction: "desc" }, "piece")).toEqual({ key: "piece", direction: "asc" });
  });
});
