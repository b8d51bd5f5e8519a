import { asc, eq, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { ledgerToday as today, makeCalculatedLedger } from "@/db/calculated-test-ledger";
import { calculatedColumns, calculatedValues, clientCustomFields, clients } from "@/db/schema";
import type { CalculatedColumnType } from "@/db/schema/calculated";
import { createTestDatabase } from "@/db/testing";
import type { Scope } from "@/lib/auth/scope";
import { analyseFormula } from "@/lib/formulas/analyse";
import type { Typed } from "@/lib/formulas/ast";
import { rowFormulaSql } from "./calculated-sql";
import { columnValueSql, loadReadyColumns, materialiseColumns, previewFormula } from "./calculated-values";
import { collectTouchedClients } from "./touched-clients";

let handle: DatabaseHandle;
let ledger: Awaited<ReturnType<typeof makeCalculatedLedger>>;
const admin: Scope = { userId: "00000000-0000-0000-0000-000000000000", role: "admin", entityIds: [], collectorIds: [] };
const collector = (id: string): Scope => ({ userId: id, role: "collector", entityIds: [], collectorIds: [id] });

// Alpha's figures are worked out in calculated-sql.db.test.ts; Bravo has no pièce and no snapshot.
const saved: { name: string; type: CalculatedColumnType; formula: string }[] = [
  // Alpha: 1 600 / 2 900; Bravo: 0 / 0 → empty; Charlie: nothing overdue → 0 / 100.
  { name: "Échu 90 j", type: "percent", formula: "SOMME(pièces.ouvert; échue; 90 j) / encours" },
  { name: "Encours moyen 6 mois", type: "amount", formula: "MOYENNE(encours; 6 mois)" },
  { name: "DSO 90 j", type: "days", formula: "DSO(90 j)" },
  { name: "Factures", type: "amount", formula: `SOMME(pièces.montant; type = "facture")` },
  { name: "Taille", type: "text", formula: `SI(encours > 1000; "gros"; "petit")` },
  { name: "Litige ouvert", type: "boolean", formula: "NB(pièces; litige) > 0" },
  { name: "Ventes et échu", type: "number", formula: "VENTES(90 j) + [échu 90 J]" },
];

beforeAll(async () => {
  handle = await createTestDatabase();
  ledger = await makeCalculatedLedger(handle.db);
  await handle.db.insert(calculatedColumns).values(saved);
});
afterAll(() => handle.close());

async function stored(): Promise<Record<string, Record<string, unknown>>> {
  const rows = await queryRows<{ column: string; code: string; value: unknown }>(
    handle.db,
    sql`select cc.name as column, c.code, coalesce(cv.number::text, cv.text, cv.flag::text) as value
        from calculated_values cv join calculated_columns cc on cc.id = cv.column_id join clients c on c.id = cv.client_id`,
  );
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of rows) (out[r.column] ??= {})[r.code] = r.value;
  return out;
}

const near = (v: unknown) => (typeof v === "string" && /^-?\d/.test(v) ? Number(Number(v).toFixed(6)) : v);

describe("materialiseColumns", () => {
  it("stores every materialised column's value for every client in one call", async () => {
    const { columns, broken } = await loadReadyColumns(handle.db);
    expect(broken).toEqual([]);
    expect(columns.filter((c) => !c.materialised).map((c) => c.name)).toEqual(["Taille"]);
    expect(await materialiseColumns(handle.db, today)).toEqual({ columns: 6, clients: 3 });
    const values = await stored();
    expect(values["Taille"]).toBeUndefined();
    expect(near(values["Échu 90 j"].ALPHA)).toBe(Number((1600 / 2900).toFixed(6)));
    expect(values["Échu 90 j"].BRAVO).toBeUndefined();
    expect(Number(values["Échu 90 j"].CHARLIE)).toBe(0);
    expect(Number(values["Encours moyen 6 mois"].ALPHA)).toBe(2725);
    expect(Number(values["DSO 90 j"].ALPHA)).toBe(81.5625);
    // Charlie: 100 / 100 (F6) × 90 days; Bravo has no sales: empty.
    expect(Number(values["DSO 90 j"].CHARLIE)).toBe(90);
    expect(values["DSO 90 j"].BRAVO).toBeUndefined();
    // Invoices 1 000 + 500 + 2 000 + 800 + 400 for Alpha, F6 for Charlie, none for Bravo.
    expect(values["Factures"]).toEqual({ ALPHA: "4700.00", BRAVO: "0", CHARLIE: "100.00" });
    expect(values["Litige ouvert"]).toEqual({ ALPHA: "true", BRAVO: "false", CHARLIE: "false" });
    expect(near(values["Ventes et échu"].ALPHA)).toBe(Number((3200 + 1600 / 2900).toFixed(6)));
    const marks = await handle.db.select({ name: calculatedColumns.name, at: calculatedColumns.materialisedAt }).from(calculatedColumns);
    expect(marks.filter((m) => m.at === null).map((m) => m.name)).toEqual(["Taille"]);
  });

  it("gives the values the preview computes on the fly", async () => {
    await materialiseColumns(handle.db, today);
    const { columns } = await loadReadyColumns(handle.db);
    for (const column of columns) {
      const preview = await previewFormula(handle.db, admin, column.typed, today);
      const read = await handle.db
        .select({ id: clients.id, value: sql<unknown>`${columnValueSql(column, today)}` })
        .from(clients);
      const shown = (v: unknown) => (v === null ? null : near(String(v)));
      const byId = new Map(read.map((r) => [r.id, shown(r.value)]));
      expect(preview).toHaveLength(3);
      for (const p of preview) expect([column.name, p.code, shown(p.value)]).toEqual([column.name, p.code, byId.get(p.id)]);
    }
  });

  it("recomputes only the clients touched in the transaction", async () => {
    await materialiseColumns(handle.db, today);
    const [factures] = await handle.db.select().from(calculatedColumns).where(eq(calculatedColumns.name, "Factures"));
    await handle.db.update(calculatedValues).set({ number: "-1" }).where(eq(calculatedValues.columnId, factures.id));
    const [encours] = await handle.db.select().from(calculatedColumns).where(eq(calculatedColumns.name, "Encours moyen 6 mois"));
    // Stale values where the average is now empty: only the touched client's goes.
    await handle.db.insert(calculatedValues).values([ledger.bravo, ledger.charlie].map((c) => ({ columnId: encours.id, clientId: c.id, number: "1" })));
    const report = await handle.db.transaction(async (tx) => {
      await tx.update(clients).set({ updatedAt: sql`now()` }).where(eq(clients.id, ledger.charlie.id));
      expect(await collectTouchedClients(tx)).toBe(1);
      return materialiseColumns(tx, today, { onlyTouchedClients: true });
    });
    expect(report).toEqual({ columns: 6, clients: 1 });
    const values = await stored();
    expect(values["Factures"]).toEqual({ ALPHA: "-1", BRAVO: "-1", CHARLIE: "100.00" });
    const average = values["Encours moyen 6 mois"];
    expect([near(average.ALPHA), average.BRAVO, average.CHARLIE]).toEqual([2725, "1", undefined]);
    await materialiseColumns(handle.db, today, { columnIds: [factures.id] });
    expect((await stored())["Factures"]).toEqual({ ALPHA: "4700.00", BRAVO: "0", CHARLIE: "100.00" });
  });
});

