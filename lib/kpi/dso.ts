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

/** Days of sales the receivable represents; 0 when nothing (or less than nothing) is owed. */
export function dsoCountback({ date, receivable, monthlySales }: CountbackInput): number {
  const [year, month, day] = date.split("-").map(Number);
  let remainder = toCents(receivable);
  let days = 0;
  for (let back = 0; back < DSO_MAX_MONTHS && remainder > 0n; back++) {
    const period = monthKey(year, month, back);
    // The month of D counts only its elapsed days, D included.
    const periodDays = back === 0 ? day : daysInMonth(period.year, period.month);
    const sales = toCents(monthlySales[period.key] ?? "0");
    if (remainder >= sales) {
      days += periodDays;
      remainder -= sales;
    } else {
      // Here sales > remainder > 0: the fraction of the period the remainder covers.
      days += (Number(remainder) / Number(sales)) * periodDays;
      break;
    }
  }
  return days;
}

export type DsoFigures = { dso: number; bpdso: number; add: number };

/** DSO on the encours, BPDSO on the non échu, and ADD their difference. */
export function dsoFigures(input: { date: string; outstanding: string; notDue: string; monthlySales: Record<string, string> }): DsoFigures {
  const dso = dsoCountback({ date: input.date, receivable: input.outstanding, monthlySales: input.monthlySales });
  const bpdso = dsoCountback({ date: input.date, receivable: input.notDue, monthlySales: input.monthlySales });
  return { dso, bpdso, add: dso - bpdso };
}
