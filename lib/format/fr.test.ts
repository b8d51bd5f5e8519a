import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatMoneyCompact, formatPercent } from "./fr";

const nbsp = /[\u202f\u00a0]/g;

describe("fr-FR formats", () => {
  it("formats money with a space as thousands separator and a comma", () => {
    expect(formatMoney("12345.67").replace(nbsp, " ")).toBe("12 345,67 €");
    expect(formatMoney("-1234.5").replace(nbsp, " ")).toBe("-1 234,50 €");
    expect(formatMoney(null).replace(nbsp, " ")).toBe("0,00 €");
  });

  it("shortens large amounts without a trailing zero decimal, as browsers do", () => {
    expect(["0", "1000000", "516100", "1500000"].map((v) => formatMoneyCompact(v).replace(nbsp, " "))).toEqual([
      "0 €",
      "1 M €",
      "516,1 k €",
      "1,5 M €",
    ]);
  });

  it("keeps exact decimals beyond float precision", () => {
    expect(formatMoney("90071992547409.93").replace(nbsp, " ")).toBe("90 071 992 547 409,93 €");
  });

  it("formats business dates without time-zone shifts", () => {
    expect(formatDate("2026-11-23")).toBe("23/11/2026");
    expect(formatDate(null)).toBe("—");
  });

  it("formats ratios as percentages", () => {
    expect(formatPercent(0.425).replace(nbsp, " ")).toBe("42,5 %");
    expect(formatPercent(null)).toBe("—");
  });
});
