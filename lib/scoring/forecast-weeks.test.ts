import { describe, expect, it } from "vitest";
import { forecastHref, forecastTotal, withCumulative } from "./forecast-weeks";

describe("forecast weeks", () => {
  const weeks = [
    { weekStart: "2026-03-02", expected: 1436.17 },
    { weekStart: "2026-03-09", expected: 2102.83 },
    { weekStart: "2026-03-16", expected: 0 },
  ];

  it("adds the weeks up, week by week and in total", () => {
    expect(withCumulative(weeks).map((w) => w.cumulative)).toEqual([1436.17, 3539, 3539]);
    expect(forecastTotal(weeks)).toBe(3539);
    expect(forecastTotal([])).toBe(0);
  });

  it("links to the table page, narrowed to a société when one is chosen", () => {
    expect(forecastHref()).toBe("/previsions");
    expect(forecastHref("5f0c1a52-1111-4222-8333-444455556666")).toBe("/previsions?societe=5f0c1a52-1111-4222-8333-444455556666");
  });
});
