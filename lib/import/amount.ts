import { EMPTY, fail, ok, type ParseResult } from "./result";

// numeric(16, 2) in the database.
const MAX_INTEGER_DIGITS = 14;
// Text may carry a few extra decimals (unit prices, rates); floats from spreadsheets carry any number.
const MAX_TEXT_DECIMALS = 4;

const INVALID = "Montant invalide.";
const TOO_LARGE = "Montant trop grand.";
const TOO_PRECISE = `Montant invalide : ${MAX_TEXT_DECIMALS} décimales au plus.`;

// Marks found between digits, encoded as position * 4 + kind to keep one flat number array.
const DOT = 0;
const COMMA = 1;
const GROUP = 2;

/**
 * Reads an amount as French (and other) ERPs write it and returns an exact decimal string with two
 * decimals ("-1234.56"), rounded half away from zero. Empty cells give null.
 */
export function parseAmount(raw: unknown): ParseResult<string | null> {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "number") return amountFromNumber(raw);
  if (typeof raw === "bigint") return amountFromNumber(Number(raw));
  if (typeof raw !== "string") return fail(INVALID);
  return amountFromText(raw);
}

function amountFromNumber(n: number): ParseResult<string | null> {
  if (!Number.isFinite(n)) return fail(INVALID);
  const magnitude = Math.abs(n);
  if (magnitude >= 1e14) return fail(TOO_LARGE);
  // The shortest round-trip text of the float is what the spreadsheet displayed (1.005, not 1.00499…).
  const text = magnitude < 1e-6 ? "0" : String(magnitude);
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? "" : text.slice(dot + 1);
  return compose(n < 0, whole, fraction, Infinity);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

function amountFromText(text: string): ParseResult<string | null> {
  const s = text.trim();
  if (s === "") return EMPTY;
  let digits = "";
  let negative = false;
  let signSeen = false;
  let open = false;
  let closed = false;
  let ended = false;
  const marks: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (ended) return fail(INVALID);
      digits += s[i];
    } else if (c === 44 || c === 46) {
      if (ended) return fail(INVALID);
      marks.push(digits.length * 4 + (c === 46 ? DOT : COMMA));
    } else if (isBlank(c) || c === 39 || c === 0x2019) {
      if (digits !== "" && !ended) marks.push(digits.length * 4 + GROUP);
    } else if (c === 45 || c === 0x2212 || c === 43) {
      if (signSeen) return fail(INVALID);
      signSeen = true;
      negative = c !== 43;
      if (digits !== "") ended = true;
    } else if (c === 40) {
      if (digits !== "" || open) return fail(INVALID);
      open = true;
    } else if (c === 41) {
      if (!open || closed || digits === "") return fail(INVALID);
      closed = true;
      ended = true;
    } else if (c === 0x20ac || c === 36 || c === 0xa3) {
      // €, $ and £ (English exports: "$1,234.56", "($400.00)") mark the currency, never a digit.
      if (digits !== "") ended = true;
    } else if ((c === 69 || c === 101) && isEur(s, i)) {
      if (digits !== "") ended = true;
      i += 2;
    } else {
      return fail(INVALID);
    }
  }
  if (digits === "" || open !== closed) return fail(INVALID);
  if (open) {
    if (signSeen) return fail(INVALID);
    negative = true;
  }
  return fromMarks(negative, digits, marks);
}

export type CurrencySign = "€" | "$" | "£";

/** The currency sign an amount cell is written with (`EUR` reads as €); null for numbers and bare amounts. */
export function amountCurrencySign(raw: unknown): CurrencySign | null {
  if (typeof raw !== "string") return null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20ac) return "€";
    if (c === 36) return "$";
    if (c === 0xa3) return "£";
    if ((c === 69 || c === 101) && isEur(raw, i)) return "€";
  }
  return null;
}

function isEur(s: string, i: number): boolean {
  const u = s.charCodeAt(i + 1) | 32;
  const r = s.charCodeAt(i + 2) | 32;
  return u === 117 && r === 114;
}

/** Decides which mark is the decimal separator: the last of `.` / `,` when both occur, a lone one otherwise. */
function fromMarks(negative: boolean, digits: string, marks: number[]): ParseResult<string | null> {
  // Blanks after the last digit (before a currency sign) separate nothing.
  while (marks.length > 0 && marks[marks.length - 1] === digits.length * 4 + GROUP) marks.pop();
  let dots = 0;
  let commas = 0;
  let lastPunctuation = -1;
  for (let i = 0; i < marks.length; i++) {
    const kind = marks[i] & 3;
    if (kind === DOT) dots++;
    else if (kind === COMMA) commas++;
    if (kind !== GROUP) lastPunctuation = i;
  }
  let decimalIndex = -1;
  if (dots > 0 && commas > 0) decimalIndex = lastPunctuation;
  else if (dots === 1 || commas === 1) decimalIndex = lastPunctuation;
  if (decimalIndex >= 0 && decimalIndex !== marks.length - 1) return fail(INVALID);

  const decimalKind = decimalIndex >= 0 ? marks[decimalIndex] & 3 : -1;
  const integerLength = decimalIndex >= 0 ? marks[decimalIndex] >> 2 : digits.length;
  let previous = -1;
  for (let i = 0; i < marks.length; i++) {
    if (i === decimalIndex) continue;
    const position = marks[i] >> 2;
    if ((marks[i] & 3) === decimalKind) return fail(INVALID);
    // Thousands separators must cut the integer part into groups of exactly three digits.
    const valid = previous < 0 ? position >= 1 && position <= 3 : position - previous === 3;
    if (!valid) return fail(INVALID);
    previous = position;
  }
  if (previous >= 0 && integerLength - previous !== 3) return fail(INVALID);
  return compose(negative, digits.slice(0, integerLength), digits.slice(integerLength), MAX_TEXT_DECIMALS);
}

function compose(negative: boolean, whole: string, fraction: string, maxDecimals: number): ParseResult<string> {
  if (fraction.length > maxDecimals) return fail(TOO_PRECISE);
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++;
  let integer = whole.slice(start) || "0";
  let cents = fraction.length >= 2 ? fraction.slice(0, 2) : fraction.padEnd(2, "0");
  if (fraction.length > 2 && fraction.charCodeAt(2) >= 53) {
    const rounded = increment(integer + cents);
    integer = rounded.slice(0, -2) || "0";
    cents = rounded.slice(-2);
  }
  if (integer.length > MAX_INTEGER_DIGITS) return fail(TOO_LARGE);
  const zero = integer === "0" && cents === "00";
  return ok(`${negative && !zero ? "-" : ""}${integer}.${cents}`);
}

/** Adds one to a string of digits. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + "0".repeat(digits.length - i - 1);
}
