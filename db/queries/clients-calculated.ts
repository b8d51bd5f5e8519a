/**
 * Calculated columns in the clients list: their values shown, sorted and filtered. A materialised column is read
 * through a LEFT JOIN on calculated_values (one alias per column, `column_id` bound) wherever it sorts or filters,
 * so the planner can use the (column_id, number) index; a row formula is inlined. Shown values are read per row
 * after the page's LIMIT.
 */
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import type { CalculatedValue } from "@/lib/formulas/display";
import { isNumericType } from "@/lib/formulas/display";
import { calculatedIdOf } from "@/lib/formulas/keys";
import type { Queryable } from "../client";
import { calculatedValues, clients } from "../schema";
import { columnValueSql, type ReadyColumn, valueSlot } from "./calculated-values";

/** A range in the column's own units (a percentage typed as 25 for a stored 0.25), or a yes/no for a boolean. */
export type CalculatedFilter = { min?: number; max?: number; flag?: boolean };

/** The calculated columns the list may read (loadReadyColumns) and those it shows, by id. */
export type CalculatedView = { columns: readonly ReadyColumn[]; shown: readonly string[] };

export const noCalculated: CalculatedView = { columns: [], shown: [] };

/** Expressions of one statement: ask for values first, then `join` the query so the aliases they use exist. */
export function calculatedStatement(view: CalculatedView, today: string) {
  const byId = new Map(view.columns.map((c) => [c.id, c]));
  const joined = new Map<string, { table: ReturnType<typeof alias<typeof calculatedValues, string>>; column: ReadyColumn }>();

  function value(id: string): SQL | undefined {
    const column = byId.get(id);
    if (!column) return undefined;
    if (!column.materialised) return sql`(${columnValueSql(column, today)})`;
    let join = joined.get(id);
    if (!join) {
      join = { table: alias(calculatedValues, `cv${joined.size}`), column };
      joined.set(id, join);
    }
    return sql`${join.table[valueSlot(column)]}`;
  }

  function join<Q extends PgSelect>(query: Q): Q {
    for (const { table, column } of joined.values()) {
      query = query.leftJoin(table, and(eq(table.columnId, column.id), eq(table.clientId, clients.id))) as unknown as Q;
    }
    return query;
  }

  /** Conditions of the calculated filters; unknown columns and text columns are ignored. */
  function where(filters: Readonly<Record<string, CalculatedFilter>> | undefined): SQL[] {
    return Object.entries(filters ?? {}).flatMap(([id, f]) => {
      const column = byId.get(id);
      const v = column && value(id);
      if (!column || !v) return [];
      if (column.type === "boolean") return f.flag === undefined ? [] : [f.flag ? sql`${v} is true` : sql`${v} is false`];
      if (!isNumericType(column.type)) return [];
      // A percentage typed in the form against the stored ratio, exactly (numeric).
      const bound = (n: number) => (column.type === "percent" ? sql`(${String(n)}::numeric / 100)` : sql`${String(n)}::numeric`);
      return [f.min === undefined ? undefined : sql`${v} >= ${bound(f.min)}`, f.max === undefined ? undefined : sql`${v} <= ${bound(f.max)}`].filter(
        (c): c is SQL => c !== undefined,
      );
    });
  }

  return { column: (id: string) => byId.get(id), value, join, where };
}

/** The shown columns' values as one object by id: numbers as exact decimal strings, booleans as booleans. */
export function shownValues(view: CalculatedView, today: string): SQL<Record<string, CalculatedValue>> {
  const shown = view.shown.flatMap((id) => view.columns.find((c) => c.id === id) ?? []);
  const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : (v ?? {})) as Record<string, CalculatedValue>;
  if (shown.length === 0) return sql`'{}'::json`.mapWith(parse);
  const pairs = shown.map((c) => {
    const value = columnValueSql(c, today);
    return sql`${c.id}::text, ${c.type === "boolean" ? sql`(${value})::boolean` : sql`(${value})::text`}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`.mapWith(parse);
}

type Statement = ReturnType<typeof calculatedStatement>;
type PageArgs = {
  db: Queryable;
  view: CalculatedView;
  today: string;
  /** The list's WHERE, its calculated filters read through the statement given. */
  whereFor: (calc: Statement) => SQL | undefined;
  sort: { id: string; order: "asc" | "desc" };
  page: { page: number; pageSize: number };
};

/** The materialised number column a sort can walk by its (column_id, number) index, if the sort names one. */
export function indexedSortColumn(view: CalculatedView, key: string): ReadyColumn | undefined {
  const id = calculatedIdOf(key);
  const column = id === null ? undefined : view.columns.find((c) => c.id === id);
  return column?.materialised && isNumericType(column.type) ? column : undefined;
}

/**
 * One page of ids sorted by a materialised number: clients with a value first, walked in the index's order (so
 * 50 rows read about 50 index entries, not 100 000), then those without, by name. The statement that sorts every
 * client is left to the blanks, which only the last pages reach.
 */
export async function pageByIndexedColumn({ db, view, today, whereFor, sort, page }: PageArgs): Promise<string[]> {
  const offset = (page.page - 1) * page.pageSize;
  const ids = (query: Promise<{ id: string }[]>) => query.then((rows) => rows.map((r) => r.id));
  const valued = calculatedStatement(view, today);
  const v = valued.value(sort.id)!;
  // Values are never null in the index's walk: « nulls first » going down is the backward scan of an ascending index.
  const direction = sort.order === "asc" ? sql`asc nulls last` : sql`desc nulls first`;
  const first = await ids(
    valued
      .join(db.select({ id: clients.id }).from(clients).$dynamic())
      .where(and(whereFor(valued), sql`${v} is not null`))
      .orderBy(sql`${v} ${direction}`, asc(clients.name), asc(clients.id))
      .limit(page.pageSize)
      .offset(offset),
  );
  if (first.length === page.pageSize) return first;
  let valuedCount = offset + first.length;
  if (first.length === 0 && offset > 0) {
    const counting = calculatedStatement(view, today);
    const c = counting.value(sort.id)!;
    const [row] = await counting
      .join(db.select({ n: sql<number>`count(*)::int` }).from(clients).$dynamic())
      .where(and(whereFor(counting), sql`${c} is not null`));
    valuedCount = row.n;
  }
  const blanks = calculatedStatement(view, today);
  const b = blanks.value(sort.id)!;
  const rest = await ids(
    blanks
      .join(db.select({ id: clients.id }).from(clients).$dynamic())
      .where(and(whereFor(blanks), sql`${b} is null`))
      .orderBy(asc(clients.name), asc(clients.id))
      .limit(page.pageSize - first.length)
      .offset(Math.max(0, offset - valuedCount)),
  );
  return [...first, ...rest];
}
