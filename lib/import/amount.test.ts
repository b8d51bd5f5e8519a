import { describe, expect, it } from "vitest";
import { parseAmount } from "./amount";

const value = (raw: unknown) => {
  const result = parseAmount(raw);
  if (!result.ok) throw new Error(`${String(raw)}: ${result.reason}`);
  return result.value;
};
const reason = (raw: unknown) => {
  const result = parseAmount(raw);
  return result.ok ? null : result.reason;
};

describe("parseAmount", () => {
  it("reads French amounts with every kind of thousands space", () => {
    expect(value("1 234,56")).toBe("1234.56");
    expect(value("1\u00a0234,56")).toBe("1234.56");
    expect(value("1\u202f234,56")).toBe("1234.56");
    expect(value("12 345 678,9")).toBe("12345678.90");
    expect(value("  1 234,56  ")).toBe("1234.56");
  });

  it("reads dots and apostrophes as thousands separators", () => {
    expect(value("1.234,56")).toBe("1234.56");
    expect(value("1.234.567,89")).toBe("1234567.89");
    expect(value("1'234.56")).toBe("1234.56");
    expect(value("1.234.567")).toBe("1234567.00");
  });

  it("tells English from French by the last separator", () => {
    expect(value("1,234.56")).toBe("1234.56");
    expect(value("1,234,567.89")).toBe("1234567.89");
    expect(value("1234.56")).toBe("1234.56");
    expect(value("1234,5")).toBe("1234.50");
    expect(value(",5")).toBe("0.50");
  });

  it("reads negative amounts: leading minus, trailing minus (SAP), parentheses", () => {
    expect(value("-1234,56")).toBe("-1234.56");
    expect(value("1234,56-")).toBe("-1234.56");
    expect(value("(1 234,56)")).toBe("-1234.56");
    expect(value("- 12,00")).toBe("-12.00");
    expect(value("\u22125")).toBe("-5.00");
    expect(value("+7")).toBe("7.00");
    expect(value("-0,00")).toBe("0.00");
  });

  it("ignores euro signs and EUR before or after", () => {
    expect(value("1 234,56 €")).toBe("1234.56");
    expect(value("€1,234.56")).toBe("1234.56");
    expect(value("EUR 12,5")).toBe("12.50");
    expect(value("12,50 eur")).toBe("12.50");
    expect(value("-1 234,56 €")).toBe("-1234.56");
    expect(value("(1 234,56 €)")).toBe("-1234.56");
  });

  it("ignores dollar signs, inside parentheses too", () => {
    expect(value("$1,234.56")).toBe("1234.56");
    expect(value("($400.00)")).toBe("-400.00");
    expect(value("($400.00) ")).toBe("-400.00");
    expect(value("-$12.50")).toBe("-12.50");
    expect(value("1 234,56 $")).toBe("1234.56");
    expect(reason("12$34")).toBe("Montant invalide.");
  });

  it("reads zero-padded amounts", () => {
    expect(value("0000000074,70")).toBe("74.70");
    expect(value("000000000000")).toBe("0.00");
  });

  it("rounds up to four decimals half away from zero, in decimal", () => {
    expect(value("1,005")).toBe("1.01");
    expect(value("1,0049")).toBe("1.00");
    expect(value("-2,345")).toBe("-2.35");
    expect(value("99,995")).toBe("100.00");
    expect(value("0,004")).toBe("0.00");
    expect(reason("1,23456")).toBe("Montant invalide : 4 décimales au plus.");
  });

  it("reads numbers from spreadsheet cells without float drift", () => {
    expect(value(1234.56)).toBe("1234.56");
    expect(value(-74.7)).toBe("-74.70");
    expect(value(1.005)).toBe("1.01");
    expect(value(0.1 + 0.2)).toBe("0.30");
    expect(value(1234.5600000000002)).toBe("1234.56");
    expect(value(42)).toBe("42.00");
    expect(value(1e-9)).toBe("0.00");
    expect(value(-0)).toBe("0.00");
  });

  it("treats empty cells as no value", () => {
    expect(value("")).toBeNull();
    expect(value("   ")).toBeNull();
    expect(value(null)).toBeNull();
    expect(value(undefined)).toBeNull();
  });

  it("rejects what is not an amount", () => {
    expect(reason("12abc")).toBe("Montant invalide.");
    expect(reason("abc")).toBe("Montant invalide.");
    expect(reason("-")).toBe("Montant invalide.");
    expect(reason("1,2,3")).toBe("Montant invalide.");
    expect(reason("12 34,00")).toBe("Montant invalide.");
    expect(reason("1.234,567.8")).toBe("Montant invalide.");
    expect(reason("(12")).toBe("Montant invalide.");
    expect(reason("--12")).toBe("Montant invalide.");
    expect(reason("12-3")).toBe("Montant invalide.");
    expect(reason(Number.NaN)).toBe("Montant invalide.");
    expect(reason(new Date())).toBe("Montant invalide.");
    expect(reason("123456789012345,00")).toBe("Montant trop grand.");
    expect(reason(1e15)).toBe("Montant trop grand.");
  });
});
