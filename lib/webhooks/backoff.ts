/** When a failed delivery is tried again: growing pauses after each failure, then it is given up. */

/** Pause after the 1st, 2nd, … failure; a delivery gets MAX_WEBHOOK_ATTEMPTS tries in all (about 3 days). */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000, 24 * 3_600_000] as const;
export const MAX_WEBHOOK_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After `attempts` failed tries, when to try again; null when the delivery is to be marked failed. */
export function nextRetryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_WEBHOOK_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_MS[attempts - 1]);
}
