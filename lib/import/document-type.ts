import { amountSign, negateAmount } from "./decimal";
import { cellText } from "./values";

export type DocumentType = "invoice" | "credit_note" | "payment" | "opening_balance" | "other";

const WORDS: Record<string, DocumentType> = {
  facture: "invoice", factures: "invoice", fa: "invoice", f: "invoice", fac: "invoice", fact: "invoice",
  fc: "invoice", fv: "invoice", inv: "invoice", invoice: "invoice", "facture client": "invoice",
  "facture de vente": "invoice", "note de debit": "invoice", "debit note": "invoice",
  avoir: "credit_note", avoirs: "credit_note", av: "credit_note", a: "credit_note", avo: "credit_note",
  cn: "credit_note", crn: "credit_note", "credit note": "credit_note", "note de credit": "credit_note",
  "facture d avoir": "credit_note", "avoir client": "credit_note",
  reglement: "payment", reglements: "payment", rg: "payment", rgl: "payment", rglt: "payment", reg: "payment",
  paiement: "payment", encaissement: "payment", payment: "payment", pmt: "payment", pay: "payment",
  virement: "payment", vir: "payment", cheque: "payment", chq: "payment", lcr: "payment", prelevement: "payment",
  acompte: "payment", "reglement non lettre": "payment", "paiement client": "payment", "unapplied payment": "payment",
};

const cache = new Map<string, DocumentType>();

/** French and English words and the usual ERP codes; unknown words are "other", empty cells null. */
export function parseDocumentType(raw: unknown): DocumentType | null {
  const text = cellText(raw);
  if (text === null) return null;
  const cached = cache.get(text);
  if (cached) return cached;
  const normalized = text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  const type = WORDS[normalized] ?? WORDS[normalized.split(" ")[0]] ?? "other";
  // Few distinct values per file; the bound only protects against a column of free text.
  if (cache.size < 10_000) cache.set(text, type);
  return type;
}

/** Credit notes and payments are negative whatever sign the file uses. */
export function signedAmount(type: DocumentType, amount: string): string {
  if ((type === "credit_note" || type === "payment") && amountSign(amount) > 0) return negateAmount(amount);
  return amount;
}

/** The type of a row whose file has no type column: a negative amount is a credit note. */
export function typeFromAmount(amount: string): DocumentType {
  return amountSign(amount) < 0 ? "credit_note" : "invoice";
}
