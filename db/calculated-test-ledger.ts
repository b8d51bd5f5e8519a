/**
 * A small ledger for the calculated columns' integration tests, every figure chosen so each aggregate can be
 * worked out by hand (db/queries/calculated-values.db.test.ts does so in its comments). Evaluation day: 2026-11-23.
 */
import type { Queryable } from "./client";
import { clientCustomFields, dailySnapshots } from "./schema";
import { makeClient, makeDocument, makeEntity, makeUser } from "./test-builders";

export const ledgerToday = "2026-11-23";

export async function makeCalculatedLedger(db: Queryable) {
  const entity = await makeEntity(db);
  const first = await makeUser(db, "collector");
  const second = await makeUser(db, "collector");
  // Alpha: encours 1000 + 200 + 2000 − 300 (EUR), échu 900 as the snapshot counts it.
  const alpha = await makeClient(db, entity.id, {
    code: "ALPHA", name: "Alpha Bâtiment", collectorId: first.id, outstanding: "2900.00", overdue: "900.00",
    creditLimit: "5000", customFields: { Secteur: "Négoce", Capital: "12 500" },
  });
  const bravo = await makeClient(db, entity.id, {
    code: "BRAVO", name: "Bravo Services", collectorId: second.id, customFields: { Secteur: "BTP" },
  });
  const charlie = await makeClient(db, entity.id, {
    code: "CHARLIE", name: "Charlie Transports", collectorId: second.id, outstanding: "100.00", overdue: "50.00",
    creditLimit: "0", pausedUntil: "2026-12-01", customFields: { Capital: " 1234,5 " },
  });

  await db.insert(clientCustomFields).values([{ name: "Secteur" }, { name: "Capital" }]);

  const doc = (clientId: string, values: Parameters<typeof makeDocument>[2]) => makeDocument(db, clientId, values);
  await doc(alpha.id, { number: "F1", amount: "1000.00", issueDate: "2026-09-01", dueDate: "2026-10-01" });
  await doc(alpha.id, { number: "F2", amount: "500.00", openAmount: "200.00", issueDate: "2026-10-15", dueDate: "2026-11-14" });
  await doc(alpha.id, { number: "F3", amount: "2000.00", issueDate: "2026-11-10", dueDate: "2026-12-10" });
  await doc(alpha.id, {
    number: "F4", amount: "800.00", openAmount: "0", status: "settled", settledDate: "2026-07-11",
    issueDate: "2026-06-01", dueDate: "2026-07-01",
  });
  await doc(alpha.id, { number: "A1", type: "credit_note", amount: "-300.00", issueDate: "2026-11-01", dueDate: "2026-11-01" });
  await doc(alpha.id, {
    number: "F5", amount: "400.00", currency: "USD", disputed: true, issueDate: "2026-10-20", dueDate: "2026-11-19",
  });
  await doc(charlie.id, { number: "F6", amount: "100.00", issueDate: "2026-11-01", dueDate: "2026-12-01" });
  await doc(charlie.id, { number: "AN1", type: "opening_balance", amount: "50.00", issueDate: "2026-01-01", dueDate: "2026-01-01" });

  const snapshot = (date: string, outstanding: number, overdue: number, overdueInvoices: number, overdueDays: number) => ({
    snapshotDate: date, clientId: alpha.id, entityId: entity.id, outstanding: String(outstanding), overdue: String(overdue),
    notDue: String(outstanding - overdue), aged: [], agingLimits: [], sales: "0",
    overdueInvoices: String(overdueInvoices), overdueDays: String(overdueDays),
  });
  await db.insert(dailySnapshots).values([
    snapshot("2026-04-30", 10000, 5000, 5000, 500000),
    snapshot("2026-08-24", 1000, 0, 0, 0),
    snapshot("2026-09-30", 3000, 1000, 1000, 29000),
    snapshot("2026-10-31", 4000, 1500, 1500, 60000),
    snapshot("2026-11-23", 2900, 900, 1200, 54800),
  ]);
  return { entity, first, second, alpha, bravo, charlie };
}
