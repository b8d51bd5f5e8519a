/**
 * Late-payment penalties between businesses (Code de commerce L441-10 and D441-5):
 * per overdue invoice, penalty = open amount × annual rate × days late / 365, rounded to the cent,
 * plus a fixed 40 € indemnité forfaitaire pour frais de recouvrement when the client is a business.
 * Only invoices with a positive open amount past their due date bear them; credit notes and payments never do.
 */
import { daysBetween } from "@/lib/dates";
import { divideRounded, toCents, toScaled } from "./decimal";
import type { TemplateDocument } from "./context";

export const RECOVERY_INDEMNITY_CENTS = 4000n;

// Rates are read with 4 decimals of a percent: 12.15 % = 121500 / 1 000 000.
const RATE_SCALE = 4;
const RATE_DENOMINATOR = 100n * 10n ** BigInt(RATE_SCALE);

export type DocumentPenalty = {
  daysLate: number;
  /** Whether the document bears penalties: an invoice, past due, with something left to pay. */
  bearsPenalty: boolean;
  penaltyCents: bigint;
  indemnityCents: bigint;
};

/** Days past due on `today` (0 when not yet due). */
export function daysLate(dueDate: string, today: string): number {
  return Math.max(0, daysBetween(dueDate, today));
}

export function latePenaltyCents(openCents: bigint, ratePercent: string, days: number): bigint {
  if (openCents <= 0n || days <= 0) return 0n;
  return divideRounded(openCents * toScaled(ratePercent, RATE_SCALE) * BigInt(days), RATE_DENOMINATOR * 365n);
}

export function documentPenalty(
  document: TemplateDocument,
  today: string,
  ratePercent: string,
  isBusiness: boolean,
): DocumentPenalty {
  const days = daysLate(document.dueDate, today);
  const openCents = toCents(document.openAmount);
  const bearsPenalty = document.type === "invoice" && days > 0 && openCents > 0n;
  return {
    daysLate: days,
    bearsPenalty,
    penaltyCents: bearsPenalty ? latePenaltyCents(openCents, ratePercent, days) : 0n,
    indemnityCents: bearsPenalty && isBusiness ? RECOVERY_INDEMNITY_CENTS : 0n,
  };
}
