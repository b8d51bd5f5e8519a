import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/format/fr";
import { toWinAnsi } from "./win-ansi";

describe("toWinAnsi", () => {
  it("turns Intl's narrow no-break spaces into no-break spaces", () => {
    expect(toWinAnsi(formatMoney("1234.56"))).toBe("1\u00a0234,56\u00a0€");
    expect(toWinAnsi("Objet\u202f: relance\u2009!")).toBe("Objet\u00a0: relance\u00a0!");
  });

  it("keeps French letters, typographic quotes, dashes and the euro sign", () => {
    const text = "Œuvre « déjà » réglée – l’échéance … 40 € — Ÿ ç à ù";
    expect(toWinAnsi(text)).toBe(text);
    expect(toWinAnsi("e\u0301te\u0301")).toBe("été");
  });

  it("replaces what the standard fonts cannot print", () => {
    expect(toWinAnsi("Łódź ő ę")).toBe("?ódz o e");
    expect(toWinAnsi("a\u200bb\u2212c\td")).toBe("ab-c d");
    expect(toWinAnsi("漢字 ✓")).toBe("?? ?");
  });
});
