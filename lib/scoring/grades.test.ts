import { describe, expect, it } from "vitest";
import { gradeOf } from "./grades";

describe("gradeOf", () => {
  it("gives each probability its letter, a bound belonging to the riskier letter", () => {
    expect([0, 0.149, 0.15, 0.299, 0.3, 0.49, 0.5, 0.69, 0.7, 1].map(gradeOf)).toEqual(["A", "A", "B", "B", "C", "C", "D", "D", "E", "E"]);
  });
});
