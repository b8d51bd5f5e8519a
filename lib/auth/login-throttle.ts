/**
 * How long a login attempt must wait, from the failures of the same e-mail at the same address. Up to
 * `maxFailures` failures cost nothing; each one after that doubles the wait (30 s, 1 min, 2 min…), capped at the
 * window. A growing delay rather than a lock: someone guessing from elsewhere never locks the real user out.
 */
export type ThrottleRule = { maxFailures: number; windowMinutes: number };

export type RecentFailures = {
  /** Failures of this e-mail from this address within the window, since its last success there. */
  count: number;
  lastAt: Date | null;
};

const firstDelaySeconds = 30;

/** The seconds this attempt must still wait; 0 when the password may be checked now. */
export function loginWaitSeconds(failures: RecentFailures, now: Date, rule: ThrottleRule): number {
  if (failures.count < rule.maxFailures || !failures.lastAt) return 0;
  const extra = failures.count - rule.maxFailures;
  const delay = Math.min(firstDelaySeconds * 2 ** Math.min(extra, 30), rule.windowMinutes * 60);
  const elapsed = (now.getTime() - failures.lastAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - elapsed));
}

/** « 45 secondes », « 2 minutes »: the wait in the words of the login page. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? "1 seconde" : `${seconds} secondes`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
