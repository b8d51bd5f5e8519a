/**
 * Exact arithmetic on the decimal strings produced by parseAmount ("-1234.56"): values go through integer
 * cents (BigInt), never through a float.
 */

export function toCents(amount: string): bigint {
  const dot = amount.indexOf(".");
  if (dot < 0) return BigInt(amount) * 100n;
  const negative = amount.charCodeAt(0) === 45;
  const fraction = (amount.slice(dot + 1) + "00").slice(0, 2);
  const whole = BigInt(amount.slice(0, dot) || "0") * 100n;
  const cents = BigInt(fraction);
  return negative || whole < 0n ? whole - cents : whole + cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function addAmounts(a: string, b: string): string {
  return fromCents(toCents(a) + toCents(b));
}

export function subtractAmounts(a: string, b: string): string {
  return fromCents(toCents(a) - toCents(b));
}

export function negateAmount(amount: string): string {
  if (amount.charCodeAt(0) === 45) return amount.slice(1);
  return isZeroAmount(amount) ? amount : `-${amount}`;
}

/** -1, 0 or 1, read from the digits alone. */
export function amountSign(amount: string): -1 | 0 | 1 {
  if (isZeroAmount(amount)) return 0;
  return amount.charCodeAt(0) === 45 ? -1 : 1;
}

function isZeroAmount(amount: string): boolean {
  for (let i = 0; i < amount.length; i++) {
    const c = amount.charCodeAt(i);
    if (c >= 49 && c <= 57) return false;
  }
  return true;
}
