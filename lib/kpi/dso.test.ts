import { describe, expect, it } from "vitest";
import { countback, DSO_MAX_MONTHS, dsoCountback, dsoFigures, monthsKnown } from "./dso";

// D = 15 November 2026: November counts 15 elapsed days, October 31, September 30.
const date = "2026-11-15";

describe("dsoCountback", () => {
  it("walks back over several months and stops inside the one the remainder cannot cover", () => {
    // 25 000 ≥ Nov 10 000 → 15 days, 15 000 left; ≥ Oct 12 000 → +31 = 46, 3 000 left;
    // < Sep 6 000 → + 3 000 / 6 000 × 30 = 15 → 61 days.
    const monthlySales = { "2026-11": "10000.00", "2026-10": "12000.00", "2026-09": "6000.00" };
    expect(dsoCountback({ date, receivable: "25000.00", monthlySales })).toBeCloseTo(61, 10);
  });

  it("adds the whole days of a month without sales and goes on", () => {
    // 13 000 ≥ Nov 10 000 → 15, 3 000 left; Oct has no sales: 3 000 ≥ 0 → +31 = 46; Sep 3 000 / 6 000 × 30 = 15 → 61.
    const monthlySales = { "2026-11": "10000.00", "2026-09": "6000.00" };
    expect(dsoCountback({ date, receivable: "13000.00", monthlySales })).toBeCloseTo(61, 10);
  });

  it("treats a month whose credit notes outweigh its invoices as negative sales", () => {
    // 4 000 ≥ Nov −2 000 → 15 days, 4 000 − (−2 000) = 6 000 left; Oct 6 000 / 12 000 × 31 = 15.5 → 30.5.
    const monthlySales = { "2026-11": "-2000.00", "2026-10": "12000.00" };
    expect(dsoCountback({ date, receivable: "4000.00", monthlySales })).toBeCloseTo(30.5, 10);
  });

  it("counts a month whose credit notes exactly cancel its invoices as zero sales", () => {
    // 500 ≥ Nov 0 → 15; 500 / 1 000 × 31 (Oct) = 15.5 → 30.5.
    const monthlySales = { "2026-11": "0.00", "2026-10": "1000.00" };
    expect(dsoCountback({ date, receivable: "500.00", monthlySales })).toBeCloseTo(30.5, 10);
  });

  it("is 0 when nothing, or less than nothing, is owed", () => {
    expect(dsoCountback({ date, receivable: "0.00", monthlySales: { "2026-11": "100.00" } })).toBe(0);
    expect(dsoCountback({ date, receivable: "-50.00", monthlySales: {} })).toBe(0);
    // Nothing owed and no sales at all: still 0, not 24 months.
    expect(dsoCountback({ date, receivable: "0", monthlySales: {} })).toBe(0);
  });

  it("stops after 24 months", () => {
    // 1 € of sales a month against 1 000 000 €: every period is exhausted. 24 periods = Nov 2026 (15 days)
    // + Oct 2026 back to Dec 2024: Dec 2024 31 + 2025 365 + Jan–Oct 2026 (31+28+31+30+31+30+31+31+30+31 = 304) = 700.
    const monthlySales: Record<string, string> = {};
    for (const key of ["2024-11", "2024-12", "2025-06", "2026-10", "2026-11"]) monthlySales[key] = "1.00";
    expect(DSO_MAX_MONTHS).toBe(24);
    expect(dsoCountback({ date, receivable: "1000000.00", monthlySales })).toBe(715);
  });

  it("stays inside the current partial month when its sales cover the receivable", () => {
    // 10 000 < Nov 30 000 → 10 000 / 30 000 × 15 elapsed days = 5.
    expect(dsoCountback({ date, receivable: "10000.00", monthlySales: { "2026-11": "30000.00" } })).toBeCloseTo(5, 10);
    // Exactly equal: the whole 15 days, nothing left.
    expect(dsoCountback({ date, receivable: "10000.00", monthlySales: { "2026-11": "10000.00" } })).toBe(15);
  });

  it("uses 29 days for a leap February and crosses a year", () => {
    // D = 10/03/2024: 2 450 ≥ Mar 1 000 → 10, 1 450 left; Feb 1 450 / 2 900 × 29 = 14.5 → 24.5.
    const monthlySales = { "2024-03": "1000.00", "2024-02": "2900.00" };
    expect(dsoCountback({ date: "2024-03-10", receivable: "2450.00", monthlySales })).toBeCloseTo(24.5, 10);
    // D = 05/01/2026: 600 ≥ Jan 100 → 5, 500 left; Dec 2025 500 / 1 000 × 31 = 15.5 → 20.5.
    expect(dsoCountback({ date: "2026-01-05", receivable: "600.00", monthlySales: { "2026-01": "100.00", "2025-12": "1000.00" } })).toBeCloseTo(20.5, 10);
  });
});

