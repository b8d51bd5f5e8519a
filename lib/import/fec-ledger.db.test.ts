/**
 * A FEC whose lettering crosses the fiscal year: payments of 2025 lettered against 2024 invoices that the file
 * only holds summed in the opening-balance line. Expected figures are worked out by hand in the comments.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeEntity } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { inspectImportFile } from "./inspect-file";
import { type ImportRequest, runImport } from "./run-import";

const HEADER =
  "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\t" +
  "EcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
const alpha = ["C100", "Menuiserie Alpha"];
const beta = ["C200", "Boulangerie Beta"];
const gamma = ["C300", "Garage Gamma"];
type Line = [journal: string, num: string, date: string, client: string[], ref: string, label: string, debit: string, credit: string, letter?: string, dateLet?: string];
const journals: Record<string, string> = { AN: "A-nouveaux", VE: "Ventes", BQ: "Banque BNP" };

const LINES: Line[] = [
  // Opening balance, one entry for every client. C100's 8 400,00 sums FA-2024-101 (3 000) and FA-2024-102 (5 400).
  ["AN", "1", "20250101", alpha, "AN2025", "Report à nouveau", "8400,00", "0,00"],
  // C200's opening line is lettered AA with two payments of 2025: 5 000 − 2 000 − 1 500 = 1 500 stay open on it.
  ["AN", "1", "20250101", beta, "AN2025", "Report à nouveau", "5000,00", "0,00", "AA", "20250305"],
  // C100 pays FA-2024-101, lettered AB against the invoice inside the opening line: −3 000 left as unapplied cash.
  ["BQ", "2", "20250120", alpha, "VIR-0120", "Virement Menuiserie Alpha", "0,00", "3000,00", "AB", "20250120"],
  ["BQ", "3", "20250210", beta, "VIR-0210", "Virement Boulangerie Beta", "0,00", "2000,00", "AA", "20250305"],
  ["BQ", "4", "20250305", beta, "CHQ-0305", "Chèque 4471", "0,00", "1500,00", "AA", "20250305"],
  // A 2025 invoice paid in full: settled on its DateLet.
  ["VE", "5", "20250201", alpha, "FA-2025-001", "Facture FA-2025-001", "1200,00", "0,00", "AC", "20250302"],
  ["BQ", "6", "20250301", alpha, "VIR-0301", "Virement FA-2025-001", "0,00", "1200,00", "AC", "20250302"],
  // Three invoices lettered AD with one payment of 2 300: oldest first, FA-010 settled, FA-011 700 open, FA-012 500 open.
  ["VE", "7", "20250115", gamma, "FA-2025-010", "Facture FA-2025-010", "1000,00", "0,00", "AD"],
  ["VE", "8", "20250215", gamma, "FA-2025-011", "Facture FA-2025-011", "2000,00", "0,00", "AD"],
  ["VE", "9", "20250315", gamma, "FA-2025-012", "Facture FA-2025-012", "500,00", "0,00", "AD"],
  ["BQ", "10", "20250410", gamma, "VIR-0410", "Virement Garage Gamma", "0,00", "2300,00", "AD"],
  // Unlettered transfer: an unapplied payment of −250.
  ["BQ", "11", "20250502", gamma, "VIR-0502", "Virement Garage Gamma", "0,00", "250,00"],
  // A March batch reference shared by three invoices of two clients: three pièces, never one.
  ["VE", "40", "20250320", alpha, "VT2503", "Ventes mars", "600,00", "0,00"],
  ["VE", "41", "20250321", gamma, "VT2503", "Ventes mars", "450,00", "0,00"],
  ["VE", "42", "20250325", alpha, "VT2503", "Ventes mars", "700,00", "0,00"],
  // A credit note in the sales journal, and a refund paid out of the bank: a payment, never a credit note.
  ["VE", "43", "20250510", beta, "AV-2025-003", "Avoir AV-2025-003", "0,00", "300,00"],
  ["BQ", "44", "20250601", beta, "REMB-0601", "Remboursement trop-perçu", "80,00", "0,00"],
];

function fecText(lines: Line[]): string {
  const rows = [HEADER];
  for (const [journal, num, date, [code, name], ref, label, debit, credit, letter = "", dateLet = ""] of lines) {
    const common = [journal, journals[journal], num, date];
    const tail = [ref, date, label];
    rows.push([...common, "411000", "Clients", code, name, ...tail, debit, credit, letter, dateLet, "20251231", "", ""].join("\t"));
    // The counterpart line (bank or revenue) keeps the file balanced; it is not a customer line.
    const other = journal === "BQ" ? "512000" : journal === "AN" ? "890000" : "706000";
    rows.push([...common, other, "Contrepartie", "", "", ...tail, credit, debit, "", "", "20251231", "", ""].join("\t"));
  }
  return rows.join("\r\n") + "\r\n";
}

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-fec-"));
const file = "404833048FEC20251231.txt";
const request: ImportRequest = {
  kind: "fec", filePath: path.join(dir, file), fileName: file, mode: "snapshot", importDate: "2025-12-31",
  userId: null, acceptRowErrors: false, fecDefaultTermsDays: 30,
};

beforeAll(async () => {
  handle = await createTestDatabase();
  await makeEntity(handle.db, "DIST");
  fs.writeFileSync(request.filePath, fecText(LINES));
});
afterAll(() => handle.close());

type Doc = { client: string; type: string; number: string; reference: string | null; amount: string; open: string; status: string; settled: string | null };
const documentsOf = (db: DatabaseHandle["db"]) =>
  queryRows<Doc>(
    db,
    sql`select c.code as client, d.type::text as type, d.number, d.reference, d.amount::text as amount,
          d.open_amount::text as open, d.status::text as status, d.settled_date::text as settled
        from documents d join clients c on c.id = d.client_id order by c.code, d.issue_date, d.number`,
  );

describe("a FEC with cross-year lettering", () => {
  it("warns about the unbalanced lettering groups before anything is imported", async () => {
    const inspection = await inspectImportFile(handle.db, request);
    const unbalanced = inspection.warnings.find((w) => w.code === "fec_unbalanced_lettering");
    // AB −3 000, AA +1 500, AD +1 200: three groups, 5 700 in all.
    expect(unbalanced).toMatchObject({ count: 3, amount: "5700.00" });
    expect(unbalanced?.message).toContain("3 groupes de lettrage");
    expect(inspection.warnings.map((w) => w.code)).toEqual(["fec_unbalanced_lettering"]);
    expect(await documentsOf(handle.db)).toEqual([]);
  });

  it("leaves every client's open items equal to its balance in the file", async () => {
    const outcome = await runImport(handle.db, request);
    expect(outcome.status).toBe("succeeded");
    // C100: 8 400 − 3 000 + 1 200 − 1 200 + 600 + 700 = 6 700; C200: 5 000 − 2 000 − 1 500 − 300 + 80 = 1 280;
    // C300: 1 000 + 2 000 + 500 − 2 300 − 250 + 450 = 1 400.
    expect(outcome.reconciliation).toMatchObject({ clients: 3, clientsWithDifference: 0, fileBalance: "9380.00", openInApp: "9380.00" });
    expect(outcome.reconciliation?.rows.map((r) => [r.clientCode, r.fileBalance, r.openInApp, r.difference])).toEqual([
      ["C100", "6700.00", "6700.00", "0.00"],
      ["C300", "1400.00", "1400.00", "0.00"],
      ["C200", "1280.00", "1280.00", "0.00"],
    ]);
    const stored = await queryRows<{ code: string; open: string }>(
      handle.db,
      sql`select c.code, sum(d.open_amount)::text as open from documents d join clients c on c.id = d.client_id
          where d.status = 'open' group by c.code order by c.code`,
    );
    expect(stored).toEqual([
      { code: "C100", open: "6700.00" },
      { code: "C200", open: "1280.00" },
      { code: "C300", open: "1400.00" },
    ]);
  });

  it("types entries by journal, numbers batch references apart and settles what the lettering settles", async () => {
    expect(await documentsOf(handle.db)).toEqual([
      { client: "C100", type: "opening_balance", number: "AN2025", reference: null, amount: "8400.00", open: "8400.00", status: "open", settled: null },
      { client: "C100", type: "payment", number: "VIR-0120", reference: null, amount: "-3000.00", open: "-3000.00", status: "open", settled: null },
      { client: "C100", type: "invoice", number: "FA-2025-001", reference: null, amount: "1200.00", open: "0.00", status: "settled", settled: "2025-03-02" },
      { client: "C100", type: "payment", number: "VIR-0301", reference: null, amount: "-1200.00", open: "0.00", status: "settled", settled: "2025-03-02" },
      { client: "C100", type: "invoice", number: "VE-40", reference: "VT2503", amount: "600.00", open: "600.00", status: "open", settled: null },
      { client: "C100", type: "invoice", number: "VE-42", reference: "VT2503", amount: "700.00", open: "700.00", status: "open", settled: null },
      { client: "C200", type: "opening_balance", number: "AN2025", reference: null, amount: "5000.00", open: "1500.00", status: "open", settled: null },
      { client: "C200", type: "payment", number: "VIR-0210", reference: null, amount: "-2000.00", open: "0.00", status: "settled", settled: "2025-03-05" },
      { client: "C200", type: "payment", number: "CHQ-0305", reference: null, amount: "-1500.00", open: "0.00", status: "settled", settled: "2025-03-05" },
      { client: "C200", type: "credit_note", number: "AV-2025-003", reference: null, amount: "-300.00", open: "-300.00", status: "open", settled: null },
      { client: "C200", type: "payment", number: "REMB-0601", reference: null, amount: "80.00", open: "80.00", status: "open", settled: null },
      // Group AD has no DateLet: the invoice it settles is settled on the group's latest entry, 10/04/2025.
      { client: "C300", type: "invoice", number: "FA-2025-010", reference: null, amount: "1000.00", open: "0.00", status: "settled", settled: "2025-04-10" },
      { client: "C300", type: "invoice", number: "FA-2025-011", reference: null, amount: "2000.00", open: "700.00", status: "open", settled: null },
      { client: "C300", type: "invoice", number: "FA-2025-012", reference: null, amount: "500.00", open: "500.00", status: "open", settled: null },
      { client: "C300", type: "invoice", number: "VE-41", reference: "VT2503", amount: "450.00", open: "450.00", status: "open", settled: null },
      { client: "C300", type: "payment", number: "VIR-0410", reference: null, amount: "-2300.00", open: "0.00", status: "settled", settled: "2025-04-10" },
      { client: "C300", type: "payment", number: "VIR-0502", reference: null, amount: "-250.00", open: "-250.00", status: "open", settled: null },
    ]);
  });

  it("keeps the warnings and the reconciliation in the history, and changes nothing when imported again", async () => {
    const before = await documentsOf(handle.db);
    const again = await runImport(handle.db, request);
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, settled: 0 });
    expect(await documentsOf(handle.db)).toEqual(before);
    const [record] = await queryRows<{ warnings: { code: string }[]; differences: number }>(
      handle.db,
      sql`select warnings, (reconciliation->>'clientsWithDifference')::int as differences from imports where id = ${again.importId}`,
    );
    expect(record.warnings.map((w) => w.code)).toEqual(["fec_unbalanced_lettering"]);
    expect(record.differences).toBe(0);
  });
});
