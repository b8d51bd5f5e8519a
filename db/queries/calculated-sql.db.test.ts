import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "@/db/client";
import { ledgerToday, makeCalculatedLedger } from "@/db/calculated-test-ledger";
import { createTestDatabase } from "@/db/testing";
import type { Duration, Typed } from "@/lib/formulas/ast";
import { FormulaCompiler, rowFormulaSql } from "./calculated-sql";

// Hand-built checked trees: the compiler alone, whatever the parser makes of a formula's text.
const num = (value: number): Typed => ({ t: "number", kind: "literal", value });
const str = (value: string): Typed => ({ t: "text", kind: "literal", value });
const client = (field: string, t: Typed["t"] = "number") => ({ t, kind: "client", field }) as Typed;
const doc = (field: string, t: Typed["t"] = "number") => ({ t, kind: "document", field }) as Typed;
const docs = (fn: "sum" | "count" | "avg" | "min" | "max", of?: Typed, where?: Typed, window?: Duration): Typed =>
  ({ t: "number", kind: "documents", fn, of, where, window });
const snaps = (fn: "avg" | "min" | "max", field: "outstanding" | "overdue" | "notDue", window: Duration): Typed =>
  ({ t: "number", kind: "snapshots", fn, field, window });
const indicator = (fn: "dso" | "dbt" | "cei" | "sales", window?: Duration): Typed => ({ t: "number", kind: "indicator", fn, window });
const op = (o: string, t: Typed["t"], ...args: Typed[]) => ({ t, kind: "op", op: o, args }) as Typed;
const fn = (f: string, t: Typed["t"], ...args: Typed[]) => ({ t, kind: "fn", fn: f, args }) as Typed;
const days = (amount: number): Duration => ({ amount, unit: "day" });
const months = (amount: number): Duration => ({ amount, unit: "month" });

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await makeCalculatedLedger(handle.db);
});
afterAll(() => handle.close());

/** Each client's value (numbers as text), all formulas in one statement as materialising does. */
async function evaluate(...formulas: Typed[]): Promise<Record<string, unknown[]>> {
  const compiler = new FormulaCompiler(ledgerToday);
  const values = formulas.map((f, i) => sql`${compiler.value(f)}${sql.raw(f.t === "number" ? "::text" : "")} as ${sql.raw(`v${i}`)}`);
  const { ctes, joins } = compiler.withAggregates();
  const head = ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    handle.db,
    sql`${head}select "clients"."code", ${sql.join(values, sql`, `)} from clients ${joins} order by "clients"."code"`,
  );
  return Object.fromEntries(rows.map((r) => [r.code, formulas.map((_, i) => r[`v${i}`])]));
}

const asNumber = (v: unknown) => (v === null ? null : Number(v));

describe("pièce aggregates", () => {
  it("sums with a condition and a window, counts, averages, minimum and maximum", async () => {
    const overdue = doc("overdue", "boolean");
    const r = await evaluate(
      // Alpha: only F1 is more than 30 days late (53 days) → 1 000.
      docs("sum", doc("openAmount"), op(">", "boolean", doc("daysLate"), num(30))),
      // Overdue pièces issued after 2026-08-25 (90 days): F1 1 000, F2 200, F5 400 (USD counts) → 1 600.
      docs("sum", doc("openAmount"), overdue, days(90)),
      // After 2026-09-24 (60 days) F1 drops out → 600.
      docs("sum", doc("openAmount"), overdue, days(60)),
      docs("count"),
      docs("count", undefined, overdue),
      // Open pièces' lateness: 53, 9, −17, 22 (credit note), 4 → 71 / 5.
      docs("avg", doc("daysLate"), doc("open", "boolean")),
      // Only F4 is settled: 40 days to pay.
      docs("avg", doc("daysToPay")),
      docs("min", doc("age")),
      docs("max", doc("daysLate"), doc("open", "boolean")),
    );
    expect(r.ALPHA.map(asNumber)).toEqual([1000, 1600, 600, 6, 3, 14.2, 40, 13, 53]);
    // No pièce: sums and counts are 0, the others empty.
    expect(r.BRAVO).toEqual(["0", "0", "0", "0", "0", null, null, null, null]);
  });

  it("compares text ignoring case and accents", async () => {
    const r = await evaluate(
      // Invoices: 1 000 + 500 + 2 000 + 800 + 400.
      docs("sum", doc("amount"), op("=", "boolean", doc("type", "text"), str("FACTURE"))),
      docs("sum", doc("amount"), op("=", "boolean", doc("type", "text"), str("avoir"))),
      docs("count", undefined, op("=", "boolean", doc("type", "text"), str("A-NOUVEAU"))),
      docs("count", undefined, op("=", "boolean", doc("currency", "text"), str("usd"))),
      docs("count", undefined, doc("disputed", "boolean")),
    );
    expect(r.ALPHA.map(asNumber)).toEqual([4700, -300, 0, 1, 1]);
    expect(r.CHARLIE.map(asNumber)).toEqual([100, 0, 1, 0, 0]);
  });
});

