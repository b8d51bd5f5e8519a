/**
 * Dates of an API key as people read them: an expiry chosen as a last valid day, the last use as « il y a … »,
 * and the status the list shows. Pure, so the rules are tested without a clock.
 */

/** The instant a key chosen « valable jusqu'au `lastDay` inclus » stops working: the next midnight in `timeZone`. */
export function expiryInstant(lastDay: string, timeZone: string): Date {
  const [y, m, d] = lastDay.split("-").map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d + 1);
  // The zone's offset at that moment (summer and winter time differ), read back from Intl.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" })
      .formatToParts(new Date(midnightUtc))
      .map((p) => [p.type, Number(p.value)]),
  );
  const shownAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return new Date(midnightUtc - (shownAsUtc - midnightUtc));
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** « jamais », « à l'instant », « il y a 5 minutes », « hier », « il y a 3 mois ». */
export function lastUseLabel(lastUsedAt: Date | null, now: Date): string {
  if (!lastUsedAt) return "jamais";
  const seconds = Math.max(0, (now.getTime() - lastUsedAt.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat("fr-FR", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return "à l'instant";
}

export type KeyStatus = "active" | "revoked" | "expired";

export function keyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

export const keyStatusLabels: Record<KeyStatus, string> = { active: "Active", revoked: "Révoquée", expired: "Expirée" };
