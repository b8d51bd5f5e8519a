/**
 * Compiles a checked formula (`Typed`) to parameterised SQL on the current `"clients"` row. Aggregates over the
 * client's pièces and daily snapshots become columns of two grouped subqueries (`pd`, `ps`) that one statement
 * joins, each aggregate once however many formulas name it. User text never reaches the SQL: fields map to fixed
 * fragments and every literal is a bound parameter.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Duration, Typed } from "@/lib/formulas/ast";
import { clientFieldSql, documentFieldSql, snapshotFieldSql } from "./calculated-field-sql";
import { countsInIndicators } from "./currencies";

type Aggregate = { name: string; expr: SQL };

/** The first day before the window: a pièce or a snapshot dated after it (and by D) is inside. */
export function windowStart(d: SQL, w: Duration): SQL {
  if (!Number.isInteger(w.amount) || w.amount < 1 || w.amount > 1095) throw new Error("Fenêtre invalide");
  const n = sql`${String(w.amount)}::int`;
  switch (w.unit) {
    case "day": return sql`(${d} - ${n})`;
    case "week": return sql`(${d} - 7 * ${n})`;
    case "month": return sql`(${d} - make_interval(months => ${n}))::date`;
    case "year": return sql`(${d} - make_interval(years => ${n}))::date`;
    default: return unknown(w.unit);
  }
}

