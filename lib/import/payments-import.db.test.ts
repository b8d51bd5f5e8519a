import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeClient, makeDocument, makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { formatMoney } from "@/lib/format/fr";
import { type ImportRequest, runImport } from "./run-import";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-payments-"));

function request(file: string, extra: Partial<ImportRequest> = {}): ImportRequest {
  return {
    kind: "payments", filePath: path.join(dir, file), fileName: file, mode: "snapshot", importDate: "2026-11-30",
    userId: null, acceptRowErrors: false, ...extra,
  };
}

type Row = { client: string; type: string; number: string; reference: string | null; issue: string; due: string; amount: string; open: string; status: string; settled: string | null };

/** Every document, in a stable order, with what a payments file may and may not change. */
function allDocuments() {
  return queryRows<Row & { id: number; updated_at: string; last_seen: string | null }>(
    handle.db,
    sql`select d.id, c.code as client, d.type, d.number, d.reference, d.issue_date::text as issue, d.due_date::text as due,
          d.amount::text, d.open_amount::text as open, d.status, d.settled_date::text as settled,
          d.updated_at::text, d.last_seen_import_id::text as last_seen
        from documents d join clients c on c.id = d.client_id order by d.id`,
  );
}

async function documentsOf(client: string): Promise<Row[]> {
  const rows = await allDocuments();
  return rows
    .filter((r) => r.client === client)
    .map((r) => ({
      client: r.client, type: r.type, number: r.number, reference: r.reference, issue: r.issue, due: r.due, amount: r.amount,
      open: r.open, status: r.status, settled: r.settled,
    }));
}

const invoice = (client: string, number: string, issue: string, due: string, amount: string, open = amount): Row => ({
  client, type: "invoice", number, reference: null, issue, due, amount, open, status: open === "0.00" ? "settled" : "open", settled: null,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  const [a, b, c, d] = await Promise.all(["00412", "00413", "00414", "00415"].map((code) => makeClient(handle.db, entity.id, { code })));
  const invoices: [string, string, string, string, string][] = [
    [a.id, "FA100", "2026-08-31", "2026-09-30", "300.00"],
    [a.id, "FA123", "2026-09-15", "2026-10-15", "1000.00"],
    [a.id, "FA200", "2026-10-01", "2026-10-31", "500.00"],
    [b.id, "FB1", "2026-08-01", "2026-09-01", "500.00"],
    [b.id, "FB2", "2026-09-01", "2026-10-01", "1000.00"],
    [d.id, "FD1", "2026-09-01", "2026-10-01", "2000.00"],
    [d.id, "FD2", "2026-10-01", "2026-11-01", "500.00"],
  ];
  for (const [clientId, number, issueDate, dueDate, amount] of invoices) {
    await makeDocument(handle.db, clientId, { number, issueDate, dueDate, amount });
  }
  // 00414 owes nothing: its only invoice is paid.
  await makeDocument(handle.db, c.id, { number: "FC1", issueDate: "2026-07-01", dueDate: "2026-07-31", amount: "90.00", openAmount: "0.00", status: "settled", settledDate: "2026-08-05" });

  // An English export: amounts in dollars' notation, a parenthesised amount with a trailing space, month-first dates.
  fs.writeFileSync(
    path.join(dir, "payments.csv"),
    [
      "Customer ID,Customer Name,Invoice Number,Payment Date,Amount Paid,Reference",
      "00412,Menuiserie Dupont,FA123,11/20/2026,($400.00) ,VIR 8812",
      '00413,Transports Bernard,,11/21/2026,"$1,250.00",CHQ 5531',
      "00412,Menuiserie Dupont,FA999,11/22/2026,150.00,VIR 8820",
      "00414,Garage Martin,,11/22/2026,80.00,VIR 8830",
      "00412,Menuiserie Dupont,FA200,11/23/2026,$300.00,VIR 8840",
      "00412,Menuiserie Dupont,FA200,11/23/2026,$300.00,VIR 8840",
      "",
    ].join("\r\n"),
  );
});
afterAll(() => handle.close());

