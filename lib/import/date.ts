import { civilFromDays, daysInMonth, formatIso } from "./calendar";
import { EMPTY, fail, ok, type ParseResult } from "./result";

export { addDaysToDate } from "./calendar";

export type DateOrder = "dmy" | "mdy";

const UNRECOGNISED = "Date non reconnue (formats acceptés : jj/mm/aaaa, aaaa-mm-jj, aaaammjj).";
const IMPOSSIBLE = "Date inexistante.";
const OUT_OF_RANGE = "Date hors limites (années 1900 à 2199).";
const EXCEL_LEAP_BUG = "Date inexistante : le 29/02/1900 d'Excel.";

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * Reads a business date as ERPs and spreadsheets give it and returns `yyyy-mm-dd`. Text uses `order` for
 * ambiguous day/month fields; numbers are Excel serials (1900 system) or yyyymmdd; Date objects (exceljs)
 * give their UTC calendar date. Empty cells give null.
 */
export function parseDate(raw: unknown, order: DateOrder = "dmy"): ParseResult<string | null> {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "string") return dateFromText(raw, order);
  if (typeof raw === "number") return dateFromNumber(raw);
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return fail(UNRECOGNISED);
    return checked(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  return fail(UNRECOGNISED);
}

/** Day-first unless a value proves month-first (1/26/2013) and none proves day-first (26/1/2013). */
export function detectDateOrder(samples: readonly unknown[]): DateOrder {
  let monthFirst = false;
  let dayFirst = false;
  for (const sample of samples) {
    if (typeof sample !== "string") continue;
    const parts = tokenize(sample.trim());
    if (!parts || parts.length !== 3 || parts[0].length > 2 || !isDigits(parts[0]) || !isDigits(parts[1])) continue;
    const first = Number(parts[0]);
    const second = Number(parts[1]);
    if (first > 12 && second <= 12) dayFirst = true;
    if (second > 12 && first <= 12) monthFirst = true;
  }
  return monthFirst && !dayFirst ? "mdy" : "dmy";
}

/** Excel 1900-system serial to `yyyy-mm-dd`; null for serial 60 (Excel's fictitious 29/02/1900) and out of range. */
export function excelSerialToDate(serial: number): string | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(day) || day < 1 || day === 60) return null;
  // Excel counts 1900 as a leap year: serials after the fictitious 29 February are one day ahead.
  const epochDay = day < 60 ? day - 25568 : day - 25569;
  const date = civilFromDays(epochDay);
  return date.year > MAX_YEAR ? null : formatIso(date.year, date.month, date.day);
}

function dateFromNumber(n: number): ParseResult<string | null> {
  if (!Number.isFinite(n)) return fail(UNRECOGNISED);
  // A yyyymmdd date typed into a numeric cell.
  if (n >= 19000101 && n <= 21991231 && Number.isInteger(n)) {
    return checked(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  if (Math.floor(n) === 60) return fail(EXCEL_LEAP_BUG);
  const iso = excelSerialToDate(n);
  return iso === null ? fail(OUT_OF_RANGE) : ok(iso);
}

function dateFromText(text: string, order: DateOrder): ParseResult<string | null> {
  const s = text.trim();
  if (s === "") return EMPTY;
  const parts = tokenize(s);
  if (!parts) return fail(UNRECOGNISED);
  if (parts.length === 1) return compactDate(parts[0], order);
  if (parts.length !== 3) return fail(UNRECOGNISED);
  const [a, b, c] = parts;
  if (a.length === 4 && isDigits(a)) return fromParts(a, b, c);
  if (!isDigits(c) || (c.length !== 2 && c.length !== 4)) return fail(UNRECOGNISED);
  if (!isDigits(a)) return fromParts(c, a, b);
  if (!isDigits(b) || order === "dmy") return fromParts(c, b, a);
  return fromParts(c, a, b);
}

/** Digits only: yyyymmdd (FEC) or ddmmyyyy, ddmmyy, or an Excel serial exported as text. */
function compactDate(token: string, order: DateOrder): ParseResult<string | null> {
  if (!isDigits(token)) return fail(UNRECOGNISED);
  if (token.length <= 5) return dateFromNumber(Number(token));
  const dayMonth = order === "dmy" ? [token.slice(0, 2), token.slice(2, 4)] : [token.slice(2, 4), token.slice(0, 2)];
  if (token.length === 6) return fromParts(token.slice(4), dayMonth[1], dayMonth[0]);
  if (token.length !== 8) return fail(UNRECOGNISED);
  const dayFirst = fromParts(token.slice(4), dayMonth[1], dayMonth[0]);
  const startsWithYear = token.startsWith("19") || token.startsWith("20") || token.startsWith("21");
  if (!startsWithYear) return dayFirst;
  const yearFirst = fromParts(token.slice(0, 4), token.slice(4, 6), token.slice(6));
  return yearFirst.ok || !dayFirst.ok ? yearFirst : dayFirst;
}

function fromParts(yearText: string, monthText: string, dayText: string): ParseResult<string | null> {
  if (!isDigits(dayText) || dayText.length > 2 || !isDigits(yearText)) return fail(UNRECOGNISED);
  const month = isDigits(monthText) ? (monthText.length <= 2 ? Number(monthText) : 0) : monthFromName(monthText);
  if (month === 0) return fail(isDigits(monthText) ? IMPOSSIBLE : UNRECOGNISED);
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 70 ? 2000 : 1900;
  else if (yearText.length !== 4) return fail(UNRECOGNISED);
  return checked(year, month, Number(dayText));
}

function checked(year: number, month: number, day: number): ParseResult<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(OUT_OF_RANGE);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail(IMPOSSIBLE);
  return ok(formatIso(year, month, day));
}

/**
 * Splits a date into its fields (digit runs and month names) on `/ - . ,` and blanks; a time after the
 * third field (`T00:00:00`, ` 14:30`) is ignored. Null when the text has anything else.
 */
function tokenize(s: string): string[] | null {
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const digit = c >= 48 && c <= 57;
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
    if (start >= 0) {
      const prev = s.charCodeAt(start);
      const sameKind = prev >= 48 && prev <= 57 ? digit : letter;
      if (sameKind) continue;
      parts.push(s.slice(start, i));
      start = -1;
      if (parts.length === 3 && i < s.length) return isTimeSuffix(s, i) ? parts : null;
    }
    if (digit || letter) {
      if (parts.length === 3) return null;
      start = i;
    } else if (i < s.length && c !== 47 && c !== 45 && c !== 46 && c !== 44 && c !== 32 && c !== 0xa0) {
      return null;
    }
  }
  return parts;
}

function isTimeSuffix(s: string, from: number): boolean {
  const c = s.charCodeAt(from);
  if (c !== 84 && c !== 32) return false;
  for (let i = from + 1; i < s.length; i++) {
    const d = s.charCodeAt(i);
    // Digits and : . + - Z h and blanks, as in 14:30:00.000+01:00 or 14h30.
    const allowed = (d >= 48 && d <= 58) || d === 46 || d === 43 || d === 45 || d === 90 || d === 32 || d === 104;
    if (!allowed) return false;
  }
  return true;
}

const MONTHS: Record<string, number> = {
  jan: 1, janv: 1, fev: 2, feb: 2, fevr: 2, mar: 3, mars: 3, avr: 4, apr: 4, mai: 5, may: 5, jun: 6, juin: 6,
  jul: 7, juil: 7, aou: 8, aout: 8, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function monthFromName(name: string): number {
  const word = name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return MONTHS[word] ?? MONTHS[word.slice(0, 4)] ?? MONTHS[word.slice(0, 3)] ?? 0;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
