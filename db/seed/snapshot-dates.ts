import { addDays } from "@/lib/dates";

/** The days the demo records a daily snapshot for: today, 30 days ago and the last 12 month ends, oldest first. */
export function snapshotDates(today: string): string[] {
  const dates = new Set([today, addDays(today, -30)]);
  const [y, m] = today.split("-").map(Number);
  for (let i = 1; i <= 12; i++) {
    // Day 0 of month m - i + 1 is the last day of month m - i.
    dates.add(new Date(Date.UTC(y, m - i, 0)).toISOString().slice(0, 10));
  }
  return [...dates].sort();
}
