/**
 * A FEC as a DOS-era package writes it: pipe-separated, CP850, fields padded with spaces, EcritureNum all zeros,
 * one batch PieceRef per month for every invoice, and its first accented character (a `°`) far past the first
 * 64 KB. Expected figures are worked out in the comments.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { inspectImportFile } from "./inspect-file";
import { type ImportRequest, runImport } from "./run-import";

const INVOICES = 700;
const pad = (value: string, width: number) => value.padEnd(width, " ");
const row = (cells: [string, number][]) => cells.map(([v, w]) => pad(v, w)).join("|");

function fecText(): string {
  const header = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
  const lines = [header];
  const entry = (journal: string, label: string, date: string, client: [string, string], ref: string, text: string, debit: string, credit: string, letter = "") => {
    const common: [string, number][] = [[journal, 4], [label, 16], ["0000000", 8], [date, 8]];
    lines.push(row([...common, ["411000", 8], ["Clients", 12], [client[0], 6], [client[1], 20], [ref, 8], [date, 8], [text, 24], [debit, 12], [credit, 12], [letter, 3], ["", 8], ["20260131", 8], ["", 1], ["", 1]]));
    lines.push(row([...common, [journal === "BQ" ? "512000" : "706000", 8], ["Contrepartie", 12], ["", 6], ["", 20], [ref, 8], [date, 8], [text, 24], [credit, 12], [debit, 12], ["", 3], ["", 8], ["20260131", 8], ["", 1], ["", 1]]));
  };
  // 700 invoices of 100,00 for C1 in the January batch VT2601, on days cycling 1 to 28: 70 000,00 open.
  for (let i = 0; i < INVOICES; i++) {
    const date = `202601${String((i % 28) + 1).padStart(2, "0")}`;
    entry("VE", "Ventes", date, ["C1", "Quincaillerie Dupuis"], "VT2601", "Facture client", "100,00", "0,00");
  }
  // Past 64 KB: C2's invoice of 1 234,56 and a transfer of 234,56 lettered AA with it. The group leaves 1 000,00
  // open on the invoice. Its name and label carry the file's first accented characters.
  entry("VE", "Ventes", "20260129", ["C2", "Société Générale"], "FA-77", "Facture n° 77", "1234,56", "0,00", "AA");
  entry("BQ", "Banque", "20260130", ["C2", "Société Générale"], "REM-01", "Virement reçu", "0,00", "234,56", "AA");
  return lines.join("\r\n") + "\r\n";
}

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-fec-cp850-"));
const file = "552032534FEC20261231.txt";
const request: ImportRequest = {
  kind: "fec", filePath: path.join(dir, file), fileName: file, mode: "snapshot", importDate: "2026-02-01", userId: null,
  acceptRowErrors: false, fecDefaultTermsDays: 30,
};

beforeAll(async () => {
  handle = await createTestDatabase();
  await makeEntity(handle.db, "DIST");
  const bytes = iconv.encode(fecText(), "cp850");
  expect(bytes.subarray(0, 64 * 1024).every((b) => b < 0x80)).toBe(true);
  fs.writeFileSync(request.filePath, bytes);
});
afterAll(() => handle.close());

describe("a padded CP850 FEC with batch references", () => {
  it("warns about the zero entry numbers and the unbalanced group before the import", async () => {
    const inspection = await inspectImportFile(handle.db, request);
    expect(inspection.warnings.map((w) => [w.code, w.count])).toEqual([
      ["fec_unbalanced_lettering", 1],
      ["fec_entry_numbers_zero", 2 * (INVOICES + 2)],
    ]);
  });

  it("decodes it as CP850, keeps 702 pièces apart and reconciles both clients", async () => {
    const outcome = await runImport(handle.db, request);
    expect(outcome.status).toBe("succeeded");
    expect(outcome.reconciliation).toMatchObject({ clients: 2, clientsWithDifference: 0, fileBalance: "71000.00" });
    const clients = await queryRows<{ code: string; name: string; open: string; pieces: number }>(
      handle.db,
      sql`select c.code, c.name, sum(d.open_amount)::text as open, count(d.id)::int as pieces
          from clients c join documents d on d.client_id = c.id group by c.code, c.name order by c.code`,
    );
    expect(clients).toEqual([
      { code: "C1", name: "Quincaillerie Dupuis", open: "70000.00", pieces: INVOICES },
      { code: "C2", name: "Société Générale", open: "1000.00", pieces: 2 },
    ]);
    const numbers = await queryRows<{ number: string; reference: string | null }>(
      handle.db,
      sql`select d.number, d.reference from documents d join clients c on c.id = d.client_id
          where c.code = 'C1' and d.number in ('VE-VT2601-1', 'VE-VT2601-700')`,
    );
    expect(numbers).toEqual([
      { number: "VE-VT2601-1", reference: "VT2601" },
      { number: "VE-VT2601-700", reference: "VT2601" },
    ]);
  });
});
