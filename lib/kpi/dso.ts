/**
 * DSO by the countback method (« méthode par épuisement », SPEC §9), its best-possible variant (BPDSO, on the
 * non-échu only) and the average days delinquent (ADD = DSO − BPDSO). Money is compared in exact cents.
 */
import { toCents } from "@/lib/templates/decimal";

/** The walk stops after this many periods: the month of D (partial) and the 23 calendar months before it. */
export const DSO_MAX_MONTHS = 24;

export type CountbackInput = {
  /** The date D, `yyyy-mm-dd`. */
  date: string;
  /** Receivable at D as a numeric string (encours for the DSO, non échu for the BPDSO). */
  receivable: string;
  /** Sales (invoices minus credit notes, TTC, by issue date) per calendar month `yyyy-mm`; missing months are 0. */
  monthlySales: Record<string, string>;
  /**
   * The first month (`yyyy-mm`) whose sales are known, null when none is. Months before it are unknown rather
   * than without sales: the walk stops there. Without it every month of the window counts as known.
   */
  knownFrom?: string | null;
};

export type Countback = {
  days: number;
  /**
   * The walk reached the first month with known sales while some receivable was left: the figure is only a
   * minimum, the sales of earlier months (or the settled invoices of the known ones) are missing.
   */
  lowerBound: boolean;
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `yyyy-mm` of the month `back` months before the month of `year`/`month` (1-based). */
function monthKey(year: number, month: number, back: number): { key: string; year: number; month: number } {
  const index = year * 12 + (month - 1) - back;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { key: `${y}-${String(m).padStart(2, "0")}`, year: y, month: m };
}

/** Days of sales the receivable represents (0 when nothing, or less than nothing, is owed), and whether a minimum. */
export function countback({ date, receivable, monthlySales, knownFrom }: CountbackInput): Countback {
  const [year, month, day] = date.split("-").map(Number);
  let remainder = toCents(receivable);
  let days = 0;
  for (let back = 0; back < DSO_MAX_MONTHS && remainder > 0n; back++) {
    const period = monthKey(year, month, back);
    if (knownFrom !== undefined && (knownFrom === null || period.key < knownFrom)) return { days, lowerBound: true };
    const lowerBound = period.key === knownFrom;
    // The month of D counts only its elapsed days, D included.
    const periodDays = back === 0 ? day : daysInMonth(period.year, period.month);
    const sales = toCents(monthlySales[period.key] ?? "0");
    if (remainder >= sales) {
      days += periodDays;
      remainder -= sales;
    } else {
      // Here sales > remainder > 0: the fraction of the period the remainder covers.
      return { days: days + (Number(remainder) / Number(sales)) * periodDays, lowerBound };
    }
    if (lowerBound) return { days, lowerBound };
  }
  return { days, lowerBound: false };
}

export const dsoCountback = (input: CountbackInput): number => countback(input).days;

export type DsoFigures = { dso: number; bpdso: number; add: number; dsoLowerBound: boolean; bpdsoLowerBound: boolean };

/** DSO on the encours, BPDSO on the non échu, and ADD their difference. */
export function dsoFigures(input: {
  date: string;
  outstanding: string;
  notDue: string;
  monthlySales: Record<string, string>;
  knownFrom?: string | null;
}): DsoFigures {
  const { date, monthlySales, knownFrom } = input;
  const dso = countback({ date, receivable: input.outstanding, monthlySales, knownFrom });
  const bpdso = countback({ date, receivable: input.notDue, monthlySales, knownFrom });
  return { dso: dso.days, bpdso: bpdso.days, add: dso.days - bpdso.days, dsoLowerBound: dso.lowerBound, bpdsoLowerBound: bpdso.lowerBound };
}

/** Months of known sales from `knownFrom` up to the month of `date`, both included (0 when none is known). */
export function monthsKnown(date: string, knownFrom: string | null): number {
  if (!knownFrom || knownFrom > date.slice(0, 7)) return 0;
  const [y, m] = date.split("-").map(Number);
  const [fy, fm] = knownFrom.split("-").map(Number);
  return (y - fy) * 12 + (m - fm) + 1;
}
