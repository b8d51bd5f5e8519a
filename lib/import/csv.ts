import iconv from "iconv-lite";
import { CsvSyntaxError, CsvTokenizer } from "./csv-tokenizer";
import { decodeText, detectEncoding, iconvName, type TextEncoding } from "./encoding";
import { ImportFileError } from "./result";

export type Separator = ";" | "," | "\t" | "|";

// On a tie, the separator French exports use most often wins.
const SEPARATORS: readonly Separator[] = [";", "\t", "|", ","];
const QUOTE = 34;

/** Columns of a line for one separator, quotes respected and trailing empty columns not counted. */
function columnCount(line: string, separator: number): number {
  let inQuotes = false;
  let separators = 0;
  let columnsWithContent = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (c === separator) separators++;
    else if (c !== 32 && c !== 9 && c !== QUOTE) columnsWithContent = separators + 1;
  }
  return columnsWithContent;
}

/**
 * The separator giving the same column count (more than one) on the most lines; title rows and trailing
 * separators do not disturb it. Semicolon when nothing separates anything.
 */
export function detectSeparator(firstLines: readonly string[]): Separator {
  let best: Separator = ";";
  let bestSupport = 0;
  let bestColumns = 0;
  const lines = firstLines.filter((line) => line.trim() !== "");
  for (const separator of SEPARATORS) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const columns = columnCount(line, separator.charCodeAt(0));
      if (columns > 1) frequency.set(columns, (frequency.get(columns) ?? 0) + 1);
    }
    for (const [columns, support] of frequency) {
      if (support > bestSupport || (support === bestSupport && columns > bestColumns)) {
        best = separator;
        bestSupport = support;
        bestColumns = columns;
      }
    }
  }
  return best;
}

const HEAD_LINES = 50;

export type CsvHead = { encoding: TextEncoding; separator: Separator; lines: string[] };

/**
 * Encoding and separator of a text file, from its first bytes (`complete` when the sample is the whole file);
 * the encoding is guessed from the sample unless one found over the whole file is given.
 */
export function sniffCsvHead(sample: Buffer, complete = false, knownEncoding?: TextEncoding): CsvHead {
  const encoding = knownEncoding ?? detectEncoding(sample);
  const lines = decodeText(sample, encoding).split(/\r\n|\n|\r/, HEAD_LINES + 1);
  if (!complete && lines.length > 1) lines.pop();
  return { encoding, separator: detectSeparator(lines.slice(0, HEAD_LINES)), lines: lines.slice(0, HEAD_LINES) };
}

export type CsvOptions = {
  encoding: TextEncoding;
  separator: Separator;
  /** False for files that never quote (FEC): a stray quote then stays text. */
  quote?: boolean;
  /** Yield empty lines as [] so that the index of a row is its record number − 1. */
  keepEmptyRows?: boolean;
  /** A line with more columns is refused as soon as the tokenizer reaches them. */
  maxColumns?: number;
};

/**
 * Streams the rows of a CSV/TXT file as arrays of strings: decoded on the fly (iconv-lite), CRLF, LF or CR,
 * trailing empty columns (trailing separators) removed, fully empty lines skipped.
 */
export async function* readCsvRows(
  source: NodeJS.ReadableStream | Buffer,
  options: CsvOptions,
): AsyncGenerator<string[]> {
  const decoder = iconv.getDecoder(iconvName(options.encoding));
  const tokenizer = new CsvTokenizer(options.separator, options.quote !== false, undefined, options.maxColumns);
  const keepEmpty = options.keepEmptyRows === true;
  let batch: string[][] = [];
  const emit = (record: string[]) => {
    let end = record.length;
    while (end > 0 && isBlank(record[end - 1])) end--;
    if (end === 0 && !keepEmpty) return;
    if (end < record.length) record.length = end;
    batch.push(record);
  };
  const chunks = Buffer.isBuffer(source) ? [source] : (source as AsyncIterable<Buffer | string>);
  try {
    for await (const chunk of chunks) {
      tokenizer.push(decoder.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk), emit);
      if (batch.length > 0) {
        const rows = batch;
        batch = [];
        yield* rows;
      }
    }
    const rest = decoder.end();
    if (rest) tokenizer.push(rest, emit);
    tokenizer.end(emit);
  } catch (error) {
    throw translate(error);
  }
  yield* batch;
}

function isBlank(field: string): boolean {
  return field.length === 0 || field.trim().length === 0;
}

function translate(error: unknown): unknown {
  if (!(error instanceof CsvSyntaxError)) return error;
  const reason = {
    "unclosed-quote": "guillemet ouvert jamais refermé",
    "record-too-long": "ligne de plus d'un million de caractères (guillemet non refermé ou fichier sans fin de ligne ?)",
    "too-many-columns": "trop de colonnes (vérifiez le séparateur choisi)",
  }[error.kind];
  return new ImportFileError(`Fichier CSV illisible à la ligne ${error.line} : ${reason}.`);
}
