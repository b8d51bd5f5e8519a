import { parseAmount } from "./amount";
import { parseDate } from "./date";
import { parseDocumentStatus } from "./document-status";
import type { FieldDef, ValueType } from "./fields";
import { cellText, parseCurrency, parseEmail, parseFlag, parsePaymentTerms } from "./values";
import { normaliseCivility } from "@/lib/contacts/civility";

/** What the cells under a header, or the cells of a candidate header row, say about their column. */

const HAS_DIGIT = /\d/;
const HAS_LETTER = /\p{L}/u;
const HAS_BLANK = /\s/;
const PERCENT = /%\s*$/;
const DECIMAL = /^[-+]?\d*[.,]\d+$/;
const DIGITS = /^\d+$/;
// Excel serials from 1950 to 2119: a bare number outside reads as a count or an amount, not a date.
const MIN_SERIAL = 18_264;
const MAX_SERIAL = 80_000;
// A column still maps when some of its values are wrong: the preview then shows them as row errors.
const MIN_FITTING_SHARE = 0.5;

/** A value rather than a column name: a number, a date, an amount, an e-mail or a code mixing letters and digits. */
export function isDataCell(raw: unknown): boolean {
  if (typeof raw === "number" || typeof raw === "bigint" || raw instanceof Date) return true;
  const text = cellText(raw);
  if (text === null) return false;
  if (parseEmail(text).ok || parseAmount(text).ok || isDate(text)) return true;
  return HAS_DIGIT.test(text) && HAS_LETTER.test(text) && !HAS_BLANK.test(text);
}

function isDate(raw: unknown): boolean {
  if (raw instanceof Date) return !Number.isNaN(raw.getTime());
  if (typeof raw === "number") return isSerialOrCompact(raw);
  const text = cellText(raw);
  if (text === null) return false;
  if (DIGITS.test(text) && text.length <= 5) return isSerialOrCompact(Number(text));
  return parseDate(text, "dmy").ok || parseDate(text, "mdy").ok;
}

function isSerialOrCompact(n: number): boolean {
  if (n >= MIN_SERIAL && n < MAX_SERIAL) return true;
  return Number.isInteger(n) && n >= 19000101 && n <= 21991231 && parseDate(n).ok;
}

const isAmount = (raw: unknown) => !(raw instanceof Date) && parseAmount(raw).ok;

const isWholeValue = (raw: unknown) => {
  if (raw instanceof Date) return false;
  if (typeof raw === "number") return Number.isInteger(raw);
  const text = cellText(raw) ?? "";
  return !PERCENT.test(text) && !DECIMAL.test(text);
};

const IDENTIFIER_DIGITS = (width: number) => (raw: unknown) => {
  const text = cellText(raw) ?? "";
  return /^[\d\s.\-]+$/.test(text) && text.replace(/\D/g, "").length === width;
};

/** Types without a check here accept any text. */
const CHECKS: Partial<Record<ValueType, (raw: unknown) => boolean>> = {
  code: (raw) => !(raw instanceof Date) && !PERCENT.test(cellText(raw) ?? ""),
  amount: isAmount,
  date: isDate,
  integer: (raw) => isWholeValue(raw) && isAmount(raw),
  days: (raw) => !(raw instanceof Date) && parsePaymentTerms(raw).ok,
  siren: IDENTIFIER_DIGITS(9),
  siret: IDENTIFIER_DIGITS(14),
  email: (raw) => parseEmail(raw).ok,
  currency: (raw) => parseCurrency(raw).ok,
  flag: (raw) => parseFlag(raw).ok,
  documentStatus: (raw) => parseDocumentStatus(raw).ok,
  // A « Title » column of job titles is not the civilité.
  civility: (raw) => normaliseCivility(cellText(raw)) !== null,
};

export type ValueContext = {
  /** Codes of the known sociétés: a column none of whose values is one of them is not the société. */
  entityCodes?: readonly string[];
};

/**
 * Whether the non-empty values of a column can be the field's: at least half of them read as its type, and
 * a société column holds no rate or decimal and, when the sociétés are known, names one of them. Without
 * values, the header alone decides.
 */
export function valuesFitField(field: FieldDef, column: readonly unknown[], context: ValueContext = {}): boolean {
  const values = column.filter((v) => cellText(v) !== null);
  if (values.length === 0) return true;
  if (field.key === "entityCode") {
    if (!values.every(isWholeValue)) return false;
    const known = context.entityCodes;
    if (known && !values.some((v) => known.includes(cellText(v) ?? ""))) return false;
  }
  const check = CHECKS[field.type];
  if (!check) return true;
  return values.filter(check).length >= values.length * MIN_FITTING_SHARE;
}
