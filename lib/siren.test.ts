import { describe, expect, it } from "vitest";
import { isLuhnValid, sirenFromBase, siretFromSiren, vatFromSiren } from "./siren";

describe("SIREN, SIRET and VAT numbers", () => {
  it("accepts real SIRENs and rejects a wrong key", () => {
    expect(isLuhnValid("404833048")).toBe(true);
    expect(isLuhnValid("552032534")).toBe(true);
    expect(isLuhnValid("404833049")).toBe(false);
  });

  it("builds valid numbers from a base", () => {
    expect(sirenFromBase(40483304)).toBe("404833048");
    const siren = sirenFromBase(12345678);
    expect(isLuhnValid(siren)).toBe(true);
    const siret = siretFromSiren(siren, 1);
    expect(siret).toHaveLength(14);
    expect(isLuhnValid(siret)).toBe(true);
  });

  it("computes the French VAT key", () => {
    expect(vatFromSiren("404833048")).toBe("FR83404833048");
  });
});
