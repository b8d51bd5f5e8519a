import { describe, expect, it } from "vitest";
import { formatIban, ibanCheckDigits, isValidIban, normalizeIban } from "./iban";

describe("IBAN", () => {
  it("accepts valid IBANs whatever their spacing and case", () => {
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 189")).toBe(true);
    expect(isValidIban("fr7630006000011234567890189")).toBe(true);
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(isValidIban("BE68 5390 0754 7034")).toBe(true);
  });

  it("refuses a wrong key, a typo, a wrong length or stray characters", () => {
    expect(isValidIban("FR77 3000 6000 0112 3456 7890 189")).toBe(false);
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 188")).toBe(false);
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 18")).toBe(false);
    expect(isValidIban("FR76 3000 6000 0112 3456 7890 189!")).toBe(false);
    expect(isValidIban("")).toBe(false);
  });

  it("normalises and groups by four", () => {
    expect(normalizeIban(" fr76 3000\u00a06000-0112 ")).toBe("FR76300060000112");
    expect(formatIban("fr7630006000011234567890189")).toBe("FR76 3000 6000 0112 3456 7890 189");
  });

  it("computes the check digits of an account", () => {
    expect(ibanCheckDigits("FR", "30006000011234567890189")).toBe("76");
    expect(ibanCheckDigits("DE", "370400440532013000")).toBe("89");
  });
});
