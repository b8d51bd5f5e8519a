/** How the home cards show an indicator and its change against 30 days before (fr-FR). */

const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** 46.25 → "46,3 j"; null → "—". */
export function formatDays(days: number | null): string {
  return days === null || !Number.isFinite(days) ? "—" : `${oneDecimal.format(days)} j`;
}

/** Which way is good for an indicator: lower DSO is good, higher CEI is good, encours is neither. */
export type Better = "lower" | "higher" | "neutral";

export type KpiChange = {
  /** current − previous, already formatted with its sign and unit (e.g. "+3,2 j", "−1 200,00 €"). */
  text: string;
  direction: "up" | "down" | "flat";
  /** Whether the change is an improvement; null when neutral or flat. */
  good: boolean | null;
};

/**
 * The change from `previous` to `current`; null when either is unknown. `format` shows the absolute
 * difference in the indicator's unit; the sign is added here.
 */
export function kpiChange(
  current: number | null,
  previous: number | null,
  better: Better,
  format: (absoluteDelta: number) => string,
): KpiChange | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const delta = current - previous;
  const text = format(Math.abs(delta));
  // A change too small to show in the indicator's own unit and precision reads as none: 0,04 j is "0 j", but
  // 0,3 point of CEI (a ratio difference of 0.003) is shown.
  if (text === format(0)) return { text, direction: "flat", good: null };
  const direction = delta > 0 ? "up" : "down";
  const good = better === "neutral" ? null : (better === "lower") === (direction === "down");
  return { text: `${delta > 0 ? "+" : "−"}${text}`, direction, good };
}

/** A difference of ratios shown in percentage points: 0.052 → "5,2 pts". */
export function formatPoints(ratioDelta: number): string {
  return `${oneDecimal.format(ratioDelta * 100)} pts`;
}

/** A countback figure: « ≥ 61 j » when it is only a minimum. */
export function formatCountback(days: number, lowerBound: boolean): string {
  return lowerBound ? `≥ ${formatDays(days)}` : formatDays(days);
}

const monthYear = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** `yyyy-mm` → « octobre 2026 ». */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return monthYear.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Why a DSO is only a minimum, and what to import to make it exact. */
export function shortHistoryNote(monthsKnown: number, knownFrom: string | null): string {
  const known =
    knownFrom === null || monthsKnown === 0
      ? "Aucune vente n'est connue à cette date"
      : `Ventes connues sur ${monthsKnown} mois seulement (depuis ${formatMonth(knownFrom)})`;
  return `${known} : le calcul par épuisement s'arrête là, le chiffre est un minimum. Importez les factures et avoirs des 24 derniers mois, réglés compris, pour un DSO exact.`;
}