describe("payments import", () => {
  it("records each line as a payment and applies it by invoice number, else oldest due date first", async () => {
    const outcome = await runImport(handle.db, request("payments.csv"));
    expect(outcome.status).toBe("succeeded");
    // Applied: 400 + 1 250 + 150 + 300 + 300 = 2 400; unapplied: the 80 of 00414, who owes nothing.
    expect(outcome.message).toBe(
      `Import terminé : 6 règlements enregistrés : ${formatMoney("2400.00")} affectés, ${formatMoney("80.00")} non affectés ; ` +
        "5 factures mises à jour, dont 2 soldées.",
    );
    // Invoices changed: FA123, FA100, FA200, FB1, FB2; settled: FA200 and FB1.
    expect(outcome.counts).toEqual({ read: 6, inserted: 6, updated: 5, settled: 2, rejected: 0 });
    expect(outcome.warnings).toEqual([
      { code: "payment_possible_duplicate", message: expect.stringContaining("les lignes 6 et 7 sont identiques"), count: 2, rows: [6, 7] },
    ]);

    const payments = (await allDocuments()).filter((r) => r.type === "payment");
    const number = (row: number) => payments[row - 2].number;
    expect(payments.map((p) => p.number)).toEqual([...new Set(payments.map((p) => p.number))]);
    expect(number(2)).toMatch(/^RGL-2026-11-20-400\.00-[0-9a-f]{8}-1$/);
    expect(number(7)).toBe(number(6).replace(/-1$/, "-2"));

    // 00412. Line 2 names FA123: 1 000 − 400 = 600.
    // Line 6 names FA200: 500 − 300 = 200; line 7 names it too: 200 of its 300 settle FA200 (23/11), 100 are left.
    // Line 4 names FA999, unknown: its 150, then line 7's 100, go oldest due first: FA100 300 − 150 − 100 = 50.
    const payment = (n: string, issue: string, amount: string, reference: string, open = "0.00", settled: string | null = issue): Row => ({
      client: "", type: "payment", number: n, reference, issue, due: issue, amount, open, status: open === "0.00" ? "settled" : "open", settled,
    });
    expect(await documentsOf("00412")).toEqual([
      invoice("00412", "FA100", "2026-08-31", "2026-09-30", "300.00", "50.00"),
      invoice("00412", "FA123", "2026-09-15", "2026-10-15", "1000.00", "600.00"),
      { ...invoice("00412", "FA200", "2026-10-01", "2026-10-31", "500.00", "0.00"), settled: "2026-11-23" },
      { ...payment(number(2), "2026-11-20", "-400.00", "VIR 8812"), client: "00412" },
      { ...payment(number(4), "2026-11-22", "-150.00", "VIR 8820"), client: "00412" },
      { ...payment(number(6), "2026-11-23", "-300.00", "VIR 8840"), client: "00412" },
      { ...payment(number(7), "2026-11-23", "-300.00", "VIR 8840"), client: "00412" },
    ]);
    // 00413. Line 3 names no invoice: 1 250 pays FB1 (due 01/09) in full, then 750 of FB2: 1 000 − 750 = 250.
    expect(await documentsOf("00413")).toEqual([
      { ...invoice("00413", "FB1", "2026-08-01", "2026-09-01", "500.00", "0.00"), settled: "2026-11-21" },
      invoice("00413", "FB2", "2026-09-01", "2026-10-01", "1000.00", "250.00"),
      { ...payment(number(3), "2026-11-21", "-1250.00", "CHQ 5531"), client: "00413" },
    ]);
    // 00414 owes nothing: line 5's 80 stay unapplied, open on the payment; its paid invoice is untouched.
    expect(await documentsOf("00414")).toEqual([
      { ...invoice("00414", "FC1", "2026-07-01", "2026-07-31", "90.00", "0.00"), settled: "2026-08-05" },
      { ...payment(number(5), "2026-11-22", "-80.00", "VIR 8830", "-80.00", null), client: "00414" },
    ]);
    const [record] = await queryRows<{ mode: string | null; kind: string }>(handle.db, sql`select mode, kind from imports where id = ${outcome.importId}`);
    expect(record).toEqual({ mode: null, kind: "payments" });
  });

  it("changes nothing at all when the same file is imported again", async () => {
    const before = await allDocuments();
    const outcome = await runImport(handle.db, request("payments.csv"));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.counts).toEqual({ read: 6, inserted: 0, updated: 0, settled: 0, rejected: 0 });
    expect(outcome.message).toBe("Import terminé : aucun nouveau règlement enregistré : le fichier l'était déjà ; aucune facture modifiée.");
    expect(await allDocuments()).toEqual(before);
  });

  it("reads a French workbook: text amounts in euros, date cells, a remainder past the named invoice", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Règlements");
    sheet.addRow(["Relevé des règlements clients"]);
    sheet.addRow([]);
    sheet.addRow(["Code client", "N° facture", "Date de règlement", "Montant réglé", "Référence"]);
    sheet.addRow(["00415", "FD2", new Date(Date.UTC(2026, 10, 24)), "1 234,56 € ", "VIR 9001"]);
    sheet.addRow(["00415", null, new Date(Date.UTC(2026, 10, 25)), 100, null]);
    await workbook.xlsx.writeFile(path.join(dir, "reglements.xlsx"));

    const outcome = await runImport(handle.db, request("reglements.xlsx"));
    expect(outcome.status).toBe("succeeded");
    // FD2 500 is paid in full on 24/11; the 734,56 left go to FD1 (due first): 2 000 − 734,56 − 100 = 1 165,44.
    expect(outcome.counts).toEqual({ read: 2, inserted: 2, updated: 2, settled: 1, rejected: 0 });
    expect(outcome.message).toContain(`${formatMoney("1334.56")} affectés, ${formatMoney("0.00")} non affectés`);
    const rows = await documentsOf("00415");
    expect(rows.filter((r) => r.type === "invoice")).toEqual([
      invoice("00415", "FD1", "2026-09-01", "2026-10-01", "2000.00", "1165.44"),
      { ...invoice("00415", "FD2", "2026-10-01", "2026-11-01", "500.00", "0.00"), settled: "2026-11-24" },
    ]);
    expect(rows.filter((r) => r.type === "payment").map((r) => [r.amount, r.open, r.status, r.reference])).toEqual([
      ["-1234.56", "0.00", "settled", "VIR 9001"],
      ["-100.00", "0.00", "settled", null],
    ]);

    const before = await allDocuments();
    const again = await runImport(handle.db, request("reglements.xlsx"));
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, settled: 0 });
    expect(await allDocuments()).toEqual(before);
  });

  it("leaves a disputed invoice to the payments that name it", async () => {
    const [entity] = await queryRows<{ id: string }>(handle.db, sql`select id from entities where code = 'DIST'`);
    const client = await makeClient(handle.db, entity.id, { code: "00416" });
    await makeDocument(handle.db, client.id, { number: "FE1", issueDate: "2026-08-01", dueDate: "2026-09-01", amount: "100.00", disputed: true });
    await makeDocument(handle.db, client.id, { number: "FE2", issueDate: "2026-09-01", dueDate: "2026-10-01", amount: "200.00" });
    fs.writeFileSync(
      path.join(dir, "disputed.csv"),
      ["Code client;Facture;Date de règlement;Montant", "00416;;27/11/2026;150,00", "00416;FE1;28/11/2026;100,00", ""].join("\r\n"),
    );
    const outcome = await runImport(handle.db, request("disputed.csv"));
    expect(outcome.counts).toMatchObject({ inserted: 2, updated: 2, settled: 1 });
    // The 150 naming nothing skip FE1, disputed though due first: FE2 200 − 150 = 50. The 100 naming FE1 settle it.
    expect((await documentsOf("00416")).filter((r) => r.type === "invoice")).toEqual([
      { ...invoice("00416", "FE1", "2026-08-01", "2026-09-01", "100.00", "0.00"), settled: "2026-11-28" },
      invoice("00416", "FE2", "2026-09-01", "2026-10-01", "200.00", "50.00"),
    ]);
  });

  it("reports unknown client codes and records nothing unless the valid lines are kept", async () => {
    fs.writeFileSync(
      path.join(dir, "unknown.csv"),
      ["Code client;Date de règlement;Montant", "00999;26/11/2026;50,00", "00414;26/11/2026;20,00", ""].join("\r\n"),
    );
    const before = await allDocuments();
    const refused = await runImport(handle.db, request("unknown.csv"));
    expect(refused.status).toBe("failed");
    expect(refused.errors).toEqual([
      { row: 2, column: "Code client", value: "00999", reason: "Client inconnu : importez-le d'abord dans le fichier clients." },
    ]);
    expect(await allDocuments()).toEqual(before);

    const kept = await runImport(handle.db, request("unknown.csv", { acceptRowErrors: true }));
    expect(kept.status).toBe("succeeded");
    expect(kept.counts).toMatchObject({ inserted: 1, rejected: 1 });
    expect(kept.message).toContain("1 ligne rejetée");
    const unapplied = await queryRows<{ open: string }>(
      handle.db,
      sql`select sum(d.open_amount)::text as open from documents d join clients c on c.id = d.client_id
          where c.code = '00414' and d.type = 'payment'`,
    );
    expect(unapplied).toEqual([{ open: "-100.00" }]);
  });
});
