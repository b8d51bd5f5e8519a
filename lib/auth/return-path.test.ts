import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const origin = "https://encaisse.example.fr";

describe("safeReturnPath", () => {
  it.each([
    "//evil.com",
    "//evil.com/clients",
    "/\\evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    " //evil.com",
    "/%2F%2Fevil.com",
    "/%2f/evil.com",
    "/%5Cevil.com",
    "/%5C%5Cevil.com",
    "/%252F%252Fevil.com",
    "%2F%2Fevil.com",
    "/login/..//evil.com",
    "/clients/..//evil.com",
    "/./\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/%09/evil.com",
    "https://evil.com",
    "https://evil.com/clients",
    "http://encaisse.example.fr/clients",
    "https://encaisse.example.fr@evil.com/",
    "https://user:pass@encaisse.example.fr/",
    "https:evil.com",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "",
  ])("refuses %j", (payload) => {
    expect(safeReturnPath(payload, origin)).toBe("/");
  });

  it.each([
    ["/clients?q=SAS", "/clients?q=SAS"],
    ["/clients/0b8a7f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "/clients/0b8a7f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"],
    ["https://encaisse.example.fr/relance?onglet=historique", "/relance?onglet=historique"],
    ["/relance/../clients", "/clients"],
    ["clients", "/clients"],
    ["/", "/"],
    ["/login", "/login"],
  ])("keeps %j as %j", (target, expected) => {
    expect(safeReturnPath(target, origin)).toBe(expected);
  });

  it("refuses what is not a string", () => {
    expect(safeReturnPath(null, origin)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/clients"], origin)).toBe("/");
  });
});
