import { describe, expect, it } from "vitest";
import { CsvSyntaxError, CsvTokenizer } from "./csv-tokenizer";

function tokenize(chunks: string[], separator = ";", quotes = true): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(separator, quotes);
  for (const chunk of chunks) tokenizer.push(chunk, (r) => records.push(r));
  tokenizer.end((r) => records.push(r));
  return records;
}

describe("CsvTokenizer", () => {
  it("splits fields and records on LF, CRLF and CR", () => {
    expect(tokenize(["a;b\nc;d\r\ne;f\rg;h"])).toEqual([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]);
  });

  it("keeps empty fields, empty lines and trailing separators for the reader to judge", () => {
    expect(tokenize(["a;;c;\n\n;\n"])).toEqual([["a", "", "c", ""], [""], ["", ""]]);
    expect(tokenize(["a;"])).toEqual([["a", ""]]);
  });

  it("reads quoted fields with separators, line breaks and doubled quotes", () => {
    expect(tokenize(['"a;1";"b\r\nc";"say ""hi"""\n'])).toEqual([["a;1", "b\r\nc", 'say "hi"']]);
    expect(tokenize(['"";x'])).toEqual([["", "x"]]);
  });

  it("keeps stray quotes as text, and all quotes when quoting is off", () => {
    expect(tokenize(['12" pipe;"quoted" tail;x'])).toEqual([['12" pipe', "quoted tail", "x"]]);
    expect(tokenize(['"a|b"|c'], "|", false)).toEqual([['"a', 'b"', "c"]]);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    const text = 'Code;Nom;Note\r\n"C;1";"Dupont\r\n""Fils""";x\r\nC2;;"fin"\r\n\r\nC3;a;b;\r';
    const whole = tokenize([text]);
    expect(whole).toEqual([["Code", "Nom", "Note"], ["C;1", 'Dupont\r\n"Fils"', "x"], ["C2", "", "fin"], [""], ["C3", "a", "b", ""]]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(tokenize([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(tokenize([...text])).toEqual(whole);
  });

  it("reports an unclosed quote with the line where its record starts", () => {
    const error = (() => {
      try {
        tokenize(['a;b\n"c\nd;e\n']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 2, kind: "unclosed-quote" });
  });

  it("counts lines inside quoted fields", () => {
    expect(() => tokenize(['"a\nb";c\n"d'])).toThrow(expect.objectContaining({ line: 3 }));
  });

  it("refuses a record longer than the limit instead of buffering forever", () => {
    const tokenizer = new CsvTokenizer(";", true, 100);
    expect(() => tokenizer.push(`"${"x".repeat(200)}`, () => {})).toThrow(expect.objectContaining({ kind: "record-too-long" }));
  });
});
