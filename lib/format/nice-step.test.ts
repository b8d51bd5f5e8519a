import { describe, expect, it } from "vitest";
import { niceStep } from "./nice-step";

describe("round legend steps", () => {
  it("takes the smallest round step whose multiples cover the largest value", () => {
    // 2 345 678 / 5 = 469 135,6 → 500 000: limits 0, 500 k, 1 M, 1,5 M, 2 M, 2,5 M.
    expect(niceStep(2_345_678, 5)).toBe(500_000);
    // 1 010 000 / 5 = 202 000 → 250 000.
    expect(niceStep(1_010_000, 5)).toBe(250_000);
    // 5 050 / 5 = 1 010 → 1 200.
    expect(niceStep(5_050, 5)).toBe(1_200);
    // 700 / 5 = 140 → 150.
    expect(niceStep(700, 5)).toBe(150);
  });

  it("keeps a value that is already round", () => {
    expect(niceStep(1_000_000, 5)).toBe(200_000);
    expect(niceStep(30, 5)).toBe(6);
  });

  it("works below one euro and says zero when there is nothing to share out", () => {
    expect(niceStep(1.4, 5)).toBe(0.3);
    expect(niceStep(0, 5)).toBe(0);
    expect(niceStep(-10, 5)).toBe(0);
  });
});