describe("dsoFigures", () => {
  it("computes BPDSO on the non échu and ADD as the difference", () => {
    // DSO on 25 000 = 61 (first test). BPDSO on 8 000 < Nov 10 000 → 8 000 / 10 000 × 15 = 12. ADD = 61 − 12 = 49.
    const monthlySales = { "2026-11": "10000.00", "2026-10": "12000.00", "2026-09": "6000.00" };
    const figures = dsoFigures({ date, outstanding: "25000.00", notDue: "8000.00", monthlySales });
    expect(figures.dso).toBeCloseTo(61, 10);
    expect(figures.bpdso).toBeCloseTo(12, 10);
    expect(figures.add).toBeCloseTo(49, 10);
  });
});

describe("countback with the first month of known sales", () => {
  const monthlySales = { "2026-11": "10000.00", "2026-10": "12000.00", "2026-09": "6000.00" };

  it("is exact when the walk ends before the first known month", () => {
    // 20 000 − Nov 10 000 → 15 d; 10 000 < Oct 12 000 → 10 000 / 12 000 × 31 = 25.83 → 40.83, September never read.
    expect(countback({ date, receivable: "20000.00", monthlySales, knownFrom: "2026-09" })).toEqual({ days: 15 + (10 / 12) * 31, lowerBound: false });
  });

  it("is a minimum when the walk reaches the first known month with receivable left", () => {
    // 25 000: Nov → 15, Oct → 46, 3 000 left entering September, the first known month: + 3 000 / 6 000 × 30 = 15 → ≥ 61.
    expect(countback({ date, receivable: "25000.00", monthlySales, knownFrom: "2026-09" })).toEqual({ days: 61, lowerBound: true });
    // 40 000 uses September up (15 + 31 + 30 = 76 d) with 12 000 left: it stops there, not at 24 months.
    expect(countback({ date, receivable: "40000.00", monthlySales, knownFrom: "2026-09" })).toEqual({ days: 76, lowerBound: true });
  });

  it("stops at once when no sales are known, and is exact when nothing is owed", () => {
    expect(countback({ date, receivable: "500.00", monthlySales: {}, knownFrom: null })).toEqual({ days: 0, lowerBound: true });
    expect(countback({ date, receivable: "0.00", monthlySales: {}, knownFrom: null })).toEqual({ days: 0, lowerBound: false });
  });

  it("only open items known: their sales are the receivable, used up exactly in the first month", () => {
    // Open invoices Oct 3 000 and Nov 1 000, nothing settled known: encours 4 000 = the sales. Nov → 15, Oct → 46, a minimum.
    const openOnly = { "2026-11": "1000.00", "2026-10": "3000.00" };
    expect(countback({ date, receivable: "4000.00", monthlySales: openOnly, knownFrom: "2026-10" })).toEqual({ days: 46, lowerBound: true });
  });

  it("counts the months known up to the month of the date", () => {
    expect(monthsKnown(date, "2026-09")).toBe(3);
    expect(monthsKnown(date, "2025-11")).toBe(13);
    expect(monthsKnown(date, null)).toBe(0);
    expect(monthsKnown(date, "2026-12")).toBe(0);
  });

  it("gives the BPDSO its own bound", () => {
    // DSO on 25 000 reaches September (≥ 61); BPDSO on 8 000 stays in November (12, exact).
    const figures = dsoFigures({ date, outstanding: "25000.00", notDue: "8000.00", monthlySales, knownFrom: "2026-09" });
    expect(figures).toMatchObject({ dso: 61, dsoLowerBound: true, bpdso: 12, bpdsoLowerBound: false, add: 49 });
  });
});
