/** Luhn check digit of a digit string (the key used by SIREN and SIRET). */
export function luhnKey(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Counting from the right of the final number, where the key sits at position 1.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The Luhn check of a whole number, key included (SIREN, SIRET). */
export function isLuhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnKey(digits.slice(0, -1)) === Number(digits.at(-1));
}

export function sirenFromBase(base: number): string {
  const digits = String(base).padStart(8, "0").slice(-8);
  return digits + luhnKey(digits);
}

export function siretFromSiren(siren: string, establishment: number): string {
  const digits = siren + String(establishment).padStart(4, "0").slice(-4);
  return digits + luhnKey(digits);
}

/** French intra-community VAT number: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function vatFromSiren(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}
