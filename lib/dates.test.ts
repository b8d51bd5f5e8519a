import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isCalendarDate, today } from "./dates";

describe("business dates", () => {
  it("takes today in the company time zone, not UTC", () => {
    // 23:30 UTC on 23 November is already 24 November in Paris.
    expect(today("Europe/Paris", new Date("2026-11-23T23:30:00Z"))).toBe("2026-11-24");
    expect(today("UTC", new Date("2026-11-23T23:30:00Z"))).toBe("2026-11-23");
  });

  it("adds days across months and leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("counts days between dates across a DST change", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-23", "2026-11-01")).toBe(-22);
  });
});

describe("isCalendarDate", () => {
  it("takes real days written yyyy-mm-dd only", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-13-01")).toBe(false);
    expect(isCalendarDate("31/05/2025")).toBe(false);
    expect(isCalendarDate(["2025-05-31"])).toBe(false);
  });
});
