import { describe, expect, it } from "vitest";
import { addAmounts, amountSign, fromCents, negateAmount, subtractAmounts, toCents } from "./decimal";

describe("decimal amounts", () => {
  it("converts to and from cents exactly", () => {
    expect(toCents("-1234.56")).toBe(-123456n);
    expect(toCents("-0.50")).toBe(-50n);
    expect(toCents("12")).toBe(1200n);
    expect(fromCents(-5n)).toBe("-0.05");
    expect(fromCents(123456789012345678n)).toBe("1234567890123456.78");
  });

  it("adds, subtracts and negates", () => {
    expect(addAmounts("0.10", "0.20")).toBe("0.30");
    expect(subtractAmounts("100.00", "250.50")).toBe("-150.50");
    expect(negateAmount("12.00")).toBe("-12.00");
    expect(negateAmount("-12.00")).toBe("12.00");
    expect(negateAmount("0.00")).toBe("0.00");
  });

  it("gives the sign", () => {
    expect(amountSign("-0.01")).toBe(-1);
    expect(amountSign("0.00")).toBe(0);
    expect(amountSign("3.00")).toBe(1);
  });
});
