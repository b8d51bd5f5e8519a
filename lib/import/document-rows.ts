/**
 * Documents rows. The amount comes from its column or from debit − credit; a row without a type is a credit note
 * when negative; credit notes and payments are made negative, and open and paid amounts take the amount's sign.
 * The open amount is the file's, else amount − paid; amounts no pièce can carry reject the row (document-amounts.ts);
 * a paid status settles the pièce; drafts and voided pièces are left out; the currency is the column's, else the one
 * the amounts are written in.
 */
import { amountCurrencySign, type CurrencySign } from "./amount";
import { impossibleAmount } from "./document-amounts";
import { amountSign, negateAmount, subtractAmounts, toCents } from "./decimal";
import type { DocumentNotes } from "./document-notes";
import type { DocumentStatusWord } from "./document-status";
import { signedAmount, typeFromAmount, type DocumentType } from "./document-type";
import { MISSING_VALUE } from "./result";
import {
  type ColumnMapping,
  compile,
  type DocumentRow,
  type FieldValue,
  isTotalRow,
  readCells,
  type RowError,
  type RowResult,
  text,
  type ValueOptions,
} from "./rows";
import { cellText } from "./values";

const AMOUNT_KEYS = new Set(["amount", "openAmount", "paidAmount", "debit", "credit"]);
const SIGN_CURRENCY: Record<CurrencySign, string> = { "€": "EUR", $: "USD", "£": "GBP" };
// A bare "$" is how the exports of these currencies write them too; it only means USD when nothing else says.
const DOLLARS = new Set(["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"]);
const signFits = (sign: CurrencySign, code: string) => (sign === "$" ? DOLLARS.has(code) : SIGN_CURRENCY[sign] === code);

type Column = ReturnType<typeof compile>[number];
type Currency = { ok: true; code: string | null } | { ok: false; error: RowError };

/** The currency column wins; an amount written in another currency than the column's, or in two, is an error. */
function currencyOf(amountColumns: Column[], cells: readonly unknown[], row: number, column: string | null): Currency {
  let sign: CurrencySign | null = null;
  for (const { column: index, label } of amountColumns) {
    const found = amountCurrencySign(cells[index]);
    if (!found) continue;
    if (sign && found !== sign) {
      const reason = `Devises différentes sur une même ligne : « ${sign} » et « ${found} ».`;
      return { ok: false, error: { row, column: label, value: cellText(cells[index]) ?? "", reason } };
    }
    sign = found;
  }
  if (sign && column && !signFits(sign, column)) {
    const reason = `Devise contradictoire : le montant est écrit en « ${sign} », la colonne Devise indique ${column}.`;
    return { ok: false, error: { row, column: "Devise", value: column, reason } };
  }
  return { ok: true, code: column ?? (sign ? SIGN_CURRENCY[sign] : null) };
}

/** The magnitude of `value` with the sign of `like`. */
function signedLike(value: string, like: string): string {
  const magnitude = amountSign(value) < 0 ? negateAmount(value) : value;
  return amountSign(like) < 0 ? negateAmount(magnitude) : magnitude;
}

/** The file's open amount with the pièce's sign: credit notes and payments are often listed with positive balances. */
function fileOpenAmount(signed: string, open: string | null): string | null {
  return open !== null && amountSign(signed) < 0 && amountSign(open) > 0 ? negateAmount(open) : open;
}

function openAmountOf(
  signed: string, open: string | null, paid: string | null, status: DocumentStatusWord | null, row: number,
  notes?: DocumentNotes,
): string | null {
  let result = open;
  if (paid !== null) {
    const fromPaid = subtractAmounts(signed, paid);
    if (result === null) result = fromPaid;
    else if (toCents(result) !== toCents(fromPaid)) notes?.openPaidMismatch(row);
  }
  if (status !== "paid") return result;
  if (result !== null && amountSign(result) !== 0) notes?.paidWithBalance(row);
  return "0.00";
}

/** `notes` collects what the warnings must say (rows left out by their status, amounts that disagree). */
export function createDocumentRowParser(mapping: ColumnMapping, options: ValueOptions, notes?: DocumentNotes) {
  const columns = compile("documents", mapping);
  const keys = new Set(Object.values(mapping));
  const amountFromDebitCredit = !keys.has("amount") && (keys.has("debit") || keys.has("credit"));
  const amountColumns = columns.filter((c) => AMOUNT_KEYS.has(c.field.key));
  const byKey = new Map(columns.map((c) => [c.field.key, c]));
  return (cells: readonly unknown[], row: number): RowResult<DocumentRow> => {
    const v: Record<string, FieldValue> = {};
    let errors = readCells(columns, cells, row, options, v);
    const status = (v.status ?? null) as DocumentStatusWord | null;
    // A draft or a voided invoice is not owed: left out whatever its other cells hold.
    if (status === "draft" || status === "void") {
      notes?.excluded(status, row);
      return { ok: true, value: null };
    }
    let amount = text(v.amount);
    if (amountFromDebitCredit && !errors) {
      const debit = text(v.debit);
      const credit = text(v.credit);
      if (debit !== null || credit !== null) amount = subtractAmounts(debit ?? "0.00", credit ?? "0.00");
      else errors = [{ row, column: "Débit / Crédit", value: "", reason: MISSING_VALUE }];
    }
    if (errors || amount === null) {
      return isTotalRow(cells) ? { ok: true, value: null } : { ok: false, errors: errors ?? [] };
    }
    const currency = currencyOf(amountColumns, cells, row, text(v.currency));
    if (!currency.ok) return { ok: false, errors: [currency.error] };
    const type = (v.type as DocumentType | null | undefined) ?? typeFromAmount(amount);
    const signed = signedAmount(type, amount);
    const open = fileOpenAmount(signed, text(v.openAmount));
    const paidCell = text(v.paidAmount);
    const paid = paidCell === null ? null : signedLike(paidCell, signed);
    const problem = impossibleAmount(type, signed, open, paid);
    if (problem) {
      const column = problem.field === "amount" && amountFromDebitCredit ? null : byKey.get(problem.field);
      const value = column ? (cellText(cells[column.column]) ?? "") : amount;
      return { ok: false, errors: [{ row, column: column?.label ?? "Débit / Crédit", value, reason: problem.reason }] };
    }
    const reason = text(v.disputeReason);
    // Without a flag column, a reason given is a dispute.
    const disputed = keys.has("disputed") ? v.disputed === true : reason !== null;
    return {
      ok: true,
      value: {
        row, entityCode: text(v.entityCode), clientCode: v.clientCode as string, type, number: v.number as string,
        reference: text(v.reference), issueDate: v.issueDate as string, dueDate: text(v.dueDate), amount: signed,
        openAmount: openAmountOf(signed, open, paid, status, row, notes),
        currency: currency.code, settledDate: text(v.settledDate), disputed, disputeReason: reason,
        clientName: text(v.clientName),
      },
    };
  };
}
