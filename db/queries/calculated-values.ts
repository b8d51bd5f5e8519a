/**
 * Values of the calculated columns: inline SQL for formulas on the client row, `calculated_values` for those that
 * read pièces or snapshots (materialised by the nightly run and after each import), and the editor's preview.
 */
import { asc, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Typed } from "@/lib/formulas/ast";
import { analyseFormula } from "@/lib/formulas/analyse";
import { type Queryable, queryRows } from "../client";
import { calculatedColumns } from "../schema";
import type { CalculatedColumnType } from "../schema/calculated";
import { FormulaCompiler, rowFormulaSql } from "./calculated-sql";
import { listClientCustomFields } from "./clients";
import { clientInScope } from "./scope";
import { touchedClientIds } from "./touched-clients";

export type ReadyColumn = {
  id: string;
  name: string;
  type: CalculatedColumnType;
  formula: string;
  description: string;
  typed: Typed;
  materialised: boolean;
  dependsOn: string[];
};

/** Every saved column checked against the others and the custom fields; those that no longer check are `broken`. */
export async function loadReadyColumns(
  db: Queryable,
): Promise<{ columns: ReadyColumn[]; broken: { id: string; name: string; error: string }[] }> {
  const [rows, customFields] = await Promise.all([
    db.select().from(calculatedColumns).orderBy(asc(calculatedColumns.name)),
    listClientCustomFields(db),
  ]);
  const ctx = { columns: rows.map(({ id, name, type, formula }) => ({ id, name, type, formula })), customFields };
  const columns: ReadyColumn[] = [];
  const broken: { id: string; name: string; error: string }[] = [];
  for (const row of rows) {
    const analysis = analyseFormula(row.formula, row.type, { ...ctx, selfId: row.id });
    if (!analysis.ok) {
      broken.push({ id: row.id, name: row.name, error: analysis.error.message });
      continue;
    }
    const { typed, materialised, dependsOn } = analysis;
    columns.push({ id: row.id, name: row.name, type: row.type, formula: row.formula, description: row.description, typed, materialised, dependsOn });
  }
  return { columns, broken };
}

/** The column of `calculated_values` holding a column's values, by the type its formula gives. */
const slots = { number: "number", text: "text", boolean: "flag" } as const;
export const valueSlot = (column: ReadyColumn) => slots[column.typed.t];

/** The value for the current `"clients"` row: the inline SQL of a row formula, or the materialised value. */
export function columnValueSql(column: ReadyColumn, today: string): SQL {
  if (!column.materialised) return rowFormulaSql(column.typed, today);
  return sql`(select cv.${sql.raw(valueSlot(column))} from calculated_values cv
    where cv.column_id = ${column.id}::uuid and cv.client_id = "clients"."id")`;
}

/** `(column id, number, text, flag)` for one column on the current row, the two slots of other types empty. */
function valuesRow(compiler: FormulaCompiler, column: ReadyColumn): SQL {
  const value = compiler.value(column.typed);
  const t = column.typed.t;
  return sql`(${column.id}::uuid, ${t === "number" ? value : sql`null::numeric`}, ${t === "text" ? value : sql`null::text`},
    ${t === "boolean" ? value : sql`null::boolean`})`;
}

/** The one statement that writes `columns`' values (for the touched clients only when `touched`). */
export function materialiseStatement(columns: ReadyColumn[], today: string, touched: boolean): SQL {
  const compiler = new FormulaCompiler(today);
  const rows = columns.map((c) => valuesRow(compiler, c));
  const ids = sql.join(columns.map((c) => sql`${c.id}::uuid`), sql`, `);
  const target = sql`select id from target`;
  const { ctes, joins } = compiler.withAggregates(touched ? target : undefined);
  const from = touched ? sql`clients join target on target.id = "clients"."id"` : sql`clients`;
  const statements = [
    ...(touched ? [sql`target as (${touchedClientIds})`] : []),
    ...ctes,
    sql`vals as (
      select "clients"."id" as client_id, v.column_id, v.number, v.text, v.flag
      from ${from} ${joins}
      cross join lateral (values ${sql.join(rows, sql`, `)}) v(column_id, number, text, flag))`,
    sql`written as (
      insert into calculated_values (column_id, client_id, number, text, flag)
      select column_id, client_id, number, text, flag from vals
      where number is not null or text is not null or flag is not null
      on conflict (column_id, client_id) do update set number = excluded.number, text = excluded.text, flag = excluded.flag
      where (calculated_values.number, calculated_values.text, calculated_values.flag)
        is distinct from (excluded.number, excluded.text, excluded.flag))`,
    // A join, not an anti-join on `vals`: the planner cannot misjudge it into reading `vals` once per stored row.
    sql`removed as (
      delete from calculated_values cv using vals
      where cv.column_id = vals.column_id and cv.client_id = vals.client_id
        and vals.number is null and vals.text is null and vals.flag is null)`,
    sql`marked as (update calculated_columns set materialised_at = now() where id in (${ids}))`,
  ];
  return sql`with ${sql.join(statements, sql`, `)} select (select count(*) from ${from})::int as clients`;
}

/**
 * Computes the materialised columns (all, or `columnIds`) for every client, or only the clients an import touched
 * (gathered first by `collectTouchedClients`), in one statement: the pièces and the snapshots are each scanned once
 * for all the columns.
 * Empty values are not stored, and a stored value that became empty is removed.
 */
export async function materialiseColumns(
  db: Queryable,
  today: string,
  options: { columnIds?: string[]; onlyTouchedClients?: boolean } = {},
): Promise<{ columns: number; clients: number }> {
  const { columns } = await loadReadyColumns(db);
  const chosen = columns.filter((c) => c.materialised && (!options.columnIds || options.columnIds.includes(c.id)));
  if (chosen.length === 0) return { columns: 0, clients: 0 };
  const statement = materialiseStatement(chosen, today, options.onlyTouchedClients === true);
  const [result] = await queryRows<{ clients: number }>(db, statement);
  return { columns: chosen.length, clients: result.clients };
}

export type PreviewRow = { id: string; code: string; name: string; value: string | number | boolean | null };

/**
 * The formula's value for the first `limit` clients of the scope, most overdue first, computed on the fly; the
 * aggregates read only those clients' pièces and snapshots.
 */
export async function previewFormula(db: Queryable, scope: Scope, typed: Typed, today: string, limit = 10): Promise<PreviewRow[]> {
  const compiler = new FormulaCompiler(today);
  const value = compiler.value(typed);
  const target = sql`select id from target`;
  const { ctes, joins } = compiler.withAggregates(target);
  const order = sql`"clients"."overdue" desc, "clients"."code"`;
  const shown = typed.t === "number" ? sql`(${value})::text` : value;
  return queryRows<PreviewRow>(
    db,
    sql`with ${sql.join([sql`target as (select "clients"."id" from clients where ${clientInScope(scope)} order by ${order}
          limit ${String(limit)}::int)`, ...ctes], sql`, `)}
        select "clients"."id", "clients"."code", "clients"."name", ${shown} as value
        from clients join target on target.id = "clients"."id" ${joins}
        order by ${order}`,
  );
}
