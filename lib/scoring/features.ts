/**
 * The features of an invoice, in the order of `x` (db/queries/score-features.ts computes them in SQL), each known
 * at the invoice's issue date: the client's behaviour on its earlier invoices, the invoice's own terms, the season.
 */
export const featureNames = [
  "clientLateRate",
  "meanDaysLate",
  "recentTrend",
  "settledCount",
  "disputesYear",
  "brokenPromises90",
  "amountRatio",
  "paymentTerms",
  "daysSinceLastPayment",
  "monthSin",
  "monthCos",
  "overdueAtIssue",
  "logAmount",
  "lastDaysLate",
  "knownCount",
] as const;

export type FeatureName = (typeof featureNames)[number];

const index = (name: FeatureName) => featureNames.indexOf(name);

/** The client's past amount-weighted late rate (0.5 without history): what the per-customer baseline reads. */
export const CLIENT_LATE_RATE = index("clientLateRate");
export const MEAN_DAYS_LATE = index("meanDaysLate");
export const SETTLED_COUNT = index("settledCount");
export const DISPUTES_YEAR = index("disputesYear");
export const BROKEN_PROMISES = index("brokenPromises90");
export const OVERDUE_AT_ISSUE = index("overdueAtIssue");
export const KNOWN_COUNT = index("knownCount");

/** Days since the last payment are capped here, and set here when the client never paid. */
export const LAST_PAYMENT_CAP_DAYS = 365;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const round = (v: number) => Math.round(v);

/**
 * A feature as the client's reason in words, with its actual figure (x is the raw, unstandardised value), or null
 * when the feature says nothing worth reading (the season, the amount's logarithm).
 */
export function reasonText(name: FeatureName, x: number[]): string | null {
  const v = x[index(name)];
  switch (name) {
    case "clientLateRate":
      return `${round(v * 100)} % du montant facturé payé en retard`;
    case "meanDaysLate":
      return `paie en moyenne ${round(v)} j après l'échéance`;
    case "recentTrend":
      return v > 0 ? `retards en hausse sur les 90 derniers jours (+${round(v * 100)} points)` : null;
    case "settledCount":
    case "knownCount": {
      const n = round(Math.expm1(v));
      return n < 3 ? (n === 0 ? "aucun historique de paiement" : `historique court (${plural(n, "facture réglée", "factures réglées")})`) : null;
    }
    case "disputesYear":
      return v > 0 ? `${plural(round(v), "litige ouvert", "litiges ouverts")} sur 12 mois` : null;
    case "brokenPromises90":
      return v > 0 ? `${plural(round(v), "promesse non tenue", "promesses non tenues")} sur 90 j` : null;
    case "amountRatio":
      return v > 0 ? `montant ${(Math.exp(v)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} fois supérieur à l'habitude` : null;
    case "paymentTerms":
      return `délai de paiement de ${round(v)} j`;
    case "daysSinceLastPayment":
      return v >= LAST_PAYMENT_CAP_DAYS ? "aucun paiement depuis plus d'un an" : `aucun paiement depuis ${round(v)} j`;
    case "overdueAtIssue": {
      const n = round(Math.expm1(v));
      return n > 0 ? `${plural(n, "facture échue impayée", "factures échues impayées")}` : null;
    }
    case "lastDaysLate":
      return v > 0 ? `dernier règlement ${round(v)} j après l'échéance` : null;
    default:
      return null;
  }
}
