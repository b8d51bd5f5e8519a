import { createReadStream } from "node:fs";
import type { Separator } from "./csv";
import { readCsvRows } from "./csv";
import type { TextEncoding } from "./encoding";
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
  const rows: AsyncGenerator<unknown[]> =
    layout.format === "xlsx"
      ? readXlsxRows(path, { sheet: layout.sheet, keepEmptyRows: true })
      : readCsvRows(createReadStream(path), {
          encoding: layout.encoding!,
          separator: layout.separator!,
          quote: overrides.quote,
          keepEmptyRows: true,
        });
  const encodingEvidence = sniffed.kind === "csv" ? sniffed.encodingEvidence : null;
  return { layout, rows, encodingEvidence };
}
