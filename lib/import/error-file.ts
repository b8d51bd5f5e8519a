/**
 * The complete list of an import's row errors as an xlsx file under DATA_DIR (the history keeps a bounded
 * sample): downloaded from the import's page, and named by the command line.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { env } from "@/lib/env";
import { neutraliseFormula } from "@/lib/export/neutralise";
import type { RowError } from "./rows";

const errorsDir = () => path.resolve(env.DATA_DIR, "import-errors");

export function errorFilePath(importId: string): string | null {
  return /^[0-9a-f-]{36}$/.test(importId) ? path.join(errorsDir(), `${importId}.xlsx`) : null;
}

export async function writeErrorFile(importId: string, errors: readonly RowError[]): Promise<string | null> {
  const file = errorFilePath(importId);
  if (!file || errors.length === 0) return null;
  fs.mkdirSync(errorsDir(), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const sheet = workbook.addWorksheet("Erreurs");
  sheet.columns = [
    { header: "Ligne", key: "row", width: 8 },
    { header: "Colonne", key: "column", width: 24 },
    { header: "Valeur", key: "value", width: 30 },
    { header: "Motif", key: "reason", width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const error of errors) {
    sheet
      .addRow({
        row: error.row, column: neutraliseFormula(error.column), value: neutraliseFormula(error.value),
        reason: neutraliseFormula(error.reason),
      })
      .commit();
  }
  await workbook.commit();
  return file;
}
