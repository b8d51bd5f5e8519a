import { describe, expect, it } from "vitest";
import { interval80, paymentScaleDays, weekMoments, weekMonday, weekProbabilities } from "./cash-forecast";

// Wednesday 4 March 2026; its week starts on Monday 2 March.
const today = "2026-03-04";

describe("weekMonday", () => {
  it("gives the Monday of a Monday-to-Sunday week", () => {
    expect(weekMonday("2026-03-02")).toBe("2026-03-02");
    expect(weekMonday("2026-03-04")).toBe("2026-03-02");
    expect(weekMonday("2026-03-08")).toBe("2026-03-02");
    expect(weekMonday("2026-03-09")).toBe("2026-03-09");
    expect(weekMonday("2026-01-01")).toBe("2025-12-29");
  });
});

describe("paymentScaleDays", () => {
  it("is 5 days for an invoice expected on time, half the days late beyond 10 days late", () => {
    expect(paymentScaleDays(today, "2026-03-11", "2026-03-11")).toBe(5);
    expect(paymentScaleDays(today, "2026-03-11", "2026-03-19")).toBe(5);
    expect(paymentScaleDays(today, "2026-03-11", "2026-04-10")).toBe(15);
  });

  it("counts an overdue invoice as at least as late as today", () => {
    // Due 3 January, 60 days before today, expected 2 February: 60 days late already.
    expect(paymentScaleDays(today, "2026-01-03", "2026-02-02")).toBe(30);
  });
});

describe("weekProbabilities", () => {
  it("spreads an invoice expected on its due date next Wednesday around that week", () => {
    // Scale 5; today is day −7 from the expected date, so days count from −7.5 on; S(x) = 1 / (1 + e^(x/5)).
    // S(−7.5) = 0.817574, S(−2.5) = 0.622459, S(4.5) = 0.289050, S(11.5) = 0.091123.
    // Week 0 (days −7 … −3): 1 − 0.622459 / 0.817574 = 0.238650; week 1 (days −2 … 4): 0.761350 − 0.353545 = 0.407805;
    // week 2 (days 5 … 11): 0.353545 − 0.111455 = 0.242090.
    const p = weekProbabilities({ today, dueDate: "2026-03-11", expectedPaymentDate: "2026-03-11", pLate: 0.1, weeks: 3 });
    expect(p).toHaveLength(3);
    expect(p[0]).toBeCloseTo(0.23865, 5);
    expect(p[1]).toBeCloseTo(0.407805, 5);
    expect(p[2]).toBeCloseTo(0.24209, 5);
  });

  it("gives no probability to the days of this week already past", () => {
    // Expected last Monday (2 March), due the same day: scale 5, days from −0.5 before today (day 2) are dropped.
    // Week 0 keeps days 2 … 6: 1 − S(6.5) / S(1.5) = 1 − 0.214165 / 0.425557 = 0.496742.
    const p = weekProbabilities({ today, dueDate: "2026-03-02", expectedPaymentDate: "2026-03-02", pLate: 0.5, weeks: 2 });
    expect(p[0]).toBeCloseTo(0.496742, 5);
  });

  it("puts an overdue invoice's mass from today on, with a spread that grows with its lateness", () => {
    // Due 3 January, expected 2 February (30 days ago), scale 30. Days count from 29.5; week 0 ends at 34.5;
    // S(29.5) = 0.272231, S(34.5) = 0.240489: week 0 (5 days) = 1 − 0.883401 = 0.116599.
    // Week 12 ends at 118.5: S = 0.018891, so 13 weeks hold 1 − 0.018891 / 0.272231 = 0.930606.
    const p = weekProbabilities({ today, dueDate: "2026-01-03", expectedPaymentDate: "2026-02-02", pLate: 1, weeks: 13 });
    expect(p[0]).toBeCloseTo(0.116599, 5);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(0.930606, 5);
    // From week 1 on (whole weeks), each week is less likely than the one before: the tail of the logistic.
    expect(p[1]).toBeGreaterThan(p[0]);
    for (let w = 2; w < 13; w++) expect(p[w]).toBeLessThan(p[w - 1]);
  });

  it("leaves what falls after the horizon unpaid, and stays finite far in the tails", () => {
    const far = weekProbabilities({ today, dueDate: "2026-09-30", expectedPaymentDate: "2026-09-30", pLate: 0, weeks: 13 });
    expect(far.reduce((a, b) => a + b, 0)).toBeLessThan(1e-6);
    // Expected 3 000 days ago with a 5-day scale would underflow a naive CDF; it is all paid within days of today.
    const old = weekProbabilities({ today, dueDate: "2026-03-20", expectedPaymentDate: "2018-01-01", pLate: 0, weeks: 13 });
    expect(old.every(Number.isFinite)).toBe(true);
    expect(old.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});

describe("weekMoments and interval80", () => {
  it("gives open × p and open² × p × (1 − p), and an 80 % band never below zero", () => {
    expect(weekMoments(1000, 0.25)).toEqual({ expected: 250, variance: 187_500 });
    // √187 500 = 433.0127; × 1.2816 = 554.949.
    const band = interval80(250, 187_500);
    expect(band.low).toBe(0);
    expect(band.high).toBeCloseTo(804.949, 3);
    const wide = interval80(10_000, 1_000_000);
    expect(wide.low).toBeCloseTo(8_718.4, 6);
    expect(wide.high).toBeCloseTo(11_281.6, 6);
  });
});
