import { createReadStream } from "node:fs";
import ExcelJS from "exceljs";
import { ImportFileError } from "./result";
import { readZipDirectory, readZipEntry, type ZipEntry } from "./zip";

export type SheetInfo = { name: string; hidden: boolean };

const MAX_WORKBOOK_XML = 8 * 1024 * 1024;
const SHEET_TAG = /<(?:\w+:)?sheet\s[^>]*>/g;
const NAME_ATTRIBUTE = /\sname="([^"]*)"/;
const STATE_ATTRIBUTE = /\sstate="(hidden|veryHidden)"/;

/** The sheets of a workbook in tab order, read from xl/workbook.xml without opening the sheets. */
export async function listSheets(path: string): Promise<SheetInfo[]> {
  return sheetsOf(path, await readZipDirectory(path));
}

async function sheetsOf(path: string, directory: ZipEntry[]): Promise<SheetInfo[]> {
  const entry = directory.find((e) => e.name === "xl/workbook.xml");
  if (!entry) throw new ImportFileError("Classeur Excel endommagé : liste des feuilles introuvable.");
  const xml = (await readZipEntry(path, entry, MAX_WORKBOOK_XML)).toString("utf8");
  const sheets: SheetInfo[] = [];
  for (const [tag] of xml.matchAll(SHEET_TAG)) {
    const name = NAME_ATTRIBUTE.exec(tag);
    if (name) sheets.push({ name: decodeXml(name[1]), hidden: STATE_ATTRIBUTE.test(tag) });
  }
  return sheets;
}

const XML_ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(XML_ENTITY, (_, hex: string, dec: string, named: string) =>
    named ? NAMED[named.toLowerCase()] : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)),
  );
}

export type XlsxOptions = {
  /** Sheet name; the first visible sheet when absent. */
  sheet?: string;
  /** Yield missing and empty rows as [] so that the index of a row is its Excel row number − 1. */
  keepEmptyRows?: boolean;
};

/** How many times a sheet is read again when exceljs's single pass over the archive came up short. */
const READ_ATTEMPTS = 6;

/** exceljs's pass over the archive ended before the parts a sheet needs: nothing was read yet, read again. */
class IncompletePass extends Error {}

/**
 * Streams the rows of one sheet as arrays of plain values (number, string, boolean, Date, null): rich text,
 * formulas and hyperlinks are unwrapped to what the cell shows. Cells with a date format arrive as Date
 * (exceljs reads the styles for that); the workbook is never held in memory.
 */
export async function* readXlsxRows(path: string, options: XlsxOptions = {}): AsyncGenerator<unknown[]> {
  const directory = await readZipDirectory(path);
  const sheets = await sheetsOf(path, directory);
  const wanted = options.sheet ?? (sheets.find((s) => !s.hidden) ?? sheets[0])?.name;
  if (wanted === undefined || !sheets.some((s) => s.name === wanted)) {
    throw new ImportFileError(`Feuille « ${options.sheet ?? ""} » introuvable dans le classeur.`);
  }
  const needs = { sharedStrings: directory.some((e) => e.name === "xl/sharedStrings.xml"), styles: directory.some((e) => e.name === "xl/styles.xml") };
  // exceljs reads the archive in one streaming pass that now and then ends early, losing the parts stored after
  // the sheets (exceljs#3064): it then fails on the sheet names, or would read strings and dates as blanks. Both
  // show before the first row, so the sheet is simply read again.
  for (let attempt = 1; ; attempt++) {
    let started = false;
    try {
      for await (const cells of sheetRows(path, wanted, needs, options)) {
        started = true;
        yield cells;
      }
      return;
    } catch (error) {
      const incomplete = error instanceof IncompletePass || (error instanceof TypeError && !started);
      if (!incomplete || attempt === READ_ATTEMPTS) throw incomplete ? new ImportFileError("Classeur Excel illisible : relancez l'import.") : error;
      // The race depends on timing: a busy process loses it several times in a row, a short pause breaks the run.
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    }
  }
}

async function* sheetRows(path: string, wanted: string, needs: { sharedStrings: boolean; styles: boolean }, options: XlsxOptions) {
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  // The parts of the archive the pass went through: "workbook", "shared-strings", "styles", "worksheet"…
  const seen = new Set<string>();
  // exceljs's types omit that the reader is an EventEmitter.
  (reader as unknown as NodeJS.EventEmitter).on("entry", (entry: { type: string }) => seen.add(entry.type));
  try {
    for await (const worksheet of reader) {
      if ((worksheet as unknown as { name: string }).name !== wanted) {
        // exceljs parks a sheet that precedes the shared strings in a temporary file and deletes it once the next
        // sheet is asked for, while the read stream of a sheet nobody read may still be opening: an uncaught
        // ENOENT that would bring the process down. Reading a skipped sheet through closes that race.
        for await (const skipped of worksheet) void skipped;
        continue;
      }
      if ((needs.sharedStrings && !seen.has("shared-strings")) || (needs.styles && !seen.has("styles"))) throw new IncompletePass();
      let expected = 1;
      for await (const row of worksheet) {
        if (options.keepEmptyRows) for (; expected < row.number; expected++) yield [];
        expected = row.number + 1;
        const cells = rowCells(row.values as unknown[]);
        if (cells.length > 0 || options.keepEmptyRows) yield cells;
      }
      return;
    }
  } finally {
    input.destroy();
  }
}

/** exceljs rows are 1-based sparse arrays; trailing empty cells are dropped. */
function rowCells(values: unknown[]): unknown[] {
  const cells: unknown[] = [];
  let length = 0;
  for (let i = 1; i < values.length; i++) {
    const value = plainValue(values[i]);
    cells.push(value);
    if (value !== null && !(typeof value === "string" && value.trim() === "")) length = i;
  }
  cells.length = length;
  return cells;
}

export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((run: { text?: string }) => run.text ?? "").join("");
  if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
  if ("error" in v) return String(v.error);
  if ("text" in v) return plainValue(v.text);
  return null;
}
