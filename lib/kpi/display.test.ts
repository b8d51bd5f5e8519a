import { describe, expect, it } from "vitest";
import { formatCountback, formatDays, formatPoints, kpiChange, shortHistoryNote } from "./display";

const days = (n: number) => formatDays(n);

describe("kpiChange", () => {
  it("says a fall of DSO is good and a rise bad", () => {
    // 40 − 46.25 = −6.25 → "−6,3 j" (one decimal), down, good since lower is better.
    expect(kpiChange(40, 46.25, "lower", days)).toEqual({ text: "−6,3 j", direction: "down", good: true });
    expect(kpiChange(50, 46, "lower", days)).toEqual({ text: "+4 j", direction: "up", good: false });
  });

  it("says a rise of CEI is good, and colours neither way for a neutral indicator", () => {
    // 0.80 − 0.75 = 0.05 → 5 points.
    expect(kpiChange(0.8, 0.75, "higher", formatPoints)).toEqual({ text: "+5 pts", direction: "up", good: true });
    expect(kpiChange(10, 20, "neutral", days)).toEqual({ text: "−10 j", direction: "down", good: null });
  });

  it("is flat when the change does not show in the unit's precision, and unknown without a previous value", () => {
    expect(kpiChange(46.001, 46, "lower", days)).toEqual({ text: "0 j", direction: "flat", good: null });
    expect(kpiChange(46.04, 46, "lower", days)).toEqual({ text: "0 j", direction: "flat", good: null });
    // CEI 49,25 % against 48,94 %: 0,3 point, shown although the ratios differ by less than a hundredth.
    expect(kpiChange(0.4925, 0.4894, "higher", formatPoints)).toEqual({ text: "+0,3 pts", direction: "up", good: true });
    expect(kpiChange(0.49252, 0.4925, "higher", formatPoints)).toEqual({ text: "0 pts", direction: "flat", good: null });
    expect(kpiChange(46, null, "lower", days)).toBeNull();
    expect(kpiChange(null, 46, "lower", days)).toBeNull();
  });
});

describe("formatDays", () => {
  it("rounds to one decimal with a French comma", () => {
    expect(formatDays(85.3)).toBe("85,3 j");
    expect(formatDays(55.666)).toBe("55,7 j");
    expect(formatDays(null)).toBe("—");
  });
});

describe("a countback figure that is only a minimum", () => {
  it("shows « ≥ » and says how many months of sales are known", () => {
    expect(formatCountback(61, true)).toBe("≥ 61 j");
    expect(formatCountback(61.25, false)).toBe("61,3 j");
    expect(shortHistoryNote(2, "2026-10")).toMatch(/^Ventes connues sur 2 mois seulement \(depuis octobre 2026\) : .* 24 derniers mois/);
    expect(shortHistoryNote(0, null)).toMatch(/^Aucune vente n'est connue à cette date/);
  });
});
