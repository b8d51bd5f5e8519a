import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze";
import { openRows } from "./open-rows";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-hostile-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `work` while a 5 ms timer measures how late it fires: the longest time the event loop was held. */
async function longestBlock(work: () => Promise<unknown>): Promise<{ lagMs: number; error: unknown }> {
  let lagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 5);
    last = now;
  }, 5);
  let error: unknown = null;
  try {
    await work();
  } catch (caught) {
    error = caught;
  }
  lagMs = Math.max(lagMs, performance.now() - last - 5);
  clearInterval(timer);
  return { lagMs, error };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Reads a file the way an import does, every row through. */
async function readAll(file: string) {
  const { rows } = await openRows(file, path.basename(file));
  for await (const row of rows) void row;
}

const header = "Code client;N° facture;Date;Montant\n";
// The bound the server must hold under load from other tests; a blocked loop measured seconds before the limits.
const MAX_LAG_MS = 250;

describe("hostile files are refused without holding the server", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a line of a million columns", () => header + "a;".repeat(1_000_000) + "\n", /ligne 2 : trop de colonnes/],
    ["a line of 490 000 columns", () => header + "a;".repeat(490_000) + "\n", /trop de colonnes/],
    ["a header of 5 000 columns", () => "x;".repeat(5_000) + "\n" + header, /ligne 1 : trop de colonnes/],
    ["thirty million characters without a line break", () => "a".repeat(30_000_000), /million de caractères/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: a French message, the event loop never held long`, async () => {
      const file = write(`${name.replaceAll(" ", "-")}.csv`, content());
      for (const [step, work] of [["analyse", () => analyzeFile(file, "f.csv", "documents")], ["lecture", () => readAll(file)]] as const) {
        const { lagMs, error } = await longestBlock(work);
        console.log(`${name} (${step}) : boucle bloquée au plus ${Math.round(lagMs)} ms`);
        expect((error as Error).message).toMatch(message);
        expect(lagMs).toBeLessThan(MAX_LAG_MS);
      }
    });
  }

  it("refuses a workbook row wider than 1 000 columns", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Pièces").addRow(Array.from({ length: 1200 }, (_, i) => `Colonne ${i}`));
    const file = path.join(dir, "wide.xlsx");
    await workbook.xlsx.writeFile(file);
    await expect(analyzeFile(file, "wide.xlsx", "documents")).rejects.toThrow("Ligne 1 : 1\u202f200 colonnes, au-delà des 1\u202f000");
  });

  it("analyses a file of 998 columns with the event loop given back between header rows", async () => {
    const labels = Array.from({ length: 994 }, (_, i) => `Info ${i}`);
    const rows = Array.from({ length: 69 }, (_, r) => ["00412", `FA-${r}`, "01/10/2026", "12,50", ...labels.map((_, i) => `v${r}x${i}`)].join(";"));
    const file = write("wide.csv", [header.trim() + ";" + labels.join(";"), ...rows].join("\n") + "\n");
    const { lagMs, error } = await longestBlock(() => analyzeFile(file, "wide.csv", "documents"));
    console.log(`998 colonnes (analyse) : boucle bloquée au plus ${Math.round(lagMs)} ms`);
    expect(error).toBeNull();
    expect(lagMs).toBeLessThan(MAX_LAG_MS);
  });
});
