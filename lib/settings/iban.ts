/** IBAN (ISO 13616): normalised, grouped for display, and checked with its mod-97 key. */

/** Upper case without spaces: "fr76 3000 6000…" → "FR7630006000…". */
export function normalizeIban(value: string): string {
  return value.replace(/[\s\u00a0\u202f-]+/g, "").toUpperCase();
}

/** Groups of four, as an IBAN is printed: "FR76 3000 6000 0112 3456 7890 189". */
export function formatIban(value: string): string {
  return normalizeIban(value).replace(/(.{4})(?=.)/g, "$1 ");
}

/** The remainder modulo 97 of the IBAN read as a number, letters counting A = 10 … Z = 35. */
function mod97(digitsAndLetters: string): number {
  let remainder = 0;
  for (const ch of digitsAndLetters) {
    const value = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    // Feeding the number digit by digit keeps it far from the float limit, whatever the IBAN's length.
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function isValidIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith("FR") && iban.length !== 27) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** The two check digits for a country code and a national account number (BBAN). */
export function ibanCheckDigits(country: string, bban: string): string {
  const remainder = mod97(normalizeIban(bban) + country.toUpperCase() + "00");
  return String(98 - remainder).padStart(2, "0");
}