describe("previewFormula", () => {
  const typed = (formula: string, type: CalculatedColumnType = "number"): Typed => {
    const analysis = analyseFormula(formula, type, { columns: [], customFields: ["Capital", "Secteur"] });
    if (!analysis.ok) throw new Error(analysis.error.message);
    return analysis.typed;
  };

  it("shows the most overdue clients of the scope first", async () => {
    const rows = await previewFormula(handle.db, admin, typed("NB(pièces)"), today);
    expect(rows.map((r) => [r.code, r.value])).toEqual([["ALPHA", "6"], ["CHARLIE", "2"], ["BRAVO", "0"]]);
    expect((await previewFormula(handle.db, admin, typed("NB(pièces)"), today, 1)).map((r) => r.code)).toEqual(["ALPHA"]);
  });

  it("never reads another collector's portfolio", async () => {
    const first = await previewFormula(handle.db, collector(ledger.first.id), typed("SOMME(pièces.montant)"), today);
    expect(first.map((r) => [r.code, Number(r.value)])).toEqual([["ALPHA", 4400]]);
    const second = await previewFormula(handle.db, collector(ledger.second.id), typed("DBT(90 j)"), today);
    expect(second.map((r) => [r.code, r.value])).toEqual([["CHARLIE", null], ["BRAVO", null]]);
  });

  it("computes custom fields, CNUM and text ignoring accents", async () => {
    const rows = await previewFormula(handle.db, admin, typed(`SI([secteur] = "NEGOCE"; CNUM([Capital]); -1)`), today);
    expect(rows.map((r) => [r.code, r.value === null ? null : Number(r.value)])).toEqual([["ALPHA", null], ["CHARLIE", -1], ["BRAVO", -1]]);
  });
});

describe("SQL injection", () => {
  const dialect = new PgDialect();
  const intact = async () => {
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from clients`);
    expect(n).toBe(3);
  };

  it("binds strings, custom field names and numbers", async () => {
    const attack = `x'); drop table clients; --`;
    await handle.db.insert(clientCustomFields).values({ name: attack });
    const analysis = analyseFormula(`SI(code = "'; drop table clients; --"; 1,5; 0) + CNUM([${attack}])`, "number", {
      columns: [], customFields: [attack],
    });
    expect(analysis.ok).toBe(true);
    if (!analysis.ok) return;
    const query = dialect.sqlToQuery(rowFormulaSql(analysis.typed, today));
    expect(query.sql).not.toContain("drop");
    expect(query.params).toEqual(expect.arrayContaining(["'; drop table clients; --", attack, "1.5"]));
    expect(await previewFormula(handle.db, admin, analysis.typed, today)).toHaveLength(3);
    await intact();
  });

  it("refuses unknown names and out-of-range numbers", async () => {
    const ctx = { columns: [], customFields: [] };
    expect(analyseFormula(`[a"]; drop table clients; --]`, "number", ctx).ok).toBe(false);
    expect(analyseFormula(`encours; drop table clients`, "number", ctx).ok).toBe(false);
    expect(analyseFormula(`encours + 1e999`, "number", ctx).ok).toBe(false);
    expect(analyseFormula(`encours + 10000000000000`, "number", ctx).ok).toBe(false);
    const forged = { t: "number", kind: "client", field: `outstanding" from clients; drop table clients; --` } as unknown as Typed;
    expect(() => rowFormulaSql(forged, today)).toThrow(/Champ inconnu/);
    const forgedOp = { t: "number", kind: "op", op: "; drop table clients; --", args: [] } as unknown as Typed;
    expect(() => rowFormulaSql(forgedOp, today)).toThrow(/Formule invalide/);
    await intact();
    expect(await handle.db.select({ code: clients.code }).from(clients).orderBy(asc(clients.code))).toHaveLength(3);
  });
});
