import type { PaymentTotals, StagedPayment as PaymentRow } from "@/db/queries/payments-apply";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { amountSign, negateAmount } from "./decimal";
import { compile, isTotalRow, readCells, type ColumnMapping, type FieldValue, type RowResult, type ValueOptions } from "./rows";
import { importWarning, type ImportWarning } from "./warnings";

/** Rows of a payments (règlements) file: the cash each line records, its duplicates and the import's summary. */

export type { PaymentRow };

const text = (v: FieldValue | undefined) => (typeof v === "string" ? v : null);

/**
 * A payments file lists cash received: an amount is taken as its absolute value, whatever sign the export gives
 * it (`($400.00)`, `-400,00`). A line of zero records nothing and is an error.
 */
export function createPaymentRowParser(mapping: ColumnMapping, options: ValueOptions) {
  const columns = compile("payments", mapping);
  return (cells: readonly unknown[], row: number): RowResult<PaymentRow> => {
    const v: Record<string, FieldValue> = {};
    const errors = readCells(columns, cells, row, options, v);
    if (errors) return isTotalRow(cells) ? { ok: true, value: null } : { ok: false, errors };
    const amount = v.amount as string;
    const sign = amountSign(amount);
    if (sign === 0) {
      return { ok: false, errors: [{ row, column: "Montant réglé", value: amount, reason: "Règlement d'un montant nul." }] };
    }
    return {
      ok: true,
      value: {
        row, entityCode: text(v.entityCode), clientCode: v.clientCode as string, invoiceNumber: text(v.invoiceNumber),
        paymentDate: v.paymentDate as string, amount: sign < 0 ? negateAmount(amount) : amount, reference: text(v.reference),
      },
    };
  };
}

const GROUPS_NAMED = 3;

/**
 * Lines identical in every field (client, date, amount, invoice, reference) may be one payment exported twice, or
 * two payments: both are imported, and the admin is told which lines to check.
 */
export function duplicatePaymentWarnings(rows: readonly PaymentRow[]): ImportWarning[] {
  const groups = new Map<string, number[]>();
  for (const p of rows) {
    const key = JSON.stringify([p.entityCode, p.clientCode, p.paymentDate, p.amount, p.invoiceNumber, p.reference]);
    const lines = groups.get(key);
    if (lines) lines.push(p.row);
    else groups.set(key, [p.row]);
  }
  const duplicates = [...groups.values()].filter((lines) => lines.length > 1).sort((a, b) => a[0] - b[0]);
  if (duplicates.length === 0) return [];
  const lines = duplicates.flat();
  const what =
    duplicates.length === 1
      ? `les ${listOfLines(duplicates[0])} sont identiques (même client, date, montant, facture et référence)`
      : `${formatInteger(duplicates.length)} groupes de lignes identiques (même client, date, montant, facture et ` +
        `référence) : ${duplicates.slice(0, GROUPS_NAMED).map(listOfLines).join(" ; ")}` +
        (duplicates.length > GROUPS_NAMED ? "…" : "");
  return [
    importWarning(
      "payment_possible_duplicate",
      `Possible doublon : ${what}. Chaque ligne est enregistrée comme un règlement distinct ; vérifiez qu'il ne ` +
        "s'agit pas d'un même règlement exporté deux fois.",
      lines.length,
      lines,
    ),
  ];
}

/** « lignes 4 et 5 », « lignes 9, 10 et 11 ». */
function listOfLines(lines: readonly number[]): string {
  return `lignes ${lines.slice(0, -1).join(", ")} et ${lines[lines.length - 1]}`;
}

/**
 * « 3 règlements enregistrés : 1 250,00 € affectés, 400,00 € non affectés ; 2 factures mises à jour, dont 1 soldée »:
 * the import's outcome as the history shows it.
 */
export function paymentsMessage(
  counts: { read: number; inserted: number; updated: number; settled: number; rejected: number },
  totals: PaymentTotals,
): string {
  const n = counts.inserted;
  const recorded =
    n === 0
      ? `aucun nouveau règlement enregistré${counts.read > 0 && counts.rejected === 0 ? " : le fichier l'était déjà" : ""}`
      : `${formatInteger(n)} règlement${n > 1 ? "s" : ""} enregistré${n > 1 ? "s" : ""} : ` +
        `${formatMoney(totals.applied)} affectés, ${formatMoney(totals.unapplied)} non affectés`;
  const u = counts.updated;
  const s = counts.settled;
  const invoices =
    u === 0
      ? "aucune facture modifiée"
      : `${formatInteger(u)} facture${u > 1 ? "s" : ""} mise${u > 1 ? "s" : ""} à jour, dont ${formatInteger(s)} soldée${s > 1 ? "s" : ""}`;
  const r = counts.rejected;
  const rejected = r === 0 ? "" : `, ${formatInteger(r)} ligne${r > 1 ? "s" : ""} rejetée${r > 1 ? "s" : ""}`;
  return `Import terminé : ${recorded} ; ${invoices}${rejected}.`;
}
