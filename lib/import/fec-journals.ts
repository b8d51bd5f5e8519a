/** What a FEC journal holds, read from its code and label, and what a customer entry in it is. */
import type { DocumentType } from "./document-type";

export type JournalKind = "opening" | "sales" | "bank" | "other";

const OPENING_CODE = /^(?:AN|RAN|ANO|ANX|A-?NOUV)/i;
const OPENING_LABEL = /nouveaux?\b|report|r\.?a\.?n\b|ouverture|opening/i;
const BANK_CODE = /^(?:BQ|BAN|BNQ|CAI|CA\d|TR[EÉ]S)/i;
const BANK_LABEL = /banque|caisse|tr[ée]sorerie|\bbank|esp[eè]ces/i;
const SALES_CODE = /^(?:VT|VE|VEN|VTE|FAC?\b|FA\d)/i;
const SALES_LABEL = /vente|factur|sales/i;
const SETTLEMENT_LABEL = new RegExp(
  "^(?:r[eè]glement|r[eè]glt|rgl?t|virement|vir\\b|vrt|ch[eè]que|chq|encaissement|remise|" +
    "pr[eé]l[eè]vement|prlv|lcr|paiement|cb\\b)",
  "i",
);

export function journalKind(code: string, label: string): JournalKind {
  if (OPENING_CODE.test(code) || OPENING_LABEL.test(label)) return "opening";
  if (BANK_CODE.test(code) || BANK_LABEL.test(label)) return "bank";
  if (SALES_CODE.test(code) || SALES_LABEL.test(label)) return "sales";
  return "other";
}

/**
 * Bank and cash lines are payments whatever their side (a debit there is a refund or a rejected payment),
 * never credit notes; a credit in another journal is a payment when its label names a means of payment.
 */
export function entryType(kind: JournalKind, cents: bigint, label: string): DocumentType {
  if (kind === "opening") return "opening_balance";
  if (kind === "bank") return "payment";
  if (kind === "other" && cents < 0n && SETTLEMENT_LABEL.test(label)) return "payment";
  return cents > 0n ? "invoice" : cents < 0n ? "credit_note" : "other";
}
