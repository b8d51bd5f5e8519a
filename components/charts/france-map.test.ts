import { describe, expect, it } from "vitest";
import { departmentName, normalizeDepartment } from "./france-map";

describe("départements of the map", () => {
  it("spells codes as the map does", () => {
    expect(normalizeDepartment("1")).toBe("01");
    expect(normalizeDepartment(" 2a ")).toBe("2A");
    expect(normalizeDepartment("75")).toBe("75");
    expect(normalizeDepartment("974")).toBe("974");
  });

  it("names metropolitan and overseas départements, and keeps an unknown code as it is", () => {
    expect(departmentName("69")).toBe("Rhône");
    expect(departmentName("2b")).toBe("Haute-Corse");
    expect(departmentName("974")).toBe("La Réunion");
    expect(departmentName("99")).toBe("99");
  });
});
