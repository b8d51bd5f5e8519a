import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { refreshMonthlySales } from "@/db/queries/home-aggregates";
import { recordDailySnapshot } from "@/db/queries/snapshots";
import { makeClient, makeEntity, makeUser } from "@/db/test-builders";
import { createTestDatabase } from "@/db/testing";
import { runImport } from "./run-import";

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "encaisse-sales-"));
const importDate = "2026-11-23";
const header = "Code client;N° facture;Type;Date facture;Échéance;Montant TTC;Reste dû;Devise";

async function importLines(name: string, lines: string[]) {
  fs.writeFileSync(path.join(dir, name), iconv.encode([header, ...lines].join("\r\n") + "\r\n", "windows-1252"));
  const outcome = await runImport(handle.db, {
    kind: "documents", filePath: path.join(dir, name), fileName: name, mode: "incremental", importDate, userId: null, acceptRowErrors: false,
  });
  expect(outcome.status, outcome.message).toBe("succeeded");
}

/** The monthly sales per collector's portfolio and month, months summing to zero left out. */
async function salesByPortfolio() {
  const rows = await queryRows<{ collector: string; month: string; amount: string }>(
    handle.db,
    sql`select u.name as collector, to_char(m.month, 'YYYY-MM') as month, sum(m.amount)::text as amount
        from monthly_sales m join users u on u.id = m.collector_id
        group by 1, 2 having sum(m.amount) <> 0 order by 1, 2`,
  );
  return rows.map((r) => `${r.collector} ${r.month} ${r.amount}`);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const entity = await makeEntity(handle.db, "DIST");
  const anne = await makeUser(handle.db, "collector", { name: "Anne" });
  const bruno = await makeUser(handle.db, "collector", { name: "Bruno" });
  await makeClient(handle.db, entity.id, { code: "A1", collectorId: anne.id, department: "69" });
  await makeClient(handle.db, entity.id, { code: "B1", collectorId: bruno.id, department: "75" });
  await importLines("hier.csv", [
    "A1;F0;Facture;01/01/2024;31/01/2024;700,00;700,00;EUR",
    "A1;F1;Facture;10/10/2026;09/11/2026;1 000,00;1 000,00;EUR",
    "A1;F2;Facture;15/09/2026;15/10/2026;500,00;500,00;EUR",
    "A1;F3;Facture;01/10/2026;31/10/2026;300,00;300,00;EUR",
    "B1;F4;Facture;20/10/2026;19/11/2026;2 000,00;2 000,00;EUR",
  ]);
  // The night's rebuild, as the nightly run leaves it.
  await recordDailySnapshot(handle.db, importDate);
});
afterAll(() => handle.close());

describe("the monthly sales after a daily file", () => {
  it("add what the pièces written change, as a rebuild from every pièce would count it", async () => {
    // Every month since the first invoice: January 2024 too, which the DSO of a day in 2025 counts back over.
    expect(await salesByPortfolio()).toEqual(["Anne 2024-01 700.00", "Anne 2026-09 500.00", "Anne 2026-10 1300.00", "Bruno 2026-10 2000.00"]);
    await importLines("jour.csv", [
      "A1;F0;Facture;01/01/2024;31/01/2024;700,00;700,00;EUR", // unchanged, two years back
      "A1;F1;Facture;10/10/2026;09/11/2026;1 200,00;1 200,00;EUR", // corrected: +200 in October
      "A1;F2;Facture;15/08/2026;15/10/2026;500,00;500,00;EUR", // issue date moved from September to August
      "A1;F3;Facture;01/10/2026;31/10/2026;300,00;300,00;USD", // now in dollars: out of the euro sales
      "A1;F7;Facture;01/10/2024;31/10/2024;100,00;100,00;EUR", // new, two years back: a month of its own
      "B1;F4;Facture;20/10/2026;19/11/2026;2 000,00;2 000,00;EUR", // unchanged
      "B1;AV1;Avoir;05/11/2026;05/11/2026;-250,00;-250,00;EUR", // new credit note
      "B1;F5;Facture;20/11/2026;20/12/2026;400,00;400,00;EUR", // new
      "B1;F6;Facture;30/11/2026;30/12/2026;900,00;900,00;EUR", // issued after the import date: not a sale yet
    ]);
    const expected = ["Anne 2024-01 700.00", "Anne 2024-10 100.00", "Anne 2026-08 500.00", "Anne 2026-10 1200.00", "Bruno 2026-10 2000.00", "Bruno 2026-11 150.00"];
    expect(await salesByPortfolio()).toEqual(expected);
    await handle.db.transaction((tx) => refreshMonthlySales(tx, importDate));
    expect(await salesByPortfolio()).toEqual(expected);
  });
});
