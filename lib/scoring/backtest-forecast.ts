/**
 * The cash-in forecast judged after the fact, pure: from the invoices open on a day, the forecast of the next
 * 13 weeks (Σ amount × P(paid that week)) beside what those invoices actually brought in each week.
 */
import { addDays, daysBetween } from "@/lib/dates";
import { finiteOrNull } from "./backtest-evaluate";
import { FORECAST_WEEKS, weekMonday, weekProbabilities } from "./cash-forecast";
import { bias, mape } from "./metrics";

export type OpenInvoice = {
  amount: number;
  dueDate: string;
  /** When it was actually paid in full; null while still unpaid. */
  settledDate: string | null;
  pLate: number;
  expectedDaysLate: number;
};

export type ForecastWindow = {
  start: string;
  openInvoices: number;
  openAmount: number;
  weeks: { weekStart: string; expected: number; actual: number }[];
  mape: number | null;
  bias: number | null;
};

/** The forecast made on `start` for the invoices then open, week by week, beside what they paid. */
export function forecastWindow(start: string, open: readonly OpenInvoice[]): ForecastWindow {
  const monday = weekMonday(start);
  const weeks = Array.from({ length: FORECAST_WEEKS }, (_, w) => ({ weekStart: addDays(monday, 7 * w), expected: 0, actual: 0 }));
  let openAmount = 0;
  for (const invoice of open) {
    openAmount += invoice.amount;
    const probabilities = weekProbabilities({
      today: start,
      dueDate: invoice.dueDate,
      expectedPaymentDate: addDays(invoice.dueDate, Math.round(invoice.expectedDaysLate)),
      pLate: invoice.pLate,
      weeks: FORECAST_WEEKS,
    });
    probabilities.forEach((p, w) => (weeks[w].expected += invoice.amount * p));
    if (invoice.settledDate !== null && invoice.settledDate >= start) {
      const w = Math.floor(daysBetween(monday, invoice.settledDate) / 7);
      if (w < FORECAST_WEEKS) weeks[w].actual += invoice.amount;
    }
  }
  const actual = weeks.map((w) => w.actual);
  const expected = weeks.map((w) => w.expected);
  return { start, openInvoices: open.length, openAmount, weeks, mape: finiteOrNull(mape(actual, expected)), bias: finiteOrNull(bias(actual, expected)) };
}

/** MAPE over every week of every window, and the bias of their totals. */
export function pooledForecastError(windows: readonly ForecastWindow[]): { mape: number | null; bias: number | null } {
  const weeks = windows.flatMap((w) => w.weeks);
  const actual = weeks.map((w) => w.actual);
  const expected = weeks.map((w) => w.expected);
  return { mape: finiteOrNull(mape(actual, expected)), bias: finiteOrNull(bias(actual, expected)) };
}
