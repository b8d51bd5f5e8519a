import { describe, expect, it } from "vitest";
import { divideRounded, fromCents, sumCents, toCents, toScaled } from "./decimal";

describe("decimal helpers", () => {
  it("reads numeric strings into cents without floats", () => {
    expect(toCents("1234.56")).toBe(123456n);
    expect(toCents("1234.5")).toBe(123450n);
    expect(toCents("1234")).toBe(123400n);
    expect(toCents("-12.05")).toBe(-1205n);
    expect(toCents("0.10") + toCents("0.20")).toBe(30n);
    expect(toScaled("12.15", 4)).toBe(121500n);
  });

  it("refuses what is not a plain decimal, and hidden rounding", () => {
    expect(() => toCents("1 234,56")).toThrow("Nombre invalide");
    expect(() => toCents("1.234")).toThrow("Trop de décimales");
  });

  it("writes cents back as numeric strings", () => {
    expect(fromCents(123456n)).toBe("1234.56");
    expect(fromCents(5n)).toBe("0.05");
    expect(fromCents(-5n)).toBe("-0.05");
    expect(fromCents(0n)).toBe("0.00");
    expect(fromCents(sumCents([toCents("0.10"), toCents("0.20")]))).toBe("0.30");
  });

  it("rounds half away from zero", () => {
    expect(divideRounded(15n, 10n)).toBe(2n);
    expect(divideRounded(14n, 10n)).toBe(1n);
    expect(divideRounded(-15n, 10n)).toBe(-2n);
    expect(divideRounded(0n, 7n)).toBe(0n);
  });
});
