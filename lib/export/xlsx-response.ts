import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CONTENT_TYPES } from "@/lib/storage/file-type";

export type XlsxColumn = { header: string; width: number; numFmt?: string };
export type XlsxCell = string | number | Date | null;

/**
 * An xlsx download written row by row as `batches` yields them, so an export of any size never sits in memory.
 * Text cells must already be neutralised (see neutraliseFormula).
 */
export function xlsxResponse(sheetName: string, columns: XlsxColumn[], batches: AsyncIterable<XlsxCell[][]>, filename: string): Response {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : undefined }));

  (async () => {
    try {
      for await (const rows of batches) {
        for (const row of rows) sheet.addRow(row).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();

  return new Response(Readable.toWeb(output) as ReadableStream, {
    headers: {
      "content-type": CONTENT_TYPES.xlsx,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}

/** Maps each batch of an async source, lazily. */
export async function* mapBatches<T, U>(source: AsyncIterable<T[]>, map: (item: T) => U): AsyncIterable<U[]> {
  for await (const batch of source) yield batch.map(map);
}

export const moneyFormat = "#,##0.00";
export const dateFormat = "dd/mm/yyyy";
/** A ratio (0,42) shown as a percentage (42,0 %). */
export const percentFormat = "0.0%";
