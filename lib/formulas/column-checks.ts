/** Checks on a calculated column's edit that go beyond its own formula: the other columns that read it. */
import type { CalculatedColumnType } from "@/db/schema/calculated";
import type { ValueType } from "./ast";
import { analyseFormula } from "./analyse";
import { referencesName } from "./references";

type SavedColumn = { id: string; name: string; type: CalculatedColumnType; formula: string };

/** What a column's values are to a formula reading it or a criterion on it. */
export function valueTypeOf(type: CalculatedColumnType): ValueType {
  return type === "text" || type === "boolean" ? type : "number";
}

/**
 * With `columns` as they would be saved (the edited one and renamed references included), the French reason the
 * first column reading `edited` would stop working, or null.
 */
export function brokenDependent(columns: SavedColumn[], customFields: string[], edited: { id: string; name: string }): string | null {
  for (const column of columns) {
    if (column.id === edited.id || !referencesName(column.formula, edited.name)) continue;
    const analysis = analyseFormula(column.formula, column.type, { columns, customFields, selfId: column.id });
    if (!analysis.ok) return `La colonne « ${column.name} », qui utilise celle-ci, deviendrait invalide : ${analysis.error.message}`;
  }
  return null;
}
