/**
 * A profile saved from the wizard's choices replays them on the next day's file, unattended: sheet, header row
 * (found again when the title rows above it change), date order, mapping and mode.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { findImportProfile } from "@/db/queries/import-profiles";
import { makeClient, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { type ImportRequest, runImport } from "./run-import";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-profile-"));
const request = (file: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  kind: "documents", filePath: path.join(dir, file), fileName: file, importDate: "2026-12-03", userId: null,
  acceptRowErrors: false, ...extra,
});

/** An ERP export: a notes sheet first, then the data under `titles` title rows, dates month-first as text. */
async function writeExport(file: string, titles: string[], rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRow(["Export automatique, ne pas modifier"]);
  const sheet = workbook.addWorksheet("Export");
  for (const title of titles) sheet.addRow([title]);
  sheet.addRow(["Cust No", "Doc Ref", "Doc Date", "Due", "Total", "Libre"]);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path.join(dir, file));
}

const open = () =>
  queryRows<{ number: string; issue: string; due: string; open: string; status: string }>(
    handle.db,
    sql`select d.number, d.issue_date::text as issue, d.due_date::text as due, d.open_amount::text as open, d.status::text as status
        from documents d order by d.number`,
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  await makeClient(handle.db, entity.id, { code: "K-1" });
  await makeClient(handle.db, entity.id, { code: "K-2" });
  // 3/4/2026 is 4 March month-first: a day-first reading would say 3 April, hence the explicit choice.
  await writeExport("day1.xlsx", ["Balance clients", "Au 02/12/2026"], [
    ["K-1", "D-100", "3/4/2026", "4/3/2026", 120],
    ["K-2", "D-101", "11/2/2026", "12/2/2026", 80],
  ]);
  // Next day: one title row more, D-101 paid (absent), D-102 new.
  await writeExport("day2.xlsx", ["Balance clients", "Au 03/12/2026", "Édité par le service comptable"], [
    ["K-1", "D-100", "3/4/2026", "4/3/2026", 120],
    ["K-2", "D-102", "11/20/2026", "12/20/2026", 45.5],
  ]);
});
afterAll(() => handle.close());

describe("a saved profile", () => {
  it("keeps what the wizard chose", async () => {
    const outcome = await runImport(handle.db, request("day1.xlsx", {
      mode: "snapshot", layout: { sheet: "Export" }, headerRow: 2, dateOrder: "mdy",
      mapping: { 0: "clientCode", 1: "number", 2: "issueDate", 3: "dueDate", 4: "amount" }, saveProfileAs: "ERP Export",
    }));
    expect(outcome.status).toBe("succeeded");
    const profile = await findImportProfile(handle.db, "ERP Export");
    expect(profile?.settings).toEqual({ sheet: "Export", headerRow: 2, dateOrder: "mdy", mode: "snapshot", swapExcelDates: false });
    expect(profile?.mapping).toEqual({ "customer numero": "clientCode", "doc reference": "number", "doc date": "issueDate", due: "dueDate", total: "amount" });
  });

  it("replays them on the next day's file, whose header moved down a row", async () => {
    // D-101 gone is half of the book: the snapshot the profile asks for must be confirmed.
    const unconfirmed = await runImport(handle.db, request("day2.xlsx", { profile: "ERP Export" }));
    expect(unconfirmed.message).toContain("Photographie complète non confirmée");
    const outcome = await runImport(handle.db, request("day2.xlsx", { profile: "ERP Export", confirmSettle: true }));
    expect(outcome.status).toBe("succeeded");
    // Snapshot from the profile: D-101 is settled; D-102 read month-first: 20 November, due 20 December.
    expect(await open()).toEqual([
      { number: "D-100", issue: "2026-03-04", due: "2026-04-03", open: "120.00", status: "open" },
      { number: "D-101", issue: "2026-11-02", due: "2026-12-02", open: "0.00", status: "settled" },
      { number: "D-102", issue: "2026-11-20", due: "2026-12-20", open: "45.50", status: "open" },
    ]);
  });

  it("fails when keeping the valid rows leaves none", async () => {
    fs.writeFileSync(path.join(dir, "none.csv"), "Code client;N° facture;Date facture;Montant TTC\nK-1;X-1;pas une date;10,00\nK-9;X-2;01/10/2026;10,00\n");
    const outcome = await runImport(handle.db, request("none.csv", { acceptRowErrors: true }));
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toBe("2 lignes en erreur et aucune ligne valide : fichier refusé, aucune donnée modifiée.");
    expect(outcome.errorFile).toMatch(/import-errors\/[0-9a-f-]{36}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(outcome.errorFile!);
    expect(workbook.getWorksheet("Erreurs")?.getSheetValues().slice(2).map((r) => (r as unknown[])[1])).toEqual([2, 3]);
  });
});
