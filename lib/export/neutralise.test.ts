import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "./neutralise";

describe("formula neutralisation", () => {
  it("prefixes every formula trigger and leaves other text alone", () => {
    expect(neutraliseFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutraliseFormula("+33 1 23")).toBe("'+33 1 23");
    expect(neutraliseFormula("-150,00")).toBe("'-150,00");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\t=1")).toBe("'\t=1");
    expect(neutraliseFormula("Client inconnu")).toBe("Client inconnu");
    expect(neutraliseFormula("")).toBe("");
  });
});
