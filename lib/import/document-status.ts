/**
 * The status column of invoicing-tool and ERP exports: drafts and voided pièces are not receivables, paid ones are
 * settled whatever amounts they show, open ones keep them.
 */
import { EMPTY, fail, ok, type ParseResult } from "./result";
import { cellText } from "./values";

export type DocumentStatusWord = "draft" | "void" | "paid" | "open";

const WORDS: Record<string, DocumentStatusWord> = {
  brouillon: "draft", draft: "draft", proforma: "draft", "pro forma": "draft", devis: "draft", quote: "draft",
  annulee: "void", annule: "void", annulation: "void", void: "void", voided: "void", cancelled: "void",
  canceled: "void",
  payee: "paid", paye: "paid", reglee: "paid", regle: "paid", soldee: "paid", solde: "paid", lettree: "paid",
  lettre: "paid", paid: "paid", "fully paid": "paid", settled: "paid", closed: "paid",
  ouverte: "open", ouvert: "open", "en retard": "open", impayee: "open", impaye: "open", "non payee": "open",
  "non reglee": "open", "a payer": "open", "a regler": "open", "partiellement payee": "open",
  "partiellement reglee": "open", "en attente": "open", "en cours": "open", emise: "open", envoyee: "open",
  validee: "open", echue: "open", open: "open", unpaid: "open", "partially paid": "open", partial: "open",
  overdue: "open", "past due": "open", late: "open", due: "open", sent: "open", issued: "open",
  outstanding: "open", pending: "open", posted: "open",
};

export const ACCEPTED_STATUSES =
  "Brouillon, Proforma, Annulée, Payée, Réglée, Soldée, Ouverte, Impayée, Partiellement payée, En retard " +
  "(ou Draft, Void, Cancelled, Paid, Open, Unpaid, Partially paid, Overdue)";

const normalize = (text: string) =>
  text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();

export function parseDocumentStatus(raw: unknown): ParseResult<DocumentStatusWord | null> {
  const text = cellText(raw);
  if (text === null) return EMPTY;
  const status = WORDS[normalize(text)];
  return status ? ok(status) : fail(`Statut non reconnu. Valeurs acceptées : ${ACCEPTED_STATUSES}.`);
}