describe("snapshots and indicators", () => {
  it("reads the snapshots of the window", async () => {
    const r = await evaluate(
      // After 2026-05-23: 1 000, 3 000, 4 000, 2 900 → 10 900 / 4.
      snaps("avg", "outstanding", months(6)),
      // After 2026-08-25: 3 000, 4 000, 2 900 → 3 300.
      snaps("avg", "outstanding", days(90)),
      // Twelve months reach 2026-04-30: échu 5 000, 0, 1 000, 1 500, 900.
      snaps("min", "overdue", months(12)),
      snaps("max", "outstanding", { amount: 1, unit: "year" }),
      snaps("avg", "notDue", { amount: 13, unit: "week" }),
    );
    // 13 weeks: after 2026-08-24 → non échu 2 000, 2 500, 2 000.
    expect(r.ALPHA.map(asNumber)).toEqual([2725, 3300, 0, 10000, 6500 / 3]);
    expect(r.BRAVO).toEqual([null, null, null, null, null]);
  });

  it("computes VENTES, DSO, DBT and CEI", async () => {
    const r = await evaluate(
      // EUR invoices and credit notes issued after 2026-08-25: 1 000 + 500 + 2 000 − 300 (F5 is in USD).
      indicator("sales", days(90)),
      // 2 900 / 3 200 × 90 days.
      indicator("dso", days(90)),
      // Open EUR invoices past due: (1 000 × 53 + 200 × 9) / (1 000 + 200).
      indicator("dbt"),
      // Snapshots after 2026-08-25: (29 000 + 60 000 + 54 800) / (1 000 + 1 500 + 1 200).
      indicator("dbt", days(90)),
      // Opening = the 2026-08-24 snapshot (window from 2026-08-23): (1 000 + 3 200 − 2 900) / (1 000 + 3 200 − 2 000).
      indicator("cei", months(3)),
      // Opening = the 2026-09-30 snapshot: (3 000 + 3 200 − 2 900) / (3 000 + 3 200 − 2 000).
      indicator("cei", days(90)),
    );
    const [sales, dso, dbt, dbtWindow, cei, cei90] = r.ALPHA.map(asNumber) as number[];
    expect(sales).toBe(3200);
    expect(dso).toBeCloseTo(81.5625, 10);
    expect(dbt).toBeCloseTo(54800 / 1200, 10);
    expect(dbtWindow).toBeCloseTo(143800 / 3700, 10);
    expect(cei).toBeCloseTo(1300 / 2200, 10);
    expect(cei90).toBeCloseTo(3300 / 4200, 10);
    // No sales, no late invoice, no snapshot: VENTES 0, the rest empty.
    expect(r.BRAVO).toEqual(["0", null, null, null, null, null]);
  });
});

describe("row formulas", () => {
  it("computes SI, ARRONDI, CNUM, custom fields, division by zero and ESTVIDE", async () => {
    const r = await evaluate(
      fn("if", "text", op(">", "boolean", client("outstanding"), num(1000)), str("gros"), str("petit")),
      fn("round", "number", op("/", "number", client("outstanding"), num(3)), num(2)),
      fn("tonumber", "number", { t: "text", kind: "custom", name: "Capital" }),
      op("/", "number", client("outstanding"), client("creditLimit")),
      client("paused", "boolean"),
      op("=", "boolean", { t: "text", kind: "custom", name: "Secteur" }, str("negoce")),
      fn("isblank", "boolean", client("creditLimit")),
      fn("if", "number", op("<", "boolean", client("notDue"), num(0)), num(1)),
      fn("max", "number", client("overdue"), num(60), client("paymentTermsDays")),
    );
    const norm = (v: unknown) => (typeof v === "string" && /^-?\d/.test(v) ? Number(v) : v);
    expect(r.ALPHA.map(norm)).toEqual(["gros", 966.67, null, 0.58, false, true, false, null, 900]);
    expect(r.BRAVO.map(norm)).toEqual(["petit", 0, null, null, false, false, true, null, 60]);
    expect(r.CHARLIE.slice(2, 5).map(norm)).toEqual([1234.5, null, true]);
  });

  it("refuses pièces and snapshots in a row formula", () => {
    expect(() => rowFormulaSql(docs("count"), ledgerToday)).toThrow();
    expect(() => rowFormulaSql(indicator("dbt"), ledgerToday)).toThrow();
  });
});

describe("aggregates shared between formulas", () => {
  it("computes an aggregate once however many formulas name it", async () => {
    const compiler = new FormulaCompiler(ledgerToday);
    compiler.value(indicator("dso", days(90)));
    compiler.value(indicator("sales", { amount: 90, unit: "day" }));
    compiler.value(op("+", "number", docs("count"), docs("count")));
    const query = new PgDialect().sqlToQuery(compiler.documentsQuery());
    expect(query.sql.match(/ as a\d/g)).toHaveLength(2);
  });
});
