import { describe, expect, it } from "vitest";
import { forecastWindow, pooledForecastError } from "./backtest-forecast";
import { weekProbabilities } from "./cash-forecast";

// Open on Wednesday 1 October 2025: week 0 runs from Monday 29 September.
const open = [
  { amount: 1000, dueDate: "2025-10-10", settledDate: "2025-10-06", pLate: 0.2, expectedDaysLate: 2 },
  { amount: 500, dueDate: "2025-09-20", settledDate: "2025-10-01", pLate: 0.9, expectedDaysLate: 15 },
  { amount: 200, dueDate: "2025-09-01", settledDate: null, pLate: 1, expectedDaysLate: 60 },
  // Paid on 10 January 2026, 103 days after the first Monday: week 14, past the 13 weeks.
  { amount: 300, dueDate: "2025-11-30", settledDate: "2026-01-10", pLate: 0.5, expectedDaysLate: 10 },
];

describe("cash-in forecast judged after the fact", () => {
  const window = forecastWindow("2025-10-01", open);

  it("puts each payment in its week and leaves out what came after the 13 weeks", () => {
    expect(window.weeks).toHaveLength(13);
    expect(window.weeks[0].weekStart).toBe("2025-09-29");
    expect(window.weeks[12].weekStart).toBe("2025-12-22");
    expect(window.weeks.map((w) => w.actual)).toEqual([500, 1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(window).toMatchObject({ openInvoices: 4, openAmount: 2000 });
  });

  it("forecasts Σ amount × P(paid that week), the payment date being the due date plus the expected days late", () => {
    const p = (dueDate: string, expectedPaymentDate: string, pLate: number) =>
      weekProbabilities({ today: "2025-10-01", dueDate, expectedPaymentDate, pLate, weeks: 13 });
    const a = p("2025-10-10", "2025-10-12", 0.2);
    const b = p("2025-09-20", "2025-10-05", 0.9);
    const c = p("2025-09-01", "2025-10-31", 1);
    const d = p("2025-11-30", "2025-12-10", 0.5);
    window.weeks.forEach((w, i) => expect(w.expected).toBeCloseTo(1000 * a[i] + 500 * b[i] + 200 * c[i] + 300 * d[i], 6));
  });

  it("measures MAPE on the weeks with cash-in only, and the bias of the totals", () => {
    const [w0, w1] = window.weeks;
    expect(window.mape).toBeCloseTo((Math.abs(w0.expected - 500) / 500 + Math.abs(w1.expected - 1000) / 1000) / 2, 12);
    const total = window.weeks.reduce((sum, w) => sum + w.expected, 0);
    expect(window.bias).toBeCloseTo((total - 1500) / 1500, 12);
  });

  it("pools the weeks of several windows", () => {
    const empty = forecastWindow("2025-11-01", []);
    expect(empty.mape).toBeNull();
    expect(pooledForecastError([window, empty])).toEqual({ mape: window.mape, bias: window.bias });
  });
});
