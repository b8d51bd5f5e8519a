/**
 * When an open invoice will be paid, spread over the weeks ahead, for the cash-in forecast.
 *
 * The payment day follows a logistic distribution centred on the model's expected payment date. Its scale is
 * max(5 days, half the expected days late): payments that are expected on time still land a few days either side of
 * the due date (weekly payment runs, bank delays), and the later an invoice is expected to be paid, the less
 * precisely the day is known — the error of a predicted payment date grows roughly in proportion to the lateness.
 * An invoice already overdue is at least as late as today, so its spread is measured from today when that is later.
 * The logistic is chosen over the normal because its CDF is closed-form (PostgreSQL has no erf: the nightly SQL in
 * db/queries/cash-forecast.ts computes the very same formula) and because its heavier tails suit payment delays.
 * It is discretised by whole days and conditioned on being paid today or later, since an open invoice was not paid in
 * the past; what falls after the horizon is the probability of being paid later, so the weeks sum to at most 1.
 */
import { addDays, daysBetween } from "@/lib/dates";

/** Minimum scale of the payment-day distribution, in days. */
export const MIN_SCALE_DAYS = 5;
/** Share of the expected days late that the scale grows by. */
export const SCALE_PER_DAY_LATE = 0.5;
/** Weeks of the forecast shown to users. */
export const FORECAST_WEEKS = 13;
/** z of the 80 % two-sided interval of a normal: the band of the forecast's sum over many invoices. */
export const Z80 = 1.2816;

export type WeekProbabilityArgs = {
  today: string;
  dueDate: string;
  expectedPaymentDate: string;
  /** Probability of being paid late; the model has already folded it into `expectedPaymentDate`. */
  pLate: number;
  weeks: number;
};

/** The Monday (`yyyy-mm-dd`) of the Monday-to-Sunday week holding `isoDate`. */
export function weekMonday(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The logistic scale, in days, for an invoice due on `dueDate` expected paid on `expected`, seen on `today`. */
export function paymentScaleDays(today: string, dueDate: string, expected: string): number {
  const daysLate = Math.max(0, daysBetween(dueDate, expected), daysBetween(dueDate, today));
  return Math.max(MIN_SCALE_DAYS, SCALE_PER_DAY_LATE * daysLate);
}

/** ln P(T ≥ x) for a logistic of centre 0 and scale s, stable far in both tails: −softplus(x / s). */
function logSurvival(x: number, s: number): number {
  const z = x / s;
  return -(Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
}

/**
 * P(paid in week w) for w = 0 … weeks − 1, week 0 being the Monday-to-Sunday week of `today`. Days before today have
 * no probability; the sum is below 1 by the probability of being paid after the last week.
 */
export function weekProbabilities({ today, dueDate, expectedPaymentDate, weeks }: WeekProbabilityArgs): number[] {
  const scale = paymentScaleDays(today, dueDate, expectedPaymentDate);
  const monday = weekMonday(today);
  // Day offsets from the expected date; a whole day d covers [d − ½, d + ½).
  const from = daysBetween(expectedPaymentDate, today) - 0.5;
  const mondayOffset = daysBetween(expectedPaymentDate, monday);
  const logNow = logSurvival(from, scale);
  const stillOpen = (x: number) => Math.exp(logSurvival(Math.max(x, from), scale) - logNow);
  return Array.from({ length: weeks }, (_, w) => {
    const start = mondayOffset + 7 * w - 0.5;
    return Math.max(0, stillOpen(start) - stillOpen(start + 7));
  });
}

/** The expected cash-in and its variance for one invoice of open amount `open` and week probability `p`. */
export function weekMoments(open: number, p: number): { expected: number; variance: number } {
  return { expected: open * p, variance: open * open * p * (1 - p) };
}

/** The 80 % interval of a sum of independent invoices: expected ± z80 × √variance, never below zero. */
export function interval80(expected: number, variance: number): { low: number; high: number } {
  const half = Z80 * Math.sqrt(Math.max(0, variance));
  return { low: Math.max(0, expected - half), high: expected + half };
}
