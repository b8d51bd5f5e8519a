import { describe, expect, it } from "vitest";
import { requireValue } from "./result";
import {
  cellText,
  parseCode,
  parseCountry,
  parseCurrency,
  parseEmail,
  parseInteger,
  parsePaymentTerms,
  parsePostalCode,
  parseSiren,
  parseSiret,
  parseText,
} from "./values";

describe("cellText", () => {
  it("trims, keeps integers without a decimal part and unwraps Excel text formulas", () => {
    expect(cellText("  Dupont SA  ")).toBe("Dupont SA");
    expect(cellText(123)).toBe("123");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText('="00123"')).toBe("00123");
    expect(cellText(new Date(Date.UTC(2026, 10, 23)))).toBe("2026-11-23");
    expect(cellText("\u00a0")).toBeNull();
    expect(cellText(undefined)).toBeNull();
  });
});

describe("parseCode", () => {
  it("keeps leading zeros and inner spaces, trims the ends", () => {
    expect(parseCode("  00042 ")).toEqual({ ok: true, value: "00042" });
    expect(parseCode("CL 001")).toEqual({ ok: true, value: "CL 001" });
  });

  it("writes numbers from spreadsheets as integers without .0", () => {
    expect(parseCode(411001)).toEqual({ ok: true, value: "411001" });
    expect(parseCode(4.11e5)).toEqual({ ok: true, value: "411000" });
  });

  it("gives null for empty cells, and a reason once required", () => {
    expect(parseCode("")).toEqual({ ok: true, value: null });
    expect(requireValue(parseCode(" "))).toEqual({ ok: false, reason: "Valeur obligatoire manquante." });
    expect(requireValue(parseCode("A1"))).toEqual({ ok: true, value: "A1" });
  });
});

describe("parseText", () => {
  it("trims and keeps the inside as written", () => {
    expect(parseText("  Société  Générale ")).toEqual({ ok: true, value: "Société  Générale" });
  });
});

describe("parseInteger and parsePaymentTerms", () => {
  it("reads integers written as numbers or text", () => {
    expect(parseInteger(30)).toEqual({ ok: true, value: 30 });
    expect(parseInteger(" 1 000 ")).toEqual({ ok: true, value: 1000 });
    expect(parseInteger("45,00")).toEqual({ ok: true, value: 45 });
    expect(parseInteger("-3")).toEqual({ ok: true, value: -3 });
    expect(parseInteger("")).toEqual({ ok: true, value: null });
    expect(parseInteger("30,5")).toEqual({ ok: false, reason: "Nombre entier attendu." });
    expect(parseInteger("trente")).toEqual({ ok: false, reason: "Nombre entier attendu." });
  });

  it("reads payment terms as ERPs write them", () => {
    expect(parsePaymentTerms("30")).toEqual({ ok: true, value: 30 });
    expect(parsePaymentTerms(45)).toEqual({ ok: true, value: 45 });
    expect(parsePaymentTerms("45 j")).toEqual({ ok: true, value: 45 });
    expect(parsePaymentTerms("60 jours fin de mois")).toEqual({ ok: true, value: 60 });
    expect(parsePaymentTerms("30 days")).toEqual({ ok: true, value: 30 });
    expect(parsePaymentTerms("Comptant")).toEqual({ ok: true, value: 0 });
    expect(parsePaymentTerms("À réception")).toEqual({ ok: true, value: 0 });
    expect(parsePaymentTerms("LCR")).toEqual({ ok: false, reason: "Délai de paiement non reconnu (nombre de jours attendu)." });
  });
});

describe("parseSiren and parseSiret", () => {
  it("accepts a valid SIREN written with spaces or as a number", () => {
    expect(parseSiren("404 833 048")).toEqual({ ok: true, value: "404833048" });
    expect(parseSiren("552\u00a0100\u00a0554")).toEqual({ ok: true, value: "552100554" });
    expect(parseSiren(552100554)).toEqual({ ok: true, value: "552100554" });
    expect(parseSiren("")).toEqual({ ok: true, value: null });
  });

  it("rejects a wrong key or a wrong length", () => {
    expect(parseSiren("404833049")).toEqual({ ok: false, reason: "SIREN invalide (clé de contrôle)." });
    expect(parseSiren("40483304")).toEqual({ ok: false, reason: "SIREN invalide : 9 chiffres attendus." });
    expect(parseSiren("40483304800014")).toEqual({ ok: false, reason: "SIREN invalide : 9 chiffres attendus." });
    expect(parseSiren("4048330AB")).toEqual({ ok: false, reason: "SIREN invalide : 9 chiffres attendus." });
  });

  it("checks SIRETs, with La Poste's exception", () => {
    expect(parseSiret("404 833 048 00014")).toEqual({ ok: true, value: "40483304800014" });
    expect(parseSiret("40483304800015")).toEqual({ ok: false, reason: "SIRET invalide (clé de contrôle)." });
    expect(parseSiret("35600000010000")).toEqual({ ok: true, value: "35600000010000" });
    expect(parseSiret("404833048")).toEqual({ ok: false, reason: "SIRET invalide : 14 chiffres attendus." });
  });
});

describe("other values", () => {
  it("checks e-mail addresses", () => {
    expect(parseEmail(" Compta@Dupont.FR ")).toEqual({ ok: true, value: "compta@dupont.fr" });
    expect(parseEmail("mailto:a@b.fr")).toEqual({ ok: true, value: "a@b.fr" });
    expect(parseEmail("compta@dupont")).toEqual({ ok: false, reason: "Adresse e-mail invalide." });
    expect(parseEmail("a@b.fr; c@d.fr")).toEqual({ ok: false, reason: "Adresse e-mail invalide." });
  });

  it("reads currencies", () => {
    expect(parseCurrency("eur")).toEqual({ ok: true, value: "EUR" });
    expect(parseCurrency("€")).toEqual({ ok: true, value: "EUR" });
    expect(parseCurrency("euros")).toEqual({
      ok: false,
      reason: "Devise invalide (code ISO à 3 lettres attendu, par exemple EUR).",
    });
  });

  it("restores the leading zero of numeric French postal codes", () => {
    expect(parsePostalCode(1000)).toEqual({ ok: true, value: "01000" });
    expect(parsePostalCode(75008)).toEqual({ ok: true, value: "75008" });
    expect(parsePostalCode("01000")).toEqual({ ok: true, value: "01000" });
  });

  it("turns common country names into ISO codes", () => {
    expect(parseCountry("France")).toEqual({ ok: true, value: "FR" });
    expect(parseCountry("fr")).toEqual({ ok: true, value: "FR" });
    expect(parseCountry("Royaume-Uni")).toEqual({ ok: true, value: "GB" });
    expect(parseCountry("Groenland")).toEqual({ ok: true, value: "Groenland" });
  });
});
