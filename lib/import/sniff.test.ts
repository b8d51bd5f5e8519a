import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze";
import { openRows } from "./open-rows";
import { FILE_MESSAGES, sniffFile } from "./sniff";
import { readZipDirectory } from "./zip";

let dir: string;
const file = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

type FakeEntry = { name: string; data: Buffer; declaredSize?: number };

/** A zip written by hand (APPNOTE §4.3), deflated entries, sizes as declared by the test. */
function zip(entries: FakeEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const workbookEntries = (sheet: FakeEntry): FakeEntry[] => [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "xl/workbook.xml", data: Buffer.from('<workbook><sheets><sheet name="A" sheetId="1"/></sheets></workbook>') },
  sheet,
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "encaisse-sniff-"));
});

describe("sniffFile", () => {
  it("recognises a real xlsx workbook", async () => {
    const path = join(dir, "real.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Clients").addRow(["Code client", "Raison sociale"]);
    await workbook.xlsx.writeFile(path);
    expect(await sniffFile(path, "export.csv")).toEqual({ ok: true, kind: "xlsx" });
  });

  it("recognises text files whatever their name, with encoding and separator", async () => {
    const ansi = iconv.encode("Code client;Raison sociale\r\nC001;Société Générale\r\n", "win1252");
    expect(await sniffFile(file("clients.xlsx", ansi), "clients.xlsx")).toEqual({
      ok: true, kind: "csv", encoding: "windows-1252", separator: ";",
      encodingEvidence: {
        encoding: "windows-1252", basis: "code-page", rejected: "cp850", notUtf8: { byte: 0xe9, line: 2 },
        clues: [{ char: "é", bytes: [0xe9], count: 4, firstLine: 2, readAs: "Ú" }],
      },
    });
    const fec = "JournalCode|JournalLib|EcritureNum\nVE|Ventes|1\n";
    expect(await sniffFile(file("fec.txt", fec), "fec.txt")).toEqual({
      ok: true, kind: "csv", encoding: "utf-8", separator: "|",
      encodingEvidence: { encoding: "utf-8", basis: "ascii", clues: [], rejected: null, notUtf8: null },
    });
  });

  it("reads a text file's encoding over the whole file: a CP850 FEC whose first accent is past 64 KB", async () => {
    const header = "JournalCode|JournalLib|EcritureNum|EcritureLib|Debit\r\n";
    const line = (n: number) => `VE|Ventes|${String(n).padStart(6, "0")}|Facture client|100,00\r\n`;
    const ascii = header + Array.from({ length: 2000 }, (_, i) => line(i + 1)).join("");
    expect(ascii.length).toBeGreaterThan(64 * 1024);
    const late = iconv.encode("VE|Ventes|002001|Facture n° 12 réglée|100,00\r\n", "cp850");
    const path = file("fec-cp850.txt", Buffer.concat([Buffer.from(ascii), late]));

    expect(await sniffFile(path, "fec-cp850.txt")).toEqual({
      ok: true, kind: "csv", encoding: "cp850", separator: "|",
      encodingEvidence: {
        encoding: "cp850", basis: "code-page", rejected: "windows-1252", notUtf8: { byte: 0xf8, line: 2002 },
        clues: [
          { char: "é", bytes: [0x82], count: 2, firstLine: 2002, readAs: "‚" },
          { char: "°", bytes: [0xf8], count: 1, firstLine: 2002, readAs: "ø" },
        ],
      },
    });
    const read = async (overrides: { encoding?: "windows-1252" } = {}) => {
      const { layout, rows } = await openRows(path, "fec-cp850.txt", { ...overrides, quote: false });
      let last: unknown[] = [];
      for await (const row of rows) last = row;
      return { encoding: layout.encoding, label: last[3] };
    };
    expect(await read()).toEqual({ encoding: "cp850", label: "Facture n° 12 réglée" });
    expect(await read({ encoding: "windows-1252" })).toEqual({ encoding: "windows-1252", label: "Facture nø 12 r‚gl‚e" });
    // An encoding already known (the wizard's choice, a profile's) is not looked for again over the whole file.
    expect(await sniffFile(path, "fec-cp850.txt", "cp850")).toEqual({
      ok: true, kind: "csv", encoding: "cp850", separator: "|", encodingEvidence: null,
    });
    // The wizard still explains what it detected when the admin picked another encoding.
    const analysis = await analyzeFile(path, "fec-cp850.txt", "fec", { layout: { encoding: "windows-1252" } });
    expect([analysis.layout.encoding, analysis.encodingEvidence?.encoding]).toEqual(["windows-1252", "cp850"]);
  });

  it("refuses an image renamed .xlsx", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5c0000000049454e44ae426082", "hex");
    expect(await sniffFile(file("image.xlsx", png), "image.xlsx")).toEqual({ ok: false, reason: FILE_MESSAGES.unsupported });
    expect(FILE_MESSAGES.unsupported).toBe("Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier texte (CSV/TXT).");
  });

  it("refuses empty files, blank text included", async () => {
    expect(await sniffFile(file("empty.csv", ""), "empty.csv")).toEqual({ ok: false, reason: "Fichier vide : il ne contient aucune ligne à importer." });
    expect(await sniffFile(file("blank.csv", "\r\n  \r\n"), "blank.csv")).toEqual({ ok: false, reason: "Fichier vide : il ne contient aucune ligne à importer." });
  });

  it("explains old .xls files and password-protected workbooks (same OLE container)", async () => {
    const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    expect(await sniffFile(file("old.xls", ole), "old.xls")).toEqual({
      ok: false,
      reason: "Format .xls (Excel 97-2003) non pris en charge : enregistrez le fichier au format .xlsx ou CSV.",
    });
    expect(await sniffFile(file("locked.xlsx", ole), "locked.xlsx")).toEqual({ ok: false, reason: FILE_MESSAGES.protected });
  });

  it("refuses zips that are not workbooks and damaged archives", async () => {
    const odt = zip([{ name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") }]);
    expect(await sniffFile(file("calc.ods", odt), "calc.ods")).toEqual({ ok: false, reason: FILE_MESSAGES.unsupported });
    const truncated = zip(workbookEntries({ name: "xl/worksheets/sheet1.xml", data: Buffer.from("<x/>") })).subarray(0, 60);
    expect(await sniffFile(file("cut.xlsx", truncated), "cut.xlsx")).toEqual({ ok: false, reason: FILE_MESSAGES.corrupt });
  });

  it("refuses a zip whose central directory declares a huge uncompressed size", async () => {
    const bomb = zip(workbookEntries({ name: "xl/worksheets/sheet1.xml", data: Buffer.from("<x/>"), declaredSize: 0xc0000000 }));
    const path = file("bomb.xlsx", bomb);
    expect((await readZipDirectory(path))[2].uncompressedSize).toBe(0xc0000000);
    expect(await sniffFile(path, "bomb.xlsx")).toEqual({
      ok: false,
      reason: "Fichier compressé suspect (taux de compression anormal) : import refusé.",
    });
  });

  it("refuses an abnormal compression ratio", async () => {
    const zeros = Buffer.alloc(5 * 1024 * 1024);
    const dense = zip(workbookEntries({ name: "xl/worksheets/sheet1.xml", data: zeros }));
    expect(await sniffFile(file("ratio.xlsx", dense), "ratio.xlsx")).toEqual({ ok: false, reason: FILE_MESSAGES.bomb });
  });

  it("refuses a zip whose entries inflate beyond what the directory declares", async () => {
    const liar = zip(workbookEntries({ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(1024 * 1024), declaredSize: 4096 }));
    expect(await sniffFile(file("liar.xlsx", liar), "liar.xlsx")).toEqual({ ok: false, reason: FILE_MESSAGES.bomb });
  });

  it("accepts an honest hand-made workbook zip", async () => {
    const honest = zip(workbookEntries({ name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet/>") }));
    expect(await sniffFile(file("honest.xlsx", honest), "honest.xlsx")).toEqual({ ok: true, kind: "xlsx" });
  });
});
