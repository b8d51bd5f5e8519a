import { describe, expect, it } from "vitest";
import { formatPoints, priorityWeightsSchema } from "./worklist-priority";
import { toWorklistSort } from "./worklist-sort";

describe("worklist priority settings", () => {
  it("defaults to 1 point per 1 000 €, 1 per day late, 10 per broken promise and 1 per 1 000 € expected late", () => {
    expect(priorityWeightsSchema.parse(undefined)).toEqual({ amount: 1, daysLate: 1, brokenPromises: 10, risk: 1 });
  });

  it("reads weights saved before the risk factor with its default weight", () => {
    expect(priorityWeightsSchema.parse({ amount: 2, daysLate: 0, brokenPromises: 5 })).toEqual({ amount: 2, daysLate: 0, brokenPromises: 5, risk: 1 });
  });

  it("refuses negative weights and more than two decimals", () => {
    expect(priorityWeightsSchema.safeParse({ amount: -1, daysLate: 1, brokenPromises: 1 }).success).toBe(false);
    expect(priorityWeightsSchema.safeParse({ amount: 0.125, daysLate: 1, brokenPromises: 1 }).success).toBe(false);
    expect(priorityWeightsSchema.safeParse({ amount: 0.05, daysLate: 0, brokenPromises: 1000 }).success).toBe(true);
  });

  it("writes points the French way", () => {
    expect(formatPoints("62.30")).toBe("62,3");
    expect(formatPoints("15.0")).toBe("15");
    expect(formatPoints(1234.5)).toBe("1\u202f234,5");
  });

  it("sorts by priority unless a column is chosen; figures largest first, text in order", () => {
    expect(toWorklistSort({})).toEqual({ key: "priority", order: "desc" });
    expect(toWorklistSort({ sort: "client" })).toEqual({ key: "client", order: "asc" });
    expect(toWorklistSort({ sort: "reminders" })).toEqual({ key: "reminders", order: "desc" });
    expect(toWorklistSort({ sort: "amount", order: "asc" })).toEqual({ key: "amount", order: "asc" });
  });
});
