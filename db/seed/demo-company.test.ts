import { describe, expect, it } from "vitest";
import { isValidIban } from "@/lib/settings/iban";
import { parseOption } from "@/lib/settings/options";
import { isLuhnValid } from "@/lib/siren";
import { demoCompany } from "./demo-company";

describe("demo company", () => {
  it("is a valid company option with a valid IBAN and SIREN", () => {
    expect(parseOption("company", demoCompany)).toEqual(demoCompany);
    expect(isValidIban(demoCompany.iban)).toBe(true);
    const siren = /RCS Lyon ([\d ]+) –/.exec(demoCompany.legalMentions)?.[1].replace(/ /g, "");
    expect(isLuhnValid(siren ?? "")).toBe(true);
  });
});
