import { parseAmount } from "./amount";
import { EMPTY, fail, ok, type ParseResult } from "./result";
import { isLuhnValid } from "@/lib/siren";
import { normaliseCivility } from "@/lib/contacts/civility";

/**
 * The trimmed text of a cell, or null when empty. Numbers keep their digits (no ".0"), dates become
 * yyyy-mm-dd, and `="00123"` (how some exports force text in Excel) loses its wrapper.
 */
export function cellText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  let s: string;
  if (typeof raw === "string") s = raw.trim();
  else if (typeof raw === "number") s = numberText(raw);
  else if (raw instanceof Date) s = Number.isNaN(raw.getTime()) ? "" : raw.toISOString().slice(0, 10);
  else s = String(raw).trim();
  if (s.length > 2 && s.charCodeAt(0) === 61 && s.charCodeAt(1) === 34 && s.charCodeAt(s.length - 1) === 34) {
    s = s.slice(2, -1).trim();
  }
  return s === "" ? null : s;
}

function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) return BigInt(n).toString();
  return String(n);
}

/** A code (client, piece, entity): leading zeros and inner spaces kept. */
export function parseCode(raw: unknown): ParseResult<string | null> {
  const text = cellText(raw);
  return text === null ? EMPTY : ok(text);
}

export function parseText(raw: unknown): ParseResult<string | null> {
  const text = cellText(raw);
  return text === null ? EMPTY : ok(text);
}

const NOT_INTEGER = "Nombre entier attendu.";

export function parseInteger(raw: unknown): ParseResult<number | null> {
  const amount = parseAmount(raw);
  if (!amount.ok) return fail(NOT_INTEGER);
  if (amount.value === null) return EMPTY;
  if (!amount.value.endsWith(".00") || amount.value.length > 13) return fail(NOT_INTEGER);
  return ok(Number(amount.value.slice(0, -3)));
}

const PAYMENT_TERMS = /^(\d{1,3})\s*(?:j(?:ours?|rs?)?|d(?:ays?)?)?\.?(?:[\s,].*)?$/i;
const IMMEDIATE_PAYMENT = /^(?:comptant|a reception|reception|immediat|cash|0)$/;

/** Payment terms in days: "30", "45 j", "60 jours fin de mois" (end of month is not modelled), "comptant". */
export function parsePaymentTerms(raw: unknown): ParseResult<number | null> {
  if (typeof raw === "number") return parseInteger(raw);
  const text = cellText(raw);
  if (text === null) return EMPTY;
  const match = PAYMENT_TERMS.exec(text);
  if (match) return ok(Number(match[1]));
  const word = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (IMMEDIATE_PAYMENT.test(word)) return ok(0);
  return fail("Délai de paiement non reconnu (nombre de jours attendu).");
}

/** Digits of an identifier written with spaces, dots or dashes; null when another character appears. */
function identifierDigits(raw: unknown, width: number): string | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 0 ? String(raw).padStart(width, "0") : null;
  const text = cellText(raw) ?? "";
  let digits = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
    else if (c !== 32 && c !== 0xa0 && c !== 0x202f && c !== 46 && c !== 45) return null;
  }
  return digits;
}

export function parseSiren(raw: unknown): ParseResult<string | null> {
  if (cellText(raw) === null) return EMPTY;
  const digits = identifierDigits(raw, 9);
  if (digits === null || digits.length !== 9) return fail("SIREN invalide : 9 chiffres attendus.");
  return isLuhnValid(digits) ? ok(digits) : fail("SIREN invalide (clé de contrôle).");
}

// La Poste's establishments share one SIREN and use a digit sum divisible by 5 instead of the Luhn key.
const LA_POSTE_SIREN = "356000000";

export function parseSiret(raw: unknown): ParseResult<string | null> {
  if (cellText(raw) === null) return EMPTY;
  const digits = identifierDigits(raw, 14);
  if (digits === null || digits.length !== 14) return fail("SIRET invalide : 14 chiffres attendus.");
  if (isLuhnValid(digits)) return ok(digits);
  if (digits.startsWith(LA_POSTE_SIREN)) {
    let sum = 0;
    for (let i = 0; i < 14; i++) sum += digits.charCodeAt(i) - 48;
    if (sum % 5 === 0) return ok(digits);
  }
  return fail("SIRET invalide (clé de contrôle).");
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]{2,}$/;

export function parseEmail(raw: unknown): ParseResult<string | null> {
  const text = cellText(raw);
  if (text === null) return EMPTY;
  const address = text.startsWith("mailto:") ? text.slice(7) : text;
  return EMAIL.test(address) ? ok(address.toLowerCase()) : fail("Adresse e-mail invalide.");
}

const CURRENCY_SIGNS: Record<string, string> = { "€": "EUR", $: "USD", "£": "GBP" };

export function parseCurrency(raw: unknown): ParseResult<string | null> {
  const text = cellText(raw);
  if (text === null) return EMPTY;
  if (CURRENCY_SIGNS[text]) return ok(CURRENCY_SIGNS[text]);
  const code = text.toUpperCase();
  if (code.length === 3 && /^[A-Z]{3}$/.test(code)) return ok(code);
  return fail("Devise invalide (code ISO à 3 lettres attendu, par exemple EUR).");
}

/** French postal codes lose their leading zero in numeric cells (1000 for 01000, Bourg-en-Bresse). */
export function parsePostalCode(raw: unknown): ParseResult<string | null> {
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1000 && raw < 10000) return ok(`0${raw}`);
  return parseCode(raw);
}

const COUNTRIES: Record<string, string> = {
  france: "FR", belgique: "BE", belgium: "BE", suisse: "CH", switzerland: "CH", luxembourg: "LU",
  allemagne: "DE", germany: "DE", espagne: "ES", spain: "ES", italie: "IT", italy: "IT", monaco: "MC",
  "royaume-uni": "GB", "royaume uni": "GB", "united kingdom": "GB", "pays-bas": "NL", netherlands: "NL",
  portugal: "PT", "etats-unis": "US", "united states": "US", canada: "CA", maroc: "MA", tunisie: "TN", algerie: "DZ",
};

/** ISO 3166 alpha-2 when the country is recognised, the text as written otherwise. */
export function parseCountry(raw: unknown): ParseResult<string | null> {
  const text = cellText(raw);
  if (text === null) return EMPTY;
  if (text.length === 2) return ok(text.toUpperCase());
  const key = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return ok(COUNTRIES[key] ?? text);
}

/** « Madame » or « Monsieur » however written (M., Mme, Mr, Mlle, F/H…); anything else is left unknown, never refused. */
export function parseCivility(raw: unknown): ParseResult<string | null> {
  const text = cellText(raw);
  return text === null ? EMPTY : ok(normaliseCivility(text));
}

const YES = new Set(["oui", "o", "yes", "y", "1", "x", "vrai", "true"]);
const NO = new Set(["non", "n", "no", "0", "faux", "false"]);

/** A yes/no cell as exports write it (Oui/Non, Yes/No, Y/N, 1/0, X or empty, Vrai/Faux, True/False); empty is null. */
export function parseFlag(raw: unknown): ParseResult<boolean | null> {
  if (typeof raw === "boolean") return ok(raw);
  const text = cellText(raw);
  if (text === null) return EMPTY;
  const word = text.toLowerCase();
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail("Valeur non reconnue : Oui ou Non attendu (Oui/Non, Yes/No, O/N, Y/N, 1/0, X ou vide, Vrai/Faux, True/False).");
}
