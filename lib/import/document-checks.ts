/**
 * Checks over every valid row of a documents file that do not reject a row but must not pass in silence: dates
 * in the wrong order or out of any plausible range, and keys the file gives twice.
 */
import { formatInteger } from "@/lib/format/fr";
import { addDaysToDate } from "./date";
import type { DocumentRow } from "./rows";
import { type ImportWarning, importWarning } from "./warnings";

const YEARS_BACK = 10;
const YEARS_AHEAD = 2;

type Tally = { count: number; rows: number[] };
const tally = (): Tally => ({ count: 0, rows: [] });
const mark = (t: Tally, row: number) => {
  t.count++;
  if (t.rows.length < 5) t.rows.push(row);
};
const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;

export function createDocumentChecks(importDate: string) {
  const earliest = addDaysToDate(importDate, -365 * YEARS_BACK);
  const latest = addDaysToDate(importDate, 365 * YEARS_AHEAD);
  const dueBeforeIssue = tally();
  const settledBeforeIssue = tally();
  const outOfRange = tally();
  const repeated = tally();
  const conflicting: { number: string; first: number; row: number }[] = [];
  let conflicts = 0;
  const seen = createKeyIndex();

  function add(d: DocumentRow) {
    if (d.dueDate && d.dueDate < d.issueDate) mark(dueBeforeIssue, d.row);
    if (d.settledDate && d.settledDate < d.issueDate) mark(settledBeforeIssue, d.row);
    const outside = (date: string | null) => date !== null && (date < earliest || date > latest);
    if (outside(d.issueDate) || outside(d.dueDate) || outside(d.settledDate)) mark(outOfRange, d.row);
    const first = seen.firstOf(d);
    if (!first) return;
    if (sameFigures(first, d)) mark(repeated, d.row);
    else {
      conflicts++;
      if (conflicting.length < 5) conflicting.push({ number: d.number, first: first.row, row: d.row });
    }
  }

  function finish(): ImportWarning[] {
    const warnings: ImportWarning[] = [];
    if (dueBeforeIssue.count > 0) {
      warnings.push(importWarning("due_before_issue",
        `${plural(dueBeforeIssue.count, "pièce a son échéance", "pièces ont leur échéance")} avant sa date d'émission : ` +
          "colonnes de dates inversées ou mal associées ?", dueBeforeIssue.count, dueBeforeIssue.rows));
    }
    if (settledBeforeIssue.count > 0) {
      warnings.push(importWarning("settled_before_issue",
        `${plural(settledBeforeIssue.count, "pièce est réglée", "pièces sont réglées")} avant sa date d'émission.`,
        settledBeforeIssue.count, settledBeforeIssue.rows));
    }
    if (outOfRange.count > 0) {
      warnings.push(importWarning("date_out_of_range",
        `${plural(outOfRange.count, "pièce porte une date", "pièces portent une date")} à plus de ${YEARS_BACK} ans dans le passé ` +
          `ou ${YEARS_AHEAD} ans dans le futur : vérifiez le format des dates.`, outOfRange.count, outOfRange.rows));
    }
    if (repeated.count > 0) {
      warnings.push(importWarning("repeated_lines",
        `${plural(repeated.count, "ligne répète", "lignes répètent")} une pièce déjà lue avec les mêmes montants et dates ` +
          "(une ligne par article) : regroupées en une seule pièce.", repeated.count, repeated.rows));
    }
    if (conflicts > 0) {
      const examples = conflicting.map((c) => `${c.number} (lignes ${c.first} et ${c.row})`).join(", ");
      warnings.push(importWarning("duplicate_keys",
        `${plural(conflicts, "pièce apparaît", "pièces apparaissent")} plusieurs fois avec des montants ou des dates différents : ` +
          `${examples}${conflicts > conflicting.length ? "…" : ""}. La dernière ligne l'emporte.`, conflicts));
    }
    return warnings;
  }

  return { add, finish };
}

const sameKey = (a: DocumentRow, b: DocumentRow) =>
  a.number === b.number && a.clientCode === b.clientCode && a.type === b.type && a.entityCode === b.entityCode;
const sameFigures = (a: DocumentRow, b: DocumentRow) =>
  a.amount === b.amount && a.openAmount === b.openAmount && a.issueDate === b.issueDate && a.dueDate === b.dueDate &&
  a.settledDate === b.settledDate && a.currency === b.currency;

/**
 * The first row seen with each document key. A file of a million rows would hold a million key strings; this
 * holds a 32-bit hash per key and the rows themselves, which the import keeps anyway, and compares the real keys.
 */
function createKeyIndex() {
  const rows: DocumentRow[] = [];
  const byHash = new Map<number, number>();
  const collided = new Map<string, number>();
  const text = (d: DocumentRow) => `${d.entityCode ?? ""}\u0000${d.clientCode}\u0000${d.type}\u0000${d.number}`;
  return {
    /** The first row with d's key, or undefined when d is the first (then remembered). */
    firstOf(d: DocumentRow): DocumentRow | undefined {
      const hash = fnv1a(d);
      const index = byHash.get(hash);
      if (index === undefined) {
        byHash.set(hash, rows.push(d) - 1);
        return undefined;
      }
      if (sameKey(rows[index], d)) return rows[index];
      const key = text(d);
      const other = collided.get(key);
      if (other !== undefined) return rows[other];
      collided.set(key, rows.push(d) - 1);
      return undefined;
    },
  };
}

function fnv1a(d: DocumentRow): number {
  let hash = mix(0x811c9dc5, d.entityCode ?? "");
  hash = mix(hash, d.clientCode);
  hash = mix(hash, d.type);
  return mix(hash, d.number) >>> 0;
}

/** FNV-1a over a string and a separator, so « AB » + « C » and « A » + « BC » differ. */
function mix(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ 0x1f, 0x01000193);
}
