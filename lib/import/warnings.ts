import type { ImportWarning } from "@/db/schema";

export type { ImportWarning };

const ROWS_KEPT = 5;

/** A warning keeps its count and the first few line numbers, enough to find the lines in the file. */
export function importWarning(code: string, message: string, count: number, rows?: number[], amount?: string): ImportWarning {
  return { code, message, count, ...(rows && rows.length > 0 ? { rows: rows.slice(0, ROWS_KEPT) } : {}), ...(amount ? { amount } : {}) };
}

/** « lignes 12, 40, 41… » for a warning's first lines. */
export function warningRowsText(warning: ImportWarning): string {
  if (!warning.rows || warning.rows.length === 0) return "";
  const more = warning.count > warning.rows.length ? "…" : "";
  return `ligne${warning.rows.length > 1 ? "s" : ""} ${warning.rows.join(", ")}${more}`;
}
