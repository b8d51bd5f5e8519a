/**
 * Property: whatever the lettering (balanced, partial, cross-year, absent), the open items of every customer
 * account add up to its balance in the FEC. Ledgers are drawn from seeded generators, so a failure names its seed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { makeEntity } from "@/db/test-builders";
import { createRandom } from "@/db/seed/random";
import { createTestDatabase } from "@/db/testing";
import { fromCents, toCents } from "./decimal";
import type { FecLine } from "./fec";
import { fecCustomerItems } from "./fec-items";
import { runImport } from "./run-import";

const JOURNALS = { AN: "A-nouveaux", VE: "Ventes", BQ: "Banque", OD: "Opérations diverses" } as const;
type Journal = keyof typeof JOURNALS;
type Generated = { lines: FecLine[]; balances: Map<string, bigint> };

const comma = (cents: bigint) => fromCents(cents).replace(".", ",");
const fecDate = (day: number) => {
  const date = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
  return date.toISOString().slice(0, 10).replaceAll("-", "");
};

/** A random ledger of a few clients: opening balances, invoices, credit notes, payments, refunds, random lettering. */
function generateLedger(seed: number, prefix: string): Generated {
  const r = createRandom(seed);
  const lines: FecLine[] = [];
  const balances = new Map<string, bigint>();
  const zeroNumbers = r.next() < 0.2;
  let entry = 0;
  const batch = `VT${r.int(2501, 2512)}`;
  const clients = r.int(1, 5);
  for (let c = 1; c <= clients; c++) {
    const code = `${prefix}C${c}`;
    const items: { journal: Journal; cents: bigint; day: number }[] = [];
    if (r.next() < 0.7) items.push({ journal: "AN", cents: BigInt(r.int(1, 900_000)), day: 0 });
    for (let i = r.int(0, 8); i > 0; i--) {
      const kind = r.next();
      const cents = BigInt(r.int(1, 500_000));
      const day = r.int(1, 360);
      if (kind < 0.45) items.push({ journal: "VE", cents, day });
      else if (kind < 0.55) items.push({ journal: "VE", cents: -cents, day });
      else if (kind < 0.9) items.push({ journal: "BQ", cents: -cents, day });
      else if (kind < 0.95) items.push({ journal: "BQ", cents, day });
      else items.push({ journal: "OD", cents: -cents, day });
    }
    // Lettering: some groups of lines share a code; a balanced group is forced now and then by adding its payment.
    const letters = ["AA", "AB", "AC", "AD"];
    const lettered = items.map(() => (r.next() < 0.6 ? r.pick(letters) : ""));
    if (r.next() < 0.5 && items.length > 0) {
      const sum = items.reduce((s, item, i) => (lettered[i] === "AA" ? s + item.cents : s), 0n);
      if (sum !== 0n) {
        items.push({ journal: "BQ", cents: -sum, day: r.int(1, 365) });
        lettered.push("AA");
      }
    }
    let balance = 0n;
    items.forEach((item, i) => {
      entry++;
      balance += item.cents;
      const shared = item.journal === "VE" && r.next() < 0.3;
      const letter = lettered[i];
      lines.push({
        row: lines.length + 2, JournalCode: item.journal, JournalLib: JOURNALS[item.journal],
        EcritureNum: zeroNumbers ? "0" : String(entry), EcritureDate: fecDate(item.day), CompteNum: "411000",
        CompteLib: "Clients", CompAuxNum: code, CompAuxLib: `Client ${code}`,
        PieceRef: shared ? batch : `${item.journal}${entry}`, PieceDate: fecDate(item.day),
        EcritureLib: item.journal === "OD" ? "Règlement" : "Écriture", Debit: item.cents > 0n ? comma(item.cents) : "0,00",
        Credit: item.cents < 0n ? comma(-item.cents) : "0,00", EcritureLet: letter,
        DateLet: letter && r.next() < 0.5 ? fecDate(r.int(item.day, 365)) : "", ValidDate: "20251231",
        Montantdevise: "", Idevise: "",
      });
    });
    balances.set(code, balance);
  }
  return { lines, balances };
}

function openByClient(documents: { clientCode: string; openAmount: string | null; amount: string }[]) {
  const open = new Map<string, bigint>();
  for (const d of documents) open.set(d.clientCode, (open.get(d.clientCode) ?? 0n) + toCents(d.openAmount ?? d.amount));
  return open;
}

describe("FEC ledger invariant", () => {
  it("holds for 400 random ledgers read in memory", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { lines, balances } = generateLedger(seed, "");
      const items = fecCustomerItems(lines, { paymentTermsDays: () => 30 });
      const open = openByClient(items.documents);
      for (const [code, balance] of balances) {
        expect({ seed, code, open: open.get(code) ?? 0n }).toEqual({ seed, code, open: balance });
      }
      for (const d of items.documents) {
        if (d.settledDate !== null) expect({ seed, number: d.number, open: d.openAmount }).toEqual({ seed, number: d.number, open: "0.00" });
      }
    }
  });

  describe("through the database", () => {
    let handle: DatabaseHandle;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-fec-property-"));
    beforeAll(async () => {
      handle = await createTestDatabase();
      await makeEntity(handle.db, "DIST");
    });
    afterAll(() => handle.close());

    it("holds for random ledgers imported, with no reconciliation difference", async () => {
      const header = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
      for (let seed = 1001; seed <= 1008; seed++) {
        const { lines, balances } = generateLedger(seed, `S${seed}-`);
        const file = path.join(dir, `fec-${seed}.txt`);
        const body = lines.map((l) => [l.JournalCode, l.JournalLib, l.EcritureNum, l.EcritureDate, l.CompteNum, l.CompteLib, l.CompAuxNum, l.CompAuxLib, l.PieceRef, l.PieceDate, l.EcritureLib, l.Debit, l.Credit, l.EcritureLet, l.DateLet, l.ValidDate, l.Montantdevise, l.Idevise].join("|"));
        fs.writeFileSync(file, [header, ...body].join("\n") + "\n");
        const outcome = await runImport(handle.db, {
          kind: "fec", filePath: file, fileName: `fec-${seed}.txt`, mode: "incremental", importDate: "2025-12-31",
          userId: null, acceptRowErrors: false,
        });
        expect({ seed, status: outcome.status, message: outcome.message }).toMatchObject({ seed, status: "succeeded" });
        expect({ seed, differences: outcome.reconciliation?.clientsWithDifference }).toEqual({ seed, differences: 0 });
        const stored = await queryRows<{ code: string; open: string }>(
          handle.db,
          sql`select c.code, coalesce(sum(d.open_amount) filter (where d.status = 'open'), 0)::text as open
              from clients c left join documents d on d.client_id = c.id
              where c.code like ${`S${seed}-%`} group by c.code`,
        );
        // A client drawn with no line is not in the file, so not created.
        const expected = [...balances].filter(([code]) => lines.some((l) => l.CompAuxNum === code));
        expect(new Map(stored.map((s) => [s.code, toCents(s.open)]))).toEqual(new Map(expected));
      }
    });
  });
});
