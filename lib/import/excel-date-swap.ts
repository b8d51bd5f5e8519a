/**
 * A month-first export (3/8/2012, 1/26/2013) opened in a day-first Excel: Excel turns the values it can read as
 * day/month into date cells, day and month swapped, and leaves the others as text. A column mixing date cells
 * with text that proves month-first (a second field above 12) has its date cells swapped.
 */
import { formatInteger } from "@/lib/format/fr";
import { type ImportWarning, importWarning } from "./warnings";

const MONTH_FIRST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/;

/** A date cell read back with its day and month exchanged; only days 1–12 can result from the swap. */
export function swapDayAndMonth(date: Date): Date {
  const day = date.getUTCDate();
  if (day > 12) return date;
  return new Date(Date.UTC(date.getUTCFullYear(), day - 1, date.getUTCMonth() + 1));
}

type ColumnTally = { label: string; swappable: number; monthFirst: number; rows: number[]; example: string };

export function createExcelDateCheck(columns: readonly { column: number; label: string }[]) {
  const tallies = columns.map(({ column, label }) => ({ column, tally: { label, swappable: 0, monthFirst: 0, rows: [], example: "" } as ColumnTally }));

  function observe(cells: readonly unknown[], row: number) {
    for (const { column, tally } of tallies) {
      const cell = cells[column];
      if (cell instanceof Date) {
        if (cell.getUTCDate() <= 12) {
          tally.swappable++;
          if (tally.rows.length < 5) tally.rows.push(row);
        }
      } else if (typeof cell === "string") {
        const match = MONTH_FIRST.exec(cell);
        if (match && Number(match[1]) <= 12 && Number(match[2]) > 12) {
          tally.monthFirst++;
          tally.example ||= cell.trim();
        }
      }
    }
  }

  /** swapped: the import was asked to swap them; the warning then says what was done. */
  function finish(swapped: boolean): ImportWarning[] {
    return tallies
      .filter(({ tally }) => tally.swappable > 0 && tally.monthFirst > 0)
      .map(({ tally }) =>
        importWarning(
          swapped ? "excel_dates_swapped" : "excel_dates_swap_suspected",
          swapped
            ? `Colonne « ${tally.label} » : ${formatInteger(tally.swappable)} date(s) Excel remises dans l'ordre mois/jour du fichier.`
            : `Colonne « ${tally.label} » : ${formatInteger(tally.swappable)} date(s) Excel mêlées à ${formatInteger(tally.monthFirst)} ` +
                `date(s) texte au format mois/jour (ex. ${tally.example}) : Excel a probablement inversé jour et mois de ces dates. ` +
                "Cochez « Inverser jour et mois des dates Excel » (--swap-excel-dates) pour les corriger.",
          tally.swappable,
          tally.rows,
        ),
      );
  }

  return { observe, finish };
}
