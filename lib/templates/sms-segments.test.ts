import { describe, expect, it } from "vitest";
import { smsEncoding, smsSegments } from "./sms-segments";

describe("smsEncoding", () => {
  it("keeps GSM-7 for the French letters of the basic set", () => {
    expect(smsEncoding("é è ù ì ò à É Ç")).toBe("GSM-7");
    expect(smsEncoding("Réglez votre échéance à réception")).toBe("GSM-7");
  });

  it("switches to UCS-2 for ç, circumflexes, œ, guillemets and no-break spaces", () => {
    for (const text of ["ç", "ê", "â", "î", "ô", "û", "ë", "œ", "« »", "1\u202f234", "12\u00a0€"]) {
      expect(smsEncoding(text), text).toBe("UCS-2");
    }
  });

  it("keeps GSM-7 for the extension table", () => {
    expect(smsEncoding("€ [ ] { } \\ ^ ~ |")).toBe("GSM-7");
  });
});

describe("smsSegments", () => {
  it("counts nothing for an empty text", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", length: 0, segments: 0 });
  });

  it("fits 160 GSM-7 characters in one SMS and splits by 153 beyond", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", length: 160, segments: 1 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", length: 161, segments: 2 });
    expect(smsSegments("a".repeat(306))).toEqual({ encoding: "GSM-7", length: 306, segments: 2 });
    expect(smsSegments("a".repeat(307))).toEqual({ encoding: "GSM-7", length: 307, segments: 3 });
  });

  it("counts the euro sign as two septets and never splits it", () => {
    // 159 letters + € = 161 septets: two parts.
    expect(smsSegments(`${"a".repeat(159)}€`)).toEqual({ encoding: "GSM-7", length: 161, segments: 2 });
    expect(smsSegments(`${"a".repeat(158)}€`)).toEqual({ encoding: "GSM-7", length: 160, segments: 1 });
    // 152 letters + € (septets 153-154) + 152 letters = 306 septets, but the € moves to part 2: 154 + 152 → 3 parts.
    expect(smsSegments(`${"a".repeat(152)}€${"a".repeat(152)}`)).toEqual({
      encoding: "GSM-7",
      length: 306,
      segments: 3,
    });
  });

  it("fits 70 UCS-2 characters in one SMS and splits by 67 beyond", () => {
    expect(smsSegments("ç".repeat(70))).toEqual({ encoding: "UCS-2", length: 70, segments: 1 });
    expect(smsSegments(`ç${"a".repeat(70)}`)).toEqual({ encoding: "UCS-2", length: 71, segments: 2 });
    expect(smsSegments("ê".repeat(134))).toEqual({ encoding: "UCS-2", length: 134, segments: 2 });
    expect(smsSegments("ê".repeat(135))).toEqual({ encoding: "UCS-2", length: 135, segments: 3 });
  });

  it("counts an emoji as two UTF-16 units", () => {
    expect(smsSegments("Merci 🙂")).toEqual({ encoding: "UCS-2", length: 8, segments: 1 });
  });
});
