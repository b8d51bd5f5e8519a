import { describe, expect, it } from "vitest";
import { featureNames, CLIENT_LATE_RATE, KNOWN_COUNT, MEAN_DAYS_LATE } from "./features";
import { auc } from "./metrics";
import { baselineProbability, predictDelay, predictLate, rulesProbability, trainDelay, trainLogistic } from "./model";

const p = featureNames.length;
let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const row = (values: Partial<Record<number, number>>) => Array.from({ length: p }, (_, j) => values[j] ?? random() * 0.01);

describe("trainLogistic", () => {
  it("ranks separable invoices perfectly and gives a feature without signal a coefficient near zero", () => {
    seed = 7;
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const late = (i % 2) as 0 | 1;
      // The late rate separates the classes; the mean days late is noise drawn the same way for both.
      return { late, x: row({ [CLIENT_LATE_RATE]: late ? 0.6 + 0.4 * random() : 0.4 * random(), [MEAN_DAYS_LATE]: 30 * random() }) };
    });
    const model = trainLogistic(rows);
    const probs = rows.map((r) => predictLate(model, r.x));
    expect(auc(rows.map((r) => r.late), probs)).toBe(1);
    expect(model.features[CLIENT_LATE_RATE].coefficient).toBeGreaterThan(2);
    expect(Math.abs(model.features[MEAN_DAYS_LATE].coefficient)).toBeLessThan(0.15);
  });

  it("learns a base rate: with no feature signal, every invoice gets about the share of late ones", () => {
    seed = 11;
    const rows = Array.from({ length: 1000 }, (_, i) => ({ late: (i % 4 === 0 ? 1 : 0) as 0 | 1, x: row({}) }));
    const model = trainLogistic(rows);
    expect(predictLate(model, rows[0].x)).toBeCloseTo(0.25, 1);
  });
});

describe("trainDelay", () => {
  it("fits days late as a line of the features", () => {
    seed = 3;
    const rows = Array.from({ length: 500 }, () => {
      const x = row({ [MEAN_DAYS_LATE]: 60 * random() });
      return { x, daysLate: 5 + 0.5 * x[MEAN_DAYS_LATE] };
    });
    const model = trainDelay(rows);
    expect(predictDelay(model, row({ [MEAN_DAYS_LATE]: 40 }))).toBeCloseTo(25, 0);
    // Never negative, even where the line is.
    expect(predictDelay(model, row({ [MEAN_DAYS_LATE]: -100 }))).toBe(0);
  });
});

describe("fallbacks", () => {
  it("rules: a 50 % late rate alone is an even chance; a higher rate is riskier", () => {
    const x = new Array(p).fill(0);
    x[CLIENT_LATE_RATE] = 0.5;
    expect(rulesProbability(x)).toBeCloseTo(0.5, 6);
    x[CLIENT_LATE_RATE] = 1;
    // logit = −2.2 + 4.4 = 2.2 → 0.900
    expect(rulesProbability(x)).toBeCloseTo(0.9002, 3);
  });

  it("baseline: the client's rate smoothed by two invoices at the base rate", () => {
    const x = new Array(p).fill(0);
    x[CLIENT_LATE_RATE] = 1;
    x[KNOWN_COUNT] = Math.log1p(2);
    // (2 × 1 + 2 × 0.3) / 4 = 0.65
    expect(baselineProbability(x, 0.3)).toBeCloseTo(0.65, 9);
    x[KNOWN_COUNT] = 0;
    expect(baselineProbability(x, 0.3)).toBeCloseTo(0.3, 9);
  });
});
