import { describe, expect, it } from "vitest";
import { cei, dbt, recoveryRate } from "./ratios";

describe("dbt", () => {
  it("weights days past due by open amounts of overdue documents only", () => {
    // (400 × 10 + 200 × 30) / (400 + 200) = 10 000 / 600 = 16.67; the not-yet-due 1 000 is left out.
    const docs = [
      { open: "400.00", daysPastDue: 10 },
      { open: "200.00", daysPastDue: 30 },
      { open: "1000.00", daysPastDue: -5 },
      { open: "300.00", daysPastDue: 0 },
    ];
    expect(dbt(docs)).toBeCloseTo(10_000 / 600, 10);
  });

  it("is null when nothing is overdue", () => {
    expect(dbt([{ open: "100.00", daysPastDue: 0 }])).toBeNull();
    expect(dbt([])).toBeNull();
  });
});

describe("cei", () => {
  it("compares what was collected with what could have been", () => {
    // Opening 10 000 + sales 5 000 = 15 000 available. Numerator 15 000 − closing 9 000 = 6 000;
    // denominator 15 000 − closing non échu 7 000 = 8 000 → 6 000 / 8 000 × 100 = 75.
    expect(cei({ openingReceivables: "10000.00", sales: "5000.00", closingReceivables: "9000.00", closingNotDue: "7000.00" })).toBeCloseTo(75, 10);
  });

  it("is 100 when all that fell due was collected, null when nothing could be", () => {
    // Closing encours = closing non échu = 4 000: (14 000 − 4 000) / (14 000 − 4 000) = 100 %.
    expect(cei({ openingReceivables: "10000.00", sales: "4000.00", closingReceivables: "4000.00", closingNotDue: "4000.00" })).toBe(100);
    expect(cei({ openingReceivables: "0", sales: "0", closingReceivables: "0", closingNotDue: "0" })).toBeNull();
  });
});

describe("recoveryRate", () => {
  it("divides what was settled by what fell due", () => {
    // 1 500 settled of 2 000 due = 0.75.
    expect(recoveryRate({ due: "2000.00", settled: "1500.00" })).toBe(0.75);
    expect(recoveryRate({ due: "0", settled: "0" })).toBeNull();
  });
});
