/**
 * The complete list of an import's row errors as an xlsx file (the history keeps a bounded sample), kept in the
 * configured storage so that any instance serves it: downloaded from the import's page, named by the command line.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { neutraliseFormula } from "@/lib/export/neutralise";
import { type StoredFile, storageFolder, storageFor } from "@/lib/storage";
import { CONTENT_TYPES } from "@/lib/storage/file-type";
import type { RowError } from "./rows";

const keyOf = (importId: string) => (/^[0-9a-f-]{36}$/.test(importId) ? `import-errors/${importId}.xlsx` : null);

/** Stores the errors' file and says where it is: a path on this server, or the key in the bucket. */
export async function writeErrorFile(importId: string, errors: readonly RowError[]): Promise<string | null> {
  const key = keyOf(importId);
  if (!key || errors.length === 0) return null;
  const draft = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-errors-"));
  try {
    const file = path.join(draft, "erreurs.xlsx");
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
    const storage = storageFor("files");
    await storage.put(key, fs.createReadStream(file), CONTENT_TYPES.xlsx, fs.statSync(file).size);
    return storage.kind === "local" ? path.join(storageFolder("files"), key) : key;
  } finally {
    fs.rmSync(draft, { recursive: true, force: true });
  }
}

/** The stored errors' file of an import, or null when none was stored. */
export async function readErrorFile(importId: string): Promise<StoredFile | null> {
  const key = keyOf(importId);
  return key ? storageFor("files").get(key) : null;
}
