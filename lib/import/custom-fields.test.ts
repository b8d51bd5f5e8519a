import { describe, expect, it } from "vitest";
import { customFieldKey, customFieldOf, defaultCustomFieldKey, parseCustomValue } from "./custom-fields";
import { fieldForKey } from "./fields";

describe("custom field keys", () => {
  it("name the field after the header, trimmed, line breaks and repeated spaces made one space", () => {
    expect(defaultCustomFieldKey("  Secteur\nd'activité  ", 4)).toBe("custom:Secteur d'activité");
    expect(defaultCustomFieldKey("   ", 4)).toBe("custom:Colonne 5");
    expect(customFieldKey(" Agence ")).toBe("custom:Agence");
  });

  it("are told apart from standard fields", () => {
    expect(customFieldOf("custom:Agence")).toBe("Agence");
    expect(customFieldOf("city")).toBeNull();
    expect(fieldForKey("clients", "custom:Agence")).toMatchObject({ label: "Champ personnalisé « Agence »", type: "custom" });
    expect(fieldForKey("clients", "city")).toMatchObject({ label: "Ville" });
    expect(fieldForKey("documents", "custom:Agence")).toBeUndefined();
  });
});

describe("parseCustomValue", () => {
  it("keeps the text as written, trimmed, and nothing for an empty cell", () => {
    expect(parseCustomValue("  BTP ")).toEqual({ ok: true, value: "BTP" });
    expect(parseCustomValue(1234.5)).toEqual({ ok: true, value: "1234.5" });
    expect(parseCustomValue("00123")).toEqual({ ok: true, value: "00123" });
    expect(parseCustomValue("=SOMME(A1:A2)")).toEqual({ ok: true, value: "=SOMME(A1:A2)" });
    expect(parseCustomValue("  ")).toEqual({ ok: true, value: null });
    expect(parseCustomValue(undefined)).toEqual({ ok: true, value: null });
  });

  it("counts characters, not UTF-16 units, against the 200 limit", () => {
    expect(parseCustomValue("🚚".repeat(200))).toEqual({ ok: true, value: "🚚".repeat(200) });
    expect(parseCustomValue("é".repeat(201))).toEqual({ ok: false, reason: "Valeur trop longue : 200 caractères au maximum (201 reçus)." });
  });
});
