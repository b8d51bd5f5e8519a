/**
 * Splits decoded CSV text into records, chunk by chunk. Written here rather than taken from csv-parse:
 * csv-parse 7 builds an Error (stack trace included) for every record whose column count differs from the
 * first one, even with relax_column_count, which made ERP files with trailing separators 7× slower.
 *
 * Quoted fields follow RFC 4180 ("" inside quotes is a quote, separators and line breaks allowed); a quote
 * inside an unquoted field is plain text; lines end with CRLF, LF or CR.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly kind: "unclosed-quote" | "record-too-long" | "too-many-columns",
  ) {
    super(`${kind} at line ${line}`);
  }
}

export class CsvTokenizer {
  private tail = "";
  private line = 1;
  private readonly separator: number;

  constructor(
    separator: string,
    private readonly quotes: boolean,
    private readonly maxRecordLength = 1_000_000,
    /** Beyond it a line is refused as soon as a field holds something; trailing empty fields do not count. */
    private readonly maxColumns = Infinity,
  ) {
    this.separator = separator.charCodeAt(0);
  }

  /** Parses a chunk; complete records go to `emit`, an unfinished one waits for the next chunk. */
  push(chunk: string, emit: (record: string[]) => void): void {
    const text = this.tail === "" ? chunk : this.tail + chunk;
    const consumed = this.parse(text, false, emit);
    this.tail = consumed < text.length ? text.slice(consumed) : "";
    if (this.tail.length > this.maxRecordLength) throw new CsvSyntaxError(this.line, "record-too-long");
  }

  end(emit: (record: string[]) => void): void {
    if (this.tail !== "") this.parse(this.tail, true, emit);
    this.tail = "";
  }

  /** Returns how far the text was consumed: up to the start of the first incomplete record. */
  private parse(text: string, final: boolean, emit: (record: string[]) => void): number {
    const length = text.length;
    const separator = this.separator;
    let pos = 0;
    while (pos < length) {
      const recordStart = pos;
      const record: string[] = [];
      let newlines = 0;
      for (;;) {
        let value: string;
        if (this.quotes && text.charCodeAt(pos) === QUOTE) {
          value = "";
          let from = pos + 1;
          for (;;) {
            const close = text.indexOf('"', from);
            if (close < 0 || (close + 1 >= length && !final)) {
              if (final) throw new CsvSyntaxError(this.line, "unclosed-quote");
              return recordStart;
            }
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += text.slice(from, close + 1);
              from = close + 2;
              continue;
            }
            value += text.slice(from, close);
            pos = close + 1;
            break;
          }
          for (let i = value.indexOf("\n"); i >= 0; i = value.indexOf("\n", i + 1)) newlines++;
          // Text after the closing quote and before the separator is kept (relaxed quoting).
          const end = this.fieldEnd(text, pos);
          if (end >= length && !final) return recordStart;
          if (end > pos) value += text.slice(pos, end);
          pos = end;
        } else {
          const end = this.fieldEnd(text, pos);
          if (end >= length && !final) return recordStart;
          value = text.slice(pos, end);
          pos = end;
        }
        record.push(value);
        if (record.length > this.maxColumns && value.trim() !== "") throw new CsvSyntaxError(this.line, "too-many-columns");
        if (pos >= length) break;
        const c = text.charCodeAt(pos);
        if (c === separator) {
          pos++;
          if (pos < length) continue;
          if (!final) return recordStart;
          record.push("");
          break;
        }
        if (c === CR) {
          if (pos + 1 >= length && !final) return recordStart;
          pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++;
        break;
      }
      this.line += 1 + newlines;
      emit(record);
    }
    return pos;
  }

  private fieldEnd(text: string, from: number): number {
    const separator = this.separator;
    let i = from;
    for (const length = text.length; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === separator || c === LF || c === CR) break;
    }
    return i;
  }
}
