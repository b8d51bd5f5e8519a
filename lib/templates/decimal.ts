/**
 * Exact decimal arithmetic for money and rates: numeric strings in, integers (bigint) inside, numeric strings out.
 * Amounts come from PostgreSQL `numeric(16, 2)` columns as strings such as "1234.56" or "-12.50".
 */

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "1234.5" at scale 2 → 123450n. Refuses more decimals than the scale rather than rounding silently. */
export function toScaled(value: string, scale: number): bigint {
  const match = decimalPattern.exec(value.trim());
  if (!match) throw new Error(`Nombre invalide : ${value}`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > scale) throw new Error(`Trop de décimales : ${value}`);
  const units = BigInt(whole + fraction.padEnd(scale, "0"));
  return sign ? -units : units;
}

export function toCents(amount: string): bigint {
  return toScaled(amount, 2);
}

/** 123450n → "1234.50", -5n → "-0.05". */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** numerator / denominator rounded half away from zero (the usual rounding to the cent). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error("Dénominateur invalide");
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const rounded = (2n * n + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

export function sumCents(values: bigint[]): bigint {
  return values.reduce((total, v) => total + v, 0n);
}
