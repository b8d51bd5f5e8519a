import { describe, expect, it } from "vitest";
import { formatRatePercent, parseRatePercent } from "./rate";

describe("late-payment rate", () => {
  it("reads a French or an English decimal, with or without the percent sign", () => {
    expect(parseRatePercent("12,15")).toBe("12.15");
    expect(parseRatePercent(" 12.15 % ")).toBe("12.15");
    expect(parseRatePercent("10")).toBe("10");
  });

  it("refuses what is not a percentage", () => {
    expect(parseRatePercent("")).toBeNull();
    expect(parseRatePercent("douze")).toBeNull();
    expect(parseRatePercent("-1")).toBeNull();
    expect(parseRatePercent("120")).toBeNull();
    expect(parseRatePercent("12,15,1")).toBeNull();
  });

  it("writes the stored value with a French comma", () => {
    expect(formatRatePercent("12.15")).toBe("12,15");
  });
});
