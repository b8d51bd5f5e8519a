import { describe, expect, it } from "vitest";
import { letterDateLine } from "./letter-date";

describe("letterDateLine", () => {
  it("writes the place and the date in words, the first of the month as « 1er »", () => {
    expect(letterDateLine("Lyon", "2026-11-25")).toBe("Lyon, le 25 novembre 2026");
    expect(letterDateLine(" Paris ", "2026-12-01")).toBe("Paris, le 1er décembre 2026");
    expect(letterDateLine("Lille", "2027-08-09")).toBe("Lille, le 9 août 2027");
  });

  it("starts with « Le » when no city is set", () => {
    expect(letterDateLine("", "2026-02-03")).toBe("Le 3 février 2026");
    expect(letterDateLine(null, "2026-02-03")).toBe("Le 3 février 2026");
  });
});