/** A stable text for a subtree, whatever the order its keys were built in: what deduplicates aggregates. */
export function canonicalKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalKey(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const cast = { number: sql.raw("numeric"), text: sql.raw("text"), boolean: sql.raw("boolean") };
// Whitelists: a tree built by hand with another name fails here instead of reaching the SQL.
const aggregateFn = { sum: sql.raw("sum"), avg: sql.raw("avg"), min: sql.raw("min"), max: sql.raw("max") } as const;
const aggregate = (fn: string): SQL => {
  const found = aggregateFn[fn as keyof typeof aggregateFn];
  if (!found) throw new Error(`Agrégat inconnu : ${fn}`);
  return found;
};
const unknown = (what: unknown): never => {
  throw new Error(`Formule invalide : ${JSON.stringify(what)}`);
};
const fold = (x: SQL) => sql`encaisse_fold(${x})`;

export class FormulaCompiler {
  private readonly docs = new Map<string, Aggregate>();
  private readonly snaps = new Map<string, Aggregate>();
  private readonly snapStarts: SQL[] = [];
  private readonly d: SQL;

  /** `aggregates: false` compiles a row formula: a pièce or snapshot in it is an error. */
  constructor(today: string, private readonly aggregates = true) {
    this.d = sql`${today}::date`;
  }

  /** The formula's value, cast to its type. */
  value(t: Typed): SQL {
    return sql`(${this.expr(t, false)})::${cast[t.t]}`;
  }

  get needsDocuments() { return this.docs.size > 0; }
  get needsSnapshots() { return this.snaps.size > 0; }

  /** One scan of the pièces grouped by client, every aggregate a FILTERed column; `clientIds` narrows the scan. */
  documentsQuery(clientIds?: SQL): SQL {
    const cols = [...this.docs.values()].map((a) => sql`${a.expr} as ${sql.raw(a.name)}`);
    const narrow = clientIds ? sql`where d.client_id in (${clientIds})` : sql``;
    return sql`select d.client_id, ${sql.join(cols, sql`, `)} from documents d ${narrow} group by d.client_id`;
  }

  /** One scan of the daily snapshots over the widest window of the formulas. */
  snapshotsQuery(clientIds?: SQL): SQL {
    const cols = [...this.snaps.values()].map((a) => sql`${a.expr} as ${sql.raw(a.name)}`);
    const from = this.snapStarts.length === 1 ? this.snapStarts[0] : sql`least(${sql.join(this.snapStarts, sql`, `)})`;
    const narrow = clientIds ? sql` and s.client_id in (${clientIds})` : sql``;
    return sql`select s.client_id, ${sql.join(cols, sql`, `)} from daily_snapshots s
      where s.snapshot_date >= ${from} and s.snapshot_date <= ${this.d}${narrow} group by s.client_id`;
  }

  /** The CTEs and joins a statement on `clients` needs for the aggregates compiled so far. */
  withAggregates(clientIds?: SQL): { ctes: SQL[]; joins: SQL } {
    const ctes: SQL[] = [];
    const joins: SQL[] = [];
    if (this.needsDocuments) {
      ctes.push(sql`pd as (${this.documentsQuery(clientIds)})`);
      joins.push(sql`left join pd on pd.client_id = "clients"."id"`);
    }
    if (this.needsSnapshots) {
      ctes.push(sql`ps as (${this.snapshotsQuery(clientIds)})`);
      joins.push(sql`left join ps on ps.client_id = "clients"."id"`);
    }
    return { ctes, joins: sql.join(joins, sql` `) };
  }

  private collect(map: Map<string, Aggregate>, prefix: string, key: string, expr: () => SQL): SQL {
    if (!this.aggregates) throw new Error("Une formule sur la seule fiche client ne lit ni pièces ni photographies");
    let found = map.get(key);
    if (!found) {
      found = { name: `${prefix}${map.size}`, expr: expr() };
      map.set(key, found);
    }
    return sql.raw(`${prefix === "a" ? "pd" : "ps"}.${found.name}`);
  }

  private document(key: string, expr: () => SQL) { return this.collect(this.docs, "a", key, expr); }

  private snapshot(key: string, start: SQL, expr: () => SQL) {
    if (!this.snaps.has(key)) this.snapStarts.push(start);
    return this.collect(this.snaps, "s", key, expr);
  }

  private inWindow(column: SQL, w: Duration): SQL {
    return sql`${column} > ${windowStart(this.d, w)} and ${column} <= ${this.d}`;
  }

  /** VENTES(w): invoices and credit notes (stored negative) issued in the window, in the company's currency. */
  private sales(w: Duration): SQL {
    const ref = this.document(`sales:${canonicalKey(w)}`, () =>
      sql`sum(d.amount) filter (where d.type in ('invoice', 'credit_note') and ${countsInIndicators("d")}
        and ${this.inWindow(sql`d.issue_date`, w)})`);
    return sql`coalesce(${ref}, 0)`;
  }

  private indicator(t: Extract<Typed, { kind: "indicator" }>): SQL {
    const outstanding = sql`"clients"."outstanding"`;
    if (t.fn === "dbt" && !t.window) {
      const late = sql`d.type = 'invoice' and d.status = 'open' and d.open_amount > 0 and d.due_date < ${this.d}
        and ${countsInIndicators("d")}`;
      const days = this.document("dbt:days", () => sql`sum(d.open_amount * (${this.d} - d.due_date)) filter (where ${late})`);
      const amount = this.document("dbt:amount", () => sql`sum(d.open_amount) filter (where ${late})`);
      return sql`${days} / nullif(${amount}, 0)`;
    }
    if (!t.window) throw new Error(`Fenêtre manquante pour ${t.fn}`);
    const w = t.window;
    const start = windowStart(this.d, w);
    switch (t.fn) {
      case "sales": return this.sales(w);
      case "dso": {
        const sales = this.sales(w);
        return sql`case when ${sales} > 0 then ${outstanding} / ${sales} * (${this.d} - ${start}) end`;
      }
      case "dbt": {
        const key = canonicalKey(w);
        const inside = sql`s.snapshot_date > ${start}`;
        const days = this.snapshot(`dbt:days:${key}`, start, () => sql`sum(s.overdue_days) filter (where ${inside})`);
        const amount = this.snapshot(`dbt:amount:${key}`, start, () => sql`sum(s.overdue_invoices) filter (where ${inside})`);
        return sql`${days} / nullif(${amount}, 0)`;
      }
      case "cei": {
        // The opening encours is the earliest snapshot of the closed window [D − w, D].
        const opening = this.snapshot(`cei:opening:${canonicalKey(w)}`, start, () =>
          sql`(array_agg(s.outstanding order by s.snapshot_date) filter (where s.snapshot_date >= ${start}))[1]`);
        const base = sql`(${opening} + ${this.sales(w)})`;
        return sql`(${base} - ${outstanding}) / nullif(${base} - (${outstanding} - "clients"."overdue"), 0)`;
      }
      default: return unknown(t.fn);
    }
  }

  private documents(t: Extract<Typed, { kind: "documents" }>): SQL {
    const ref = this.document(`docs:${canonicalKey(t)}`, () => {
      const conditions = [t.where ? this.expr(t.where, true) : null, t.window ? this.inWindow(sql`d.issue_date`, t.window) : null]
        .filter((c): c is SQL => c !== null);
      const filter = conditions.length ? sql` filter (where ${sql.join(conditions.map((c) => sql`(${c})`), sql` and `)})` : sql``;
      if (t.fn === "count") return sql`count(*)${filter}`;
      if (!t.of) throw new Error(`Champ manquant pour ${t.fn}`);
      const of = this.expr(t.of, true);
      return sql`${aggregate(t.fn)}(${of})${filter}`;
    });
    return t.fn === "sum" || t.fn === "count" ? sql`coalesce(${ref}, 0)` : ref;
  }

  private expr(t: Typed, inDocuments: boolean): SQL {
    switch (t.kind) {
      case "literal": return literal(t);
      case "client":
        if (inDocuments) throw new Error("Champ client dans un agrégat de pièces");
        return clientFieldSql(t.field, this.d);
      case "custom":
        if (inDocuments) throw new Error("Champ client dans un agrégat de pièces");
        return sql`("clients"."custom_fields" ->> ${t.name}::text)`;
      case "document":
        if (!inDocuments) throw new Error("Champ des pièces hors d'un agrégat");
        return documentFieldSql(t.field, this.d);
      case "documents":
        if (inDocuments) throw new Error("Agrégats imbriqués");
        return this.documents(t);
      case "snapshots": {
        if (inDocuments) throw new Error("Agrégats imbriqués");
        const start = windowStart(this.d, t.window);
        const field = snapshotFieldSql(t.field);
        return this.snapshot(`snap:${canonicalKey(t)}`, start, () =>
          sql`${aggregate(t.fn)}(${field}) filter (where s.snapshot_date > ${start})`);
      }
      case "indicator":
        if (inDocuments) throw new Error("Agrégats imbriqués");
        return this.indicator(t);
      case "op": return this.op(t, inDocuments);
      case "fn": return this.fn(t, inDocuments);
      default: return unknown(t);
    }
  }

  private op(t: Extract<Typed, { kind: "op" }>, inDocuments: boolean): SQL {
    const args = t.args.map((a) => this.expr(a, inDocuments));
    const [a, b] = args;
    const text = t.args[0]?.t === "text";
    switch (t.op) {
      case "+": case "-": case "*": return sql`(${a} ${sql.raw(t.op)} ${b})`;
      case "/": return sql`((${a})::numeric / nullif((${b})::numeric, 0))`;
      case "neg": return sql`(- ${a})`;
      case "=": case "<>": case "<": case ">": case "<=": case ">=":
        return text ? sql`(${fold(a)} ${sql.raw(t.op)} ${fold(b)})` : sql`(${a} ${sql.raw(t.op)} ${b})`;
      case "and": case "or": return sql`(${sql.join(args, sql.raw(` ${t.op} `))})`;
      case "not": return sql`(not ${a})`;
      default: return unknown(t.op);
    }
  }

  private fn(t: Extract<Typed, { kind: "fn" }>, inDocuments: boolean): SQL {
    const args = t.args.map((a) => this.expr(a, inDocuments));
    const [a, b, c] = args;
    switch (t.fn) {
      case "if": return sql`(case when ${a} then ${b} else ${c ?? sql`null::${cast[t.t]}`} end)`;
      case "round": return sql`round((${a})::numeric, ${String(decimals(t.args[1]))}::int)`;
      case "min": return sql`least(${sql.join(args, sql`, `)})`;
      case "max": return sql`greatest(${sql.join(args, sql`, `)})`;
      case "abs": return sql`abs(${a})`;
      case "isblank": return t.args[0]?.t === "text" ? sql`(coalesce(trim(${a}), '') = '')` : sql`(${a} is null)`;
      case "tonumber": {
        const trimmed = sql`trim(${a})`;
        return sql`(case when ${trimmed} ~ '^-?[0-9]+([.,][0-9]+)?$' then replace(${trimmed}, ',', '.')::numeric end)`;
      }
      default: return unknown(t.fn);
    }
  }
}

function literal(t: Extract<Typed, { kind: "literal" }>): SQL {
  const v = t.value;
  if (v === null) return sql`null::${cast[t.t]}`;
  if (typeof v === "boolean") return v ? sql`true` : sql`false`;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Math.abs(v) > 1e12) throw new Error("Nombre hors limites");
    return sql`${String(v)}::numeric`;
  }
  return sql`${v}::text`;
}

function decimals(arg: Typed | undefined): number {
  if (!arg) return 0;
  if (arg.kind !== "literal" || typeof arg.value !== "number" || !Number.isInteger(arg.value) || arg.value < 0 || arg.value > 6) {
    throw new Error("ARRONDI attend un nombre entier de décimales de 0 à 6");
  }
  return arg.value;
}

/** A formula over the client row alone, inline in any statement on `"clients"`. */
export function rowFormulaSql(typed: Typed, today: string): SQL {
  return new FormulaCompiler(today, false).value(typed);
}
