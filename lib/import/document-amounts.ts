/**
 * Amounts no pièce can carry, which reject the row: an invoice below zero, an open amount larger than the pièce
 * or on the other side of zero, a paid amount larger than the pièce. Credit notes and payments are negative by
 * nature and were signed before these checks; they only have to hold their open amount within their amount.
 */
import { amountSign, negateAmount, toCents } from "./decimal";
import type { DocumentType } from "./document-type";

export type AmountProblem = { field: "amount" | "openAmount" | "paidAmount"; reason: string };

const figures = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const shown = (amount: string) => figures.format(amount as Intl.StringNumericLiteral);
const magnitude = (amount: string) => {
  const cents = toCents(amount);
  return cents < 0n ? -cents : cents;
};

/**
 * `signed` is the pièce's amount with its type's sign, `open` the file's open amount signed like it (null when the
 * file gives none), `paid` the file's paid amount signed like it (null when none).
 */
export function impossibleAmount(
  type: DocumentType, signed: string, open: string | null, paid: string | null,
): AmountProblem | null {
  if (type === "invoice" && amountSign(signed) < 0) {
    return {
      field: "amount",
      reason: `Facture de montant négatif (${shown(signed)}) : une facture est positive ; un avoir se déclare avec le type « Avoir ».`,
    };
  }
  if (open !== null) {
    if (magnitude(open) > magnitude(signed)) {
      return {
        field: "openAmount",
        reason: `Reste dû (${shown(open)}) supérieur au montant de la pièce (${shown(signed)}).`,
      };
    }
    if (amountSign(open) !== 0 && amountSign(open) !== amountSign(signed)) {
      return {
        field: "openAmount",
        reason: `Reste dû de signe opposé au montant de la pièce (reste dû ${shown(open)}, montant ${shown(signed)}).`,
      };
    }
    return null;
  }
  if (paid !== null && magnitude(paid) > magnitude(signed)) {
    const paidShown = shown(amountSign(paid) < 0 ? negateAmount(paid) : paid);
    const amountShown = shown(amountSign(signed) < 0 ? negateAmount(signed) : signed);
    return {
      field: "paidAmount",
      reason: `Montant payé (${paidShown}) supérieur au montant de la pièce (${amountShown}) : le reste dû serait de signe opposé.`,
    };
  }
  return null;
}
