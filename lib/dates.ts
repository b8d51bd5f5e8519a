import { env } from "@/lib/env";

/** Today's business date (`yyyy-mm-dd`) in the company's time zone. */
export function today(timeZone: string = env.COMPANY_TIMEZONE, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written `yyyy-mm-dd` (not 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === "string" && isoDatePattern.test(value) && !Number.isNaN(Date.parse(value)) && addDays(value, 0) === value;
}

/** First day (`yyyy-mm-dd`) of the month `back` months before the month of `isoDate`. */
export function monthStart(isoDate: string, back = 0): string {
  const [y, m] = isoDate.split("-").map(Number);
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}
