import { describe, expect, it } from "vitest";
import { agingBucketLabel, agingBucketLabels, parseOption } from "./options";

describe("aging buckets", () => {
  it("labels the buckets of the limits", () => {
    expect(agingBucketLabels([30, 60, 90, 120])).toEqual(["1–30 j", "31–60 j", "61–90 j", "91–120 j", "> 120 j"]);
  });

  it("puts a document in its bucket by days past due, limits included in the lower bucket", () => {
    const limits = [30, 60, 90, 120];
    expect(agingBucketLabel(0, limits)).toBe("Non échu");
    expect(agingBucketLabel(1, limits)).toBe("1–30 j");
    expect(agingBucketLabel(30, limits)).toBe("1–30 j");
    expect(agingBucketLabel(31, limits)).toBe("31–60 j");
    expect(agingBucketLabel(120, limits)).toBe("91–120 j");
    expect(agingBucketLabel(121, limits)).toBe("> 120 j");
    expect(agingBucketLabel(45, [15, 45])).toBe("16–45 j");
  });
});

describe("late-payment rate option", () => {
  it("defaults to ECB refinancing rate + 10 points and refuses what is not a percentage", () => {
    expect(parseOption("latePaymentRatePercent", undefined)).toBe("12.15");
    expect(parseOption("latePaymentRatePercent", "10.9")).toBe("10.9");
    expect(() => parseOption("latePaymentRatePercent", "12,15")).toThrow("Taux invalide");
    expect(() => parseOption("latePaymentRatePercent", 12.15)).toThrow();
  });
});
