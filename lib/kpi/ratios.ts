/** DBT, CEI and the recovery rate (SPEC §9), from exact decimal strings; ratios come out as plain numbers. */
import { toCents } from "@/lib/templates/decimal";

/**
 * Days beyond terms: Σ(open × days past due) / Σ open over overdue documents (days past due > 0).
 * Null when nothing is overdue. The SQL in db/queries/kpi.ts computes the same sum set-based.
 */
export function dbt(documents: { open: string; daysPastDue: number }[]): number | null {
  let weighted = 0n;
  let total = 0n;
  for (const doc of documents) {
    if (doc.daysPastDue <= 0) continue;
    const cents = toCents(doc.open);
    weighted += cents * BigInt(doc.daysPastDue);
    total += cents;
  }
  return total === 0n ? null : Number(weighted) / Number(total);
}

export type CeiInput = {
  /** Encours at the end of the day before the month. */
  openingReceivables: string;
  /** Invoices minus credit notes issued in the month. */
  sales: string;
  /** Encours at the month's last day. */
  closingReceivables: string;
  /** Non échu at the month's last day. */
  closingNotDue: string;
};

/** Collection effectiveness index in percent; null when the denominator is 0 or less (nothing collectable). */
export function cei(input: CeiInput): number | null {
  const available = toCents(input.openingReceivables) + toCents(input.sales);
  const numerator = available - toCents(input.closingReceivables);
  const denominator = available - toCents(input.closingNotDue);
  return denominator <= 0n ? null : (Number(numerator) / Number(denominator)) * 100;
}

/**
 * Taux de recouvrement over a period [from, to]: the amounts that were due in the period are the invoices
 * whose due date falls in it (TTC amount); of these, `settled` is the part paid by the end of the period
 * (amount − open amount at `to`). Rate = settled / due, null when nothing fell due.
 */
export function recoveryRate(input: { due: string; settled: string }): number | null {
  const due = toCents(input.due);
  return due <= 0n ? null : Number(toCents(input.settled)) / Number(due);
}
