import { createReadStream } from "node:fs";
import type { Separator } from "./csv";
import { readCsvRows } from "./csv";
import type { TextEncoding } from "./encoding";
import { formatInteger } from "@/lib/format/fr";
import { ImportFileError } from "./result";
import { sniffFile } from "./sniff";
import { readXlsxRows } from "./xlsx";

export type FileLayout = {
  format: "xlsx" | "csv";
  sheet?: string;
  encoding?: TextEncoding;
  separator?: Separator;
};

/**
 * Opens a file as a stream of rows (index = row number − 1, empty rows included so numbers match what the
 * user sees in Excel or a text editor). The layout found by sniffing can be overridden by the user's choices.
 * An encoding given is not detected again over the whole file, unless `explainEncoding` asks for the evidence,
 * which then says why the sniffed encoding was found, whichever encoding is used.
 */
export async function openRows(
  path: string,
  fileName: string,
  overrides: Partial<FileLayout> & { quote?: boolean; explainEncoding?: boolean } = {},
) {
  const sniffed = await sniffFile(path, fileName, overrides.explainEncoding ? undefined : overrides.encoding);
  if (!sniffed.ok) throw new ImportFileError(sniffed.reason);
  const layout: FileLayout =
    sniffed.kind === "xlsx"
      ? { format: "xlsx", sheet: overrides.sheet }
      : {
          format: "csv",
          encoding: overrides.encoding ?? sniffed.encoding,
          separator: overrides.separator ?? sniffed.separator,
        };
  const source: AsyncGenerator<unknown[]> =
    layout.format === "xlsx"
      ? readXlsxRows(path, { sheet: layout.sheet, keepEmptyRows: true })
      : readCsvRows(createReadStream(path), {
          encoding: layout.encoding!,
          separator: layout.separator!,
          quote: overrides.quote,
          keepEmptyRows: true,
          maxColumns: MAX_COLUMNS,
        });
  const encodingEvidence = sniffed.kind === "csv" ? sniffed.encodingEvidence : null;
  return { layout, rows: withinColumnLimit(source), encodingEvidence };
}

/** More columns than any export has; reading the header of a wider file would hold the server for seconds. */
export const MAX_COLUMNS = 1000;

async function* withinColumnLimit(rows: AsyncGenerator<unknown[]>): AsyncGenerator<unknown[]> {
  let line = 0;
  for await (const cells of rows) {
    line++;
    let end = cells.length;
    while (end > MAX_COLUMNS && (cells[end - 1] === null || cells[end - 1] === undefined || cells[end - 1] === "")) end--;
    if (end > MAX_COLUMNS) {
      await rows.return(undefined);
      throw new ImportFileError(
        `Ligne ${formatInteger(line)} : ${formatInteger(end)} colonnes, au-delà des ${formatInteger(MAX_COLUMNS)} qu'un import ` +
          "accepte. Vérifiez le séparateur choisi ou le fichier.",
      );
    }
    yield cells;
  }
}
