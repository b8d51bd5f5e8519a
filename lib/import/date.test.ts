import { describe, expect, it } from "vitest";
import { addDaysToDate, detectDateOrder, excelSerialToDate, parseDate } from "./date";

const value = (raw: unknown, order: "dmy" | "mdy" = "dmy") => {
  const result = parseDate(raw, order);
  if (!result.ok) throw new Error(`${String(raw)}: ${result.reason}`);
  return result.value;
};
const reason = (raw: unknown, order: "dmy" | "mdy" = "dmy") => {
  const result = parseDate(raw, order);
  return result.ok ? null : result.reason;
};

describe("parseDate", () => {
  it("reads day-first dates with slashes, dashes and dots", () => {
    expect(value("23/11/2026")).toBe("2026-11-23");
    expect(value("23-11-2026")).toBe("2026-11-23");
    expect(value("23.11.2026")).toBe("2026-11-23");
    expect(value(" 05/01/2026 ")).toBe("2026-01-05");
  });

  it("reads short days, months and two-digit years with a pivot at 70", () => {
    expect(value("5/1/26")).toBe("2026-01-05");
    expect(value("31/12/69")).toBe("2069-12-31");
    expect(value("1/1/70")).toBe("1970-01-01");
    expect(value("1/1/99")).toBe("1999-01-01");
  });

  it("reads month-first dates when asked", () => {
    expect(value("1/26/2013", "mdy")).toBe("2013-01-26");
    expect(value("11/23/26", "mdy")).toBe("2026-11-23");
  });

  it("reads ISO dates, FEC dates and ISO datetimes", () => {
    expect(value("2026-11-23")).toBe("2026-11-23");
    expect(value("2026/1/5")).toBe("2026-01-05");
    expect(value("20261123")).toBe("2026-11-23");
    expect(value("2026-11-23T00:00:00")).toBe("2026-11-23");
    expect(value("2026-11-23T14:30:00.000+01:00")).toBe("2026-11-23");
    expect(value("2026-11-23 00:00:00")).toBe("2026-11-23");
    expect(value("23/11/2026 14:30")).toBe("2026-11-23");
  });

  it("reads compact day-first dates", () => {
    expect(value("23112026")).toBe("2026-11-23");
    expect(value("20122026")).toBe("2026-12-20");
    expect(value("231126")).toBe("2026-11-23");
  });

  it("reads French and English month names", () => {
    expect(value("23 nov. 2026")).toBe("2026-11-23");
    expect(value("1 février 2026")).toBe("2026-02-01");
    expect(value("15-Aug-26")).toBe("2026-08-15");
    expect(value("3 juil 2026")).toBe("2026-07-03");
    expect(value("Nov 23, 2026")).toBe("2026-11-23");
  });

  it("reads Excel serials of the 1900 system, around the fictitious 29/02/1900", () => {
    expect(value(45000)).toBe("2023-03-15");
    expect(value(46349)).toBe("2026-11-23");
    expect(value(1)).toBe("1900-01-01");
    expect(value(59)).toBe("1900-02-28");
    expect(value(61)).toBe("1900-03-01");
    expect(value(45000.75)).toBe("2023-03-15");
    expect(reason(60)).toBe("Date inexistante : le 29/02/1900 d'Excel.");
    expect(reason(0)).toBe("Date hors limites (années 1900 à 2199).");
    expect(excelSerialToDate(25569)).toBe("1970-01-01");
    expect(excelSerialToDate(60)).toBeNull();
  });

  it("reads text and serials mixed in one column", () => {
    const column = [45000, "23/11/2026", "45001", new Date(Date.UTC(2026, 0, 31)), 20261123];
    expect(column.map((cell) => value(cell))).toEqual(["2023-03-15", "2026-11-23", "2023-03-16", "2026-01-31", "2026-11-23"]);
  });

  it("takes the UTC calendar date of Date objects", () => {
    expect(value(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(value(new Date("2026-11-23T23:59:59Z"))).toBe("2026-11-23");
    expect(reason(new Date("invalid"))).toBe("Date non reconnue (formats acceptés : jj/mm/aaaa, aaaa-mm-jj, aaaammjj).");
  });

  it("treats empty cells as no value", () => {
    expect(value("")).toBeNull();
    expect(value("  ")).toBeNull();
    expect(value(null)).toBeNull();
  });

  it("rejects impossible dates and anything else", () => {
    expect(reason("31/02/2026")).toBe("Date inexistante.");
    expect(reason("29/02/2025")).toBe("Date inexistante.");
    expect(value("29/02/2024")).toBe("2024-02-29");
    expect(reason("2026-13-01")).toBe("Date inexistante.");
    expect(reason("20260230")).toBe("Date inexistante.");
    expect(reason("23/11/2026", "mdy")).toBe("Date inexistante.");
    expect(reason("hier")).toBe("Date non reconnue (formats acceptés : jj/mm/aaaa, aaaa-mm-jj, aaaammjj).");
    expect(reason("23/11")).toBe("Date non reconnue (formats acceptés : jj/mm/aaaa, aaaa-mm-jj, aaaammjj).");
    expect(reason("23/11/2026 abc")).toBe("Date non reconnue (formats acceptés : jj/mm/aaaa, aaaa-mm-jj, aaaammjj).");
    expect(reason("1/2/3/4")).toBe("Date non reconnue (formats acceptés : jj/mm/aaaa, aaaa-mm-jj, aaaammjj).");
    expect(reason("01/01/1850")).toBe("Date hors limites (années 1900 à 2199).");
    expect(reason(true)).toBe("Date non reconnue (formats acceptés : jj/mm/aaaa, aaaa-mm-jj, aaaammjj).");
  });
});

describe("detectDateOrder", () => {
  it("is day-first by default and on ambiguous samples", () => {
    expect(detectDateOrder([])).toBe("dmy");
    expect(detectDateOrder(["01/02/2026", "05/06/2026"])).toBe("dmy");
    expect(detectDateOrder(["26/1/2013", "1/2/2013"])).toBe("dmy");
  });

  it("is month-first when a value proves it", () => {
    expect(detectDateOrder(["1/2/2013", "1/26/2013", 45000, null])).toBe("mdy");
  });

  it("stays day-first when samples contradict each other", () => {
    expect(detectDateOrder(["1/26/2013", "26/1/2013"])).toBe("dmy");
  });

  it("ignores ISO dates", () => {
    expect(detectDateOrder(["2013-01-26"])).toBe("dmy");
  });
});

describe("addDaysToDate", () => {
  it("crosses months, leap days and years", () => {
    expect(addDaysToDate("2026-11-23", 30)).toBe("2026-12-23");
    expect(addDaysToDate("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysToDate("2026-03-01", -1)).toBe("2026-02-28");
  });
});
