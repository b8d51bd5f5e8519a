import { describe, expect, it } from "vitest";
import { auc, bias, brier, calibrationByDecile, mape, meanAbsoluteError } from "./metrics";

describe("AUC", () => {
  it("counts the (late, on-time) pairs ranked right", () => {
    // Late 0.35 beats 0.1 but not 0.4; late 0.8 beats both: 3 of 4 pairs.
    expect(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
  });

  it("counts a tie as half a pair", () => {
    // Late 0.5 ties on-time 0.5 (½) and beats 0.2; late 0.9 beats both: 3.5 of 4.
    expect(auc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBeCloseTo(0.875, 12);
    expect(auc([1, 0, 1, 0, 0], [0.3, 0.3, 0.3, 0.3, 0.3])).toBeCloseTo(0.5, 12);
  });

  it("is 1 for a perfect ranking, 0 for a reversed one, undefined with a single class", () => {
    expect(auc([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8])).toBe(1);
    expect(auc([0, 1, 0, 1], [0.9, 0.1, 0.8, 0.2])).toBe(0);
    expect(auc([1, 1], [0.2, 0.7])).toBeNaN();
  });
});

describe("Brier score", () => {
  it("averages the squared gap between probability and outcome", () => {
    // (0.1² + 0.4² + 0.65² + 0.2²) / 4 = (0.01 + 0.16 + 0.4225 + 0.04) / 4
    expect(brier([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.158125, 12);
    // Always answering the base rate 0.25 on one late out of four: (3 × 0.0625 + 0.5625) / 4
    expect(brier([0, 0, 0, 1], [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0.1875, 12);
    expect(brier([], [])).toBeNaN();
  });
});

describe("calibration by decile", () => {
  it("cuts 20 predictions into ten pairs by probability, whatever their order", () => {
    // Decile d holds d/10 − 0.08 and d/10 − 0.02 (mean d/10 − 0.05); late: none in 1–3, one in 4–8, both in 9–10.
    const points: { p: number; late: number }[] = [];
    for (let d = 1; d <= 10; d++) {
      const lates = d <= 3 ? 0 : d <= 8 ? 1 : 2;
      points.push({ p: d / 10 - 0.08, late: lates >= 1 ? 1 : 0 }, { p: d / 10 - 0.02, late: lates === 2 ? 1 : 0 });
    }
    const shuffled = [7, 14, 0, 19, 3, 11, 5, 16, 9, 1, 12, 18, 6, 2, 15, 8, 13, 4, 17, 10].map((i) => points[i]);
    const rows = calibrationByDecile(
      shuffled.map((x) => x.late),
      shuffled.map((x) => x.p),
    );
    expect(rows.map((r) => r.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.every((r) => r.n === 2)).toBe(true);
    rows.forEach((r) => expect(r.meanPredicted).toBeCloseTo(r.decile / 10 - 0.05, 12));
    expect(rows.map((r) => r.observedRate)).toEqual([0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1]);
  });

  it("leaves out the empty deciles when there are fewer than ten predictions", () => {
    const rows = calibrationByDecile([0, 1, 1, 0, 1], [0.1, 0.9, 0.6, 0.3, 0.2]);
    expect(rows).toEqual([
      { decile: 1, n: 1, meanPredicted: 0.1, observedRate: 0 },
      { decile: 3, n: 1, meanPredicted: 0.2, observedRate: 1 },
      { decile: 5, n: 1, meanPredicted: 0.3, observedRate: 0 },
      { decile: 7, n: 1, meanPredicted: 0.6, observedRate: 1 },
      { decile: 9, n: 1, meanPredicted: 0.9, observedRate: 1 },
    ]);
  });
});

describe("errors of amounts and dates", () => {
  it("averages absolute errors", () => {
    expect(meanAbsoluteError([10, 0, -5], [7, 2, -5])).toBeCloseTo(5 / 3, 12);
  });

  it("MAPE skips the periods where nothing came in", () => {
    // |110−100|/100 = 0.10, week 2 skipped, |150−200|/200 = 0.25, 0: (0.10 + 0.25 + 0) / 3
    expect(mape([100, 0, 200, 50], [110, 30, 150, 50])).toBeCloseTo(0.35 / 3, 12);
    expect(mape([0, 0], [5, 5])).toBeNaN();
  });

  it("bias is the relative gap of the totals, positive when the forecast overshoots", () => {
    expect(bias([100, 0, 200, 50], [110, 30, 150, 50])).toBeCloseTo(-10 / 350, 12);
    expect(bias([100, 100], [150, 90])).toBeCloseTo(0.2, 12);
  });
});
