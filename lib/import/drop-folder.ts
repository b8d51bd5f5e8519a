import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { type ImportKind, type ImportOutcome, runImport } from "./run-import";

/** Sub-folders of the drop folder, in the order they are imported (clients, then documents, then the payments of them). */
const kinds: ImportKind[] = ["clients", "documents", "fec", "payments"];

export type DropReport = { file: string; kind: ImportKind; status: ImportOutcome["status"]; message: string }[];

function moveTo(file: string, folder: "traites" | "refuses") {
  const target = path.join(path.dirname(file), folder);
  fs.mkdirSync(target, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  fs.renameSync(file, path.join(target, `${stamp}-${path.basename(file)}`));
}

/**
 * Imports the files an ERP dropped in `<dir>/clients`, `<dir>/documents`, `<dir>/fec` and `<dir>/payments`, oldest first, then
 * moves each to `traites/` or `refuses/` beside it so that it is never imported twice.
 */
export async function importDropFolder(
  db: Db,
  dir: string,
  options: { mode: "snapshot" | "incremental"; importDate: string },
): Promise<DropReport> {
  const report: DropReport = [];
  for (const kind of kinds) {
    const folder = path.join(dir, kind);
    if (!fs.existsSync(folder)) continue;
    const files = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => path.join(folder, entry.name))
      .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
    for (const file of files) {
      const outcome = await runImport(db, {
        kind,
        filePath: file,
        fileName: path.basename(file),
        mode: options.mode,
        importDate: options.importDate,
        userId: null,
        acceptRowErrors: false,
      });
      moveTo(file, outcome.status === "succeeded" ? "traites" : "refuses");
      report.push({ file: path.basename(file), kind, status: outcome.status, message: outcome.message });
    }
  }
  return report;
}
