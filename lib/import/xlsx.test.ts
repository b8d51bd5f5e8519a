import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDate } from "./date";
import { ImportFileError } from "./result";
import { parseCode } from "./values";
import { listSheets, readXlsxRows, type XlsxOptions } from "./xlsx";

let path: string;

async function writeWorkbook(file: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Paramètres", { state: "hidden" }).addRow(["secret"]);
  const sheet = workbook.addWorksheet("Pièces");
  sheet.getCell("A1").value = "Balance âgée au 23/11/2026";
  sheet.getRow(3).values = ["Code client", "N° facture", "Date", "Échéance", "Montant TTC", "Libellé", "Lien"];
  const row = sheet.getRow(4);
  row.getCell(1).value = "00042";
  row.getCell(2).value = { richText: [{ text: "FA-" }, { text: "0001", font: { bold: true } }] };
  row.getCell(3).value = new Date(Date.UTC(2026, 10, 23));
  row.getCell(3).numFmt = "dd/mm/yyyy";
  row.getCell(4).value = 46379;
  row.getCell(5).value = { formula: "1234.56*2", result: 2469.12 };
  row.getCell(6).value = { formula: 'CONCATENATE("Fac","ture")', result: "Facture" };
  row.getCell(7).value = { text: "Voir", hyperlink: "https://example.com/fa-0001" };
  sheet.getRow(6).values = ["00043", "FA-0002", "24/11/2026", 46380, 10];
  workbook.addWorksheet("Clients & Co").addRow(["Code", "Nom"]);
  await workbook.xlsx.writeFile(file);
}

async function rows(options?: XlsxOptions): Promise<unknown[][]> {
  const all: unknown[][] = [];
  for await (const row of readXlsxRows(path, options)) all.push(row);
  return all;
}

beforeAll(async () => {
  path = join(mkdtempSync(join(tmpdir(), "encaisse-xlsx-")), "pieces.xlsx");
  await writeWorkbook(path);
});

describe("listSheets", () => {
  it("lists sheets in tab order with their visibility and decoded names", async () => {
    expect(await listSheets(path)).toEqual([
      { name: "Paramètres", hidden: true },
      { name: "Pièces", hidden: false },
      { name: "Clients & Co", hidden: false },
    ]);
  });
});

describe("readXlsxRows", () => {
  it("reads the first visible sheet, unwrapping rich text, formulas and hyperlinks", async () => {
    const all = await rows();
    expect(all).toHaveLength(4);
    expect(all[0]).toEqual(["Balance âgée au 23/11/2026"]);
    expect(all[1]).toEqual(["Code client", "N° facture", "Date", "Échéance", "Montant TTC", "Libellé", "Lien"]);
    const [code, number, date, due, amount, label, link] = all[2];
    expect(code).toBe("00042");
    expect(number).toBe("FA-0001");
    expect(date).toBeInstanceOf(Date);
    expect(due).toBe(46379);
    expect(amount).toBe(2469.12);
    expect(label).toBe("Facture");
    expect(link).toBe("Voir");
    expect(all[3]).toEqual(["00043", "FA-0002", "24/11/2026", 46380, 10]);
  });

  it("gives values the value parsers read: Date, serial and text dates alike, codes with zeros", async () => {
    const [, , first, second] = await rows();
    expect(parseDate(first[2])).toEqual({ ok: true, value: "2026-11-23" });
    expect(parseDate(first[3])).toEqual({ ok: true, value: "2026-12-23" });
    expect(parseDate(second[2])).toEqual({ ok: true, value: "2026-11-24" });
    expect(parseCode(first[0])).toEqual({ ok: true, value: "00042" });
  });

  it("keeps empty rows on request so that indexes are Excel row numbers − 1", async () => {
    const all = await rows({ keepEmptyRows: true });
    expect(all.map((row) => row.length)).toEqual([1, 0, 7, 7, 0, 5]);
  });

  it("reads a sheet by name, hidden or not", async () => {
    expect(await rows({ sheet: "Clients & Co" })).toEqual([["Code", "Nom"]]);
    expect(await rows({ sheet: "Paramètres" })).toEqual([["secret"]]);
  });

  it("reads the right sheet every time, though exceljs's pass over the archive sometimes ends early", async () => {
    // A workbook written by exceljs stores its sheet list and shared strings after the sheets: about one read in
    // fifty lost them, and a skipped sheet's temporary file raised an uncaught ENOENT (which fails this file).
    for (let i = 0; i < 100; i++) {
      expect(await rows({ sheet: "Clients & Co" })).toEqual([["Code", "Nom"]]);
    }
  });

  it("refuses an unknown sheet in French", async () => {
    await expect(rows({ sheet: "Feuil9" })).rejects.toThrow(ImportFileError);
    await expect(rows({ sheet: "Feuil9" })).rejects.toThrow("Feuille « Feuil9 » introuvable dans le classeur.");
  });
});
