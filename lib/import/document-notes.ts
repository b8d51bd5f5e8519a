/**
 * What the documents row parser reads as written, or leaves out, and must say: drafts and voided pièces not
 * imported, open amounts that disagree with amount − paid, pièces marked paid that still show a balance.
 */
import { formatInteger } from "@/lib/format/fr";
import { type ImportWarning, importWarning } from "./warnings";

type Tally = { count: number; rows: number[] };
const ROWS_KEPT = 5;
const mark = (t: Tally, row: number) => {
  t.count++;
  if (t.rows.length < ROWS_KEPT) t.rows.push(row);
};
const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;

export type DocumentNotes = ReturnType<typeof createDocumentNotes>;

export function createDocumentNotes() {
  let drafts = 0;
  let voids = 0;
  const excluded: Tally = { count: 0, rows: [] };
  const mismatch: Tally = { count: 0, rows: [] };
  const paidWithBalance: Tally = { count: 0, rows: [] };

  function finish(): ImportWarning[] {
    const warnings: ImportWarning[] = [];
    if (excluded.count > 0) {
      const parts = [
        ...(drafts > 0 ? [plural(drafts, "brouillon", "brouillons")] : []),
        ...(voids > 0 ? [plural(voids, "facture annulée", "factures annulées")] : []),
      ];
      const ignored = drafts > 0 ? (excluded.count > 1 ? "ignorés" : "ignoré") : voids > 1 ? "ignorées" : "ignorée";
      warnings.push(importWarning("excluded_status",
        `${parts.join(" et ")} ${ignored} d'après la colonne Statut : ces lignes ne sont pas importées.`,
        excluded.count, excluded.rows));
    }
    if (mismatch.count > 0) {
      warnings.push(importWarning("open_paid_mismatch",
        `${plural(mismatch.count, "pièce a un reste dû différent", "pièces ont un reste dû différent")} du montant moins ` +
          "le montant payé : le reste dû du fichier est retenu.", mismatch.count, mismatch.rows));
    }
    if (paidWithBalance.count > 0) {
      warnings.push(importWarning("paid_status_with_balance",
        `${plural(paidWithBalance.count, "pièce au statut payé porte", "pièces au statut payé portent")} encore un reste dû : ` +
          "importée(s) comme soldée(s).", paidWithBalance.count, paidWithBalance.rows));
    }
    return warnings;
  }

  return {
    excluded(status: "draft" | "void", row: number) {
      if (status === "draft") drafts++;
      else voids++;
      mark(excluded, row);
    },
    openPaidMismatch: (row: number) => mark(mismatch, row),
    paidWithBalance: (row: number) => mark(paidWithBalance, row),
    finish,
  };
}
