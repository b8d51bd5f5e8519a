import { mkdtempSync, writeFileSync, createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectSeparator, readCsvRows, sniffCsvHead, type CsvOptions } from "./csv";
import { detectHeaderRow } from "./header";
import { ImportFileError } from "./result";

async function rows(source: Buffer | NodeJS.ReadableStream, options: CsvOptions): Promise<string[][]> {
  const all: string[][] = [];
  for await (const row of readCsvRows(source, options)) all.push(row);
  return all;
}

const utf8 = { encoding: "utf-8", separator: ";" } as const;

describe("detectSeparator", () => {
  it("picks the separator with the most consistent column count", () => {
    expect(detectSeparator(["a;b;c", "1;2,5;3", "4;5,5;6"])).toBe(";");
    expect(detectSeparator(["a,b,c", "1,2.5,3", "4,5.5,6"])).toBe(",");
    expect(detectSeparator(["a\tb\tc", "1\t2,5\t3"])).toBe("\t");
    expect(detectSeparator(["a|b|c", "1|2,5|3"])).toBe("|");
  });

  it("is not fooled by a title row, quoted separators or trailing separators", () => {
    const lines = ["Balance clients, au 23/11/2026", "", "Code;Nom;Montant;", '"C1";"Dupont; Fils";"1,5";', "C2;Durand;2,5;;"];
    expect(detectSeparator(lines)).toBe(";");
  });

  it("falls back to semicolon when nothing separates anything", () => {
    expect(detectSeparator(["une seule colonne", "encore"])).toBe(";");
  });
});

describe("sniffCsvHead", () => {
  it("detects encoding and separator of a Windows-1252 semicolon file", () => {
    const bytes = iconv.encode("Code client;Raison sociale;Montant\r\nC001;Société Générale;1 234,56\r\n", "win1252");
    expect(sniffCsvHead(bytes, true)).toMatchObject({ encoding: "windows-1252", separator: ";" });
  });

  it("drops the last, possibly cut, line of a partial sample", () => {
    const head = sniffCsvHead(Buffer.from("a;b\n1;2\n3;"), false);
    expect(head.lines).toEqual(["a;b", "1;2"]);
  });
});

describe("readCsvRows", () => {
  it("reads CRLF lines, drops trailing separators and skips empty lines", async () => {
    const csv = "Code;Nom;Montant;;\r\nC1;Dupont;1 234,56;\r\n\r\n;;;\r\nC2;Durand;-5,00\r\n";
    expect(await rows(Buffer.from(csv), utf8)).toEqual([
      ["Code", "Nom", "Montant"],
      ["C1", "Dupont", "1 234,56"],
      ["C2", "Durand", "-5,00"],
    ]);
  });

  it("keeps a title row above the header, which header detection then skips", async () => {
    const csv = "Balance âgée au 23/11/2026\n\nCode client;Raison sociale;SIREN\n00042;Dupont;404833048\n";
    const all = await rows(Buffer.from(csv), utf8);
    expect(all[0]).toEqual(["Balance âgée au 23/11/2026"]);
    expect(await detectHeaderRow(all, "clients")).toEqual({ rowIndex: 1, matchedFields: 3 });
    expect(all[2]).toEqual(["00042", "Dupont", "404833048"]);
  });

  it("handles quotes: separators and line breaks inside, stray quotes in unquoted fields", async () => {
    const csv = 'Nom;Adresse;Note\n"Dupont; Fils";"1 rue A\r\nBP 2";Il a dit "oui"\n';
    expect(await rows(Buffer.from(csv), utf8)).toEqual([
      ["Nom", "Adresse", "Note"],
      ["Dupont; Fils", "1 rue A\r\nBP 2", 'Il a dit "oui"'],
    ]);
  });

  it("keeps quotes as text when quoting is off (FEC)", async () => {
    const fec = 'JournalCode|EcritureLib\nVE|"Facture 12\nVE|Avoir\n';
    expect(await rows(Buffer.from(fec), { encoding: "utf-8", separator: "|", quote: false })).toEqual([
      ["JournalCode", "EcritureLib"],
      ["VE", '"Facture 12'],
      ["VE", "Avoir"],
    ]);
  });

  it("keeps empty rows on request so that indexes are line numbers", async () => {
    const all = await rows(Buffer.from("a;b\n\n;\nc;d\n"), { ...utf8, keepEmptyRows: true });
    expect(all).toEqual([["a", "b"], [], [], ["c", "d"]]);
  });

  it("decodes Windows-1252 and strips a UTF-8 BOM", async () => {
    const ansi = iconv.encode("Libellé;Montant\nAvoir n° 3;12 €\n", "win1252");
    expect(await rows(ansi, { encoding: "windows-1252", separator: ";" })).toEqual([
      ["Libellé", "Montant"],
      ["Avoir n° 3", "12 €"],
    ]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Code;Nom\n1;É\n")]);
    expect((await rows(bom, { encoding: "utf-8-bom", separator: ";" }))[0]).toEqual(["Code", "Nom"]);
  });

  it("streams from a file and survives multi-byte characters cut between chunks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "encaisse-csv-"));
    const path = join(dir, "cp850.txt");
    writeFileSync(path, iconv.encode("JournalCode\tCompAuxLib\nVE\tSociété Générale\n", "cp850"));
    expect(await rows(createReadStream(path, { highWaterMark: 3 }), { encoding: "cp850", separator: "\t" })).toEqual([
      ["JournalCode", "CompAuxLib"],
      ["VE", "Société Générale"],
    ]);
    const bytes = Buffer.from("Nom;Ville\nÉlodie;Besançon\n", "utf8");
    const oneByteChunks = Readable.from([...bytes].map((b) => Buffer.from([b])));
    expect((await rows(oneByteChunks, utf8))[1]).toEqual(["Élodie", "Besançon"]);
  });

  it("reads Excel's Unicode text export (UTF-16, tab-separated) across odd chunk boundaries", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Client\tMontant\r\nÉlise\t12,50\r\n", "utf16le")]);
    const chunks = Readable.from([bytes.subarray(0, 7), bytes.subarray(7, 20), bytes.subarray(20)]);
    expect(await rows(chunks, { encoding: "utf-16le", separator: "\t" })).toEqual([
      ["Client", "Montant"],
      ["Élise", "12,50"],
    ]);
  });

  it("explains an unclosed quote in French", async () => {
    const broken = Buffer.from('Nom;Ville\n"Dupont;Paris\nDurand;Lyon\n');
    await expect(rows(broken, utf8)).rejects.toThrow(ImportFileError);
    await expect(rows(broken, utf8)).rejects.toThrow("Fichier CSV illisible à la ligne 2 : guillemet ouvert jamais refermé.");
  });

  it("stops reading when the consumer stops early", async () => {
    const big = Buffer.from(`a;b\n${"1;2\n".repeat(10_000)}`);
    const first: string[][] = [];
    for await (const row of readCsvRows(big, utf8)) {
      first.push(row);
      if (first.length === 2) break;
    }
    expect(first).toEqual([["a", "b"], ["1", "2"]]);
  });
});
