/**
 * FEC (Fichier des Écritures Comptables, article A47 A-1 du LPF): recognising its header and turning its
 * lines into records. The customer items are extracted in fec-items.ts.
 */

export const FEC_COLUMNS = [
  "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
  "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate", "Montantdevise",
  "Idevise",
] as const;

export type FecColumn = (typeof FEC_COLUMNS)[number];

/** One FEC line as text; Debit and Credit are filled from Montant/Sens in files using that variant. */
export type FecLine = { row: number } & Record<FecColumn, string>;

/** Column index of each FEC column in the file, -1 when absent. */
export type FecColumnIndex = Record<FecColumn | "Montant" | "Sens", number>;

// The columns the extraction of customer items reads; the others may be missing without harm.
const NEEDED: readonly FecColumn[] = [
  "JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate",
  "EcritureLet", "DateLet",
];
const RECOGNISED_AT_LEAST = 6;

export type FecHeaderCheck =
  | { ok: true; columns: FecColumnIndex }
  | { ok: false; isFec: boolean; missing: string[]; reason: string };

/**
 * Recognises a FEC by its column names (case and order free) and lists the mandatory columns it lacks.
 * Amounts may be Debit/Credit or the allowed variant Montant/Sens.
 */
export function validateFecHeader(headers: readonly unknown[]): FecHeaderCheck {
  const positions = new Map<string, number>();
  headers.forEach((header, i) => {
    const name = typeof header === "string" ? header.replace(/^\uFEFF/, "").trim().toLowerCase() : "";
    if (name && !positions.has(name)) positions.set(name, i);
  });
  const at = (name: string) => positions.get(name.toLowerCase()) ?? -1;
  const columns = Object.fromEntries(
    [...FEC_COLUMNS, "Montant", "Sens"].map((name) => [name, at(name)]),
  ) as FecColumnIndex;
  const recognised = Object.values(columns).filter((i) => i >= 0).length;
  if (recognised < RECOGNISED_AT_LEAST) {
    return {
      ok: false,
      isFec: false,
      missing: [],
      reason:
        "Ce fichier n'est pas un FEC : sa première ligne doit contenir les noms de colonnes normalisés " +
        "(JournalCode, JournalLib, EcritureNum, EcritureDate, CompteNum…).",
    };
  }
  const missing: string[] = NEEDED.filter((name) => columns[name] < 0);
  const debitCredit = columns.Debit >= 0 && columns.Credit >= 0;
  const amountSense = columns.Montant >= 0 && columns.Sens >= 0;
  if (!debitCredit && !amountSense) {
    if (columns.Debit < 0) missing.push("Debit");
    if (columns.Credit < 0) missing.push("Credit");
  }
  if (missing.length === 0) return { ok: true, columns };
  const list = missing.join(", ");
  const reason =
    missing.length > 1 ? `Colonnes obligatoires du FEC manquantes : ${list}.` : `Colonne obligatoire du FEC manquante : ${list}.`;
  return { ok: false, isFec: true, missing, reason };
}

/** EcritureNum left empty or all zeros by some packages: it then identifies nothing. */
export const isUnusableEntryNum = (entryNum: string) => /^0*$/.test(entryNum);

const CREDIT_SENSE = /^(?:c|-1|cr[eé]dit)$/i;

/** Builds a line from the cells of a row, given the column positions found by validateFecHeader. */
export function fecLineFromCells(cells: readonly unknown[], columns: FecColumnIndex, row: number): FecLine {
  const cell = (index: number) => {
    const value = index >= 0 ? cells[index] : undefined;
    return typeof value === "string" ? value.trim() : value === null || value === undefined ? "" : String(value);
  };
  const line = { row } as FecLine;
  for (const name of FEC_COLUMNS) line[name] = cell(columns[name]);
  if (columns.Debit < 0 && columns.Montant >= 0) {
    const amount = cell(columns.Montant);
    const credit = CREDIT_SENSE.test(cell(columns.Sens));
    line.Debit = credit ? "" : amount;
    line.Credit = credit ? amount : "";
  }
  return line;
}
