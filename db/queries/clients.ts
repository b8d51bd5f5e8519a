import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, not, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/auth/scope";
import { isUuid } from "@/lib/ids";
import { calculatedIdOf } from "@/lib/formulas/keys";
import type { Queryable } from "../client";
import { clientCustomFields, clients, entities, groups, users } from "../schema";
import {
  type CalculatedFilter, type CalculatedView, calculatedStatement, indexedSortColumn, noCalculated, pageByIndexedColumn, shownValues,
} from "./clients-calculated";
import { orderedBatches } from "./ordered-batches";
import { clientMatches, clientRelevance } from "./search";
import { clientInScope } from "./scope";


export type ClientSuggestion = { id: string; code: string; name: string; city: string | null };

/** Quick search by code, raison sociale or SIREN: the first `limit` matches (best first) and the total. */
export async function searchClients(db: Queryable, scope: Scope, q: string, limit = 5) {
  const where = and(clientInScope(scope), clientMatches(q));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: clients.id, code: clients.code, name: clients.name, city: clients.city })
      .from(clients)
      .where(where)
      .orderBy(...clientRelevance(q), asc(clients.name))
      .limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(clients).where(where),
  ]);
  return { rows: rows as ClientSuggestion[], total };
}

export type Range = { min?: number; max?: number };

export type ClientFilters = {
  q?: string;
  entityId?: string;
  /** A collector's id, or "none" for clients nobody chases. */
  collectorId?: string;
  salesRepId?: string;
  groupId?: string;
  department?: string;
  outstanding?: Range;
  overdue?: Range;
  hasOverdue?: boolean;
  hasDispute?: boolean;
  paused?: boolean;
  /** Score letters kept; a client not scored yet has none. */
  grades?: string[];
  /** Ranges or yes/no on calculated columns, by column id. */
  calculated?: Record<string, CalculatedFilter>;
};

export type StandardSortKey = "code" | "name" | "city" | "outstanding" | "overdue" | "creditLimit" | "score" | "pLate";
/** A standard column, or a calculated one as `calc:<id>`. */
export type ClientSort = { key: StandardSortKey | `calc:${string}`; order: "asc" | "desc" };

// Columns named by hand: Drizzle leaves them unqualified in one-table statements, and inside the documents
// subqueries an unqualified "id" would be the document's. `name` is always a constant of the code.
/** A column of the current `"clients"` row, qualified: safe inside subqueries over other tables. */
export const clientColumn = (name: string) => sql.raw(`"clients"."${name}"`);

/** Whether the client of the current row has an open disputed document (named by hand: safe in any statement). */
export const hasOpenDispute = sql`exists (select 1 from documents d where d.client_id = "clients"."id" and d.status = 'open' and d.disputed)`;

// The client's score, if scored yet; read by the list, its sort and filters, and group and alert criteria.
export const clientScoreGrade = sql<"A" | "B" | "C" | "D" | "E" | null>`(select cs.grade::text from client_scores cs where cs.client_id = "clients"."id")`;
export const clientScorePLate = sql<number | null>`(select cs.p_late from client_scores cs where cs.client_id = "clients"."id")`;

function inRange(column: typeof clients.outstanding | typeof clients.overdue, range: Range | undefined) {
  return and(range?.min === undefined ? undefined : gte(column, String(range.min)), range?.max === undefined ? undefined : lte(column, String(range.max)));
}

type Statement = ReturnType<typeof calculatedStatement>;

/** The WHERE of the clients list: the user's scope first, then each filter the URL holds. */
function listWhere(scope: Scope, f: ClientFilters, today: string, calc: Statement): SQL | undefined {
  return and(
    clientInScope(scope),
    f.q ? clientMatches(f.q) : undefined,
    f.entityId ? eq(clients.entityId, f.entityId) : undefined,
    f.collectorId === "none" ? isNull(clients.collectorId) : f.collectorId ? eq(clients.collectorId, f.collectorId) : undefined,
    f.salesRepId ? eq(clients.salesRepId, f.salesRepId) : undefined,
    f.groupId ? eq(clients.effectiveGroupId, f.groupId) : undefined,
    f.department ? eq(clients.department, f.department) : undefined,
    inRange(clients.outstanding, f.outstanding),
    inRange(clients.overdue, f.overdue),
    f.hasOverdue === undefined ? undefined : f.hasOverdue ? gt(clients.overdue, "0") : lte(clients.overdue, "0"),
    f.hasDispute === undefined ? undefined : f.hasDispute ? hasOpenDispute : not(hasOpenDispute),
    f.paused === undefined
      ? undefined
      : f.paused
        ? gte(clients.pausedUntil, today)
        : or(isNull(clients.pausedUntil), lt(clients.pausedUntil, today)),
    f.grades?.length ? inArray(clientScoreGrade, f.grades) : undefined,
    ...calc.where(f.calculated),
  );
}

const sortColumns = {
  code: clients.code,
  name: clients.name,
  city: clients.city,
  outstanding: clients.outstanding,
  overdue: clients.overdue,
  creditLimit: clients.creditLimit,
  // The letter follows the probability: both sort by it.
  score: clientScorePLate,
  pLate: clientScorePLate,
} as const;

function orderBy(sort: ClientSort, calc: Statement) {
  const calculatedId = calculatedIdOf(sort.key);
  if (calculatedId !== null) {
    const value = calc.value(calculatedId);
    // A column since deleted sorts as the default does.
    if (!value) return orderBy({ key: "overdue", order: "desc" }, calc);
    // Blanks last either way.
    return [sql`${value} ${sort.order === "asc" ? sql`asc nulls last` : sql`desc nulls last`}`, asc(clients.name), asc(clients.id)];
  }
  const column = sortColumns[sort.key as StandardSortKey];
  // Blanks last either way; spelled out only for nullable columns, so the others can walk their index backwards.
  const nullable = sort.key === "city" || sort.key === "creditLimit" || sort.key === "score" || sort.key === "pLate";
  const direction = sort.order === "asc" ? sql`asc` : nullable ? sql`desc nulls last` : sql`desc`;
  return [sql`${column} ${direction}`, asc(clients.name), asc(clients.id)];
}

const collector = alias(users, "collector");
const salesRep = alias(users, "sales_rep");

const listColumns = {
  id: clients.id,
  code: clients.code,
  name: clients.name,
  siren: clients.siren,
  city: clients.city,
  department: clients.department,
  entityCode: entities.code,
  collectorName: collector.name,
  salesRepName: salesRep.name,
  groupName: groups.name,
  paymentTermsDays: clients.paymentTermsDays,
  creditLimit: clients.creditLimit,
  outstanding: clients.outstanding,
  overdue: clients.overdue,
  aged: sql<number[] | null>`${clients.aged}::float8[]`,
  pausedUntil: clients.pausedUntil,
  customFields: clients.customFields,
  hasDispute: sql<boolean>`${hasOpenDispute}`,
  scoreGrade: clientScoreGrade,
  scorePLate: clientScorePLate,
};

function listQuery(db: Queryable, view: CalculatedView, today: string) {
  return db
    .select({ ...listColumns, calculated: shownValues(view, today) })
    .from(clients)
    .innerJoin(entities, eq(entities.id, clients.entityId))
    .leftJoin(collector, eq(collector.id, clients.collectorId))
    .leftJoin(salesRep, eq(salesRep.id, clients.salesRepId))
    .leftJoin(groups, eq(groups.id, clients.effectiveGroupId));
}

export type ClientListRow = Awaited<ReturnType<typeof listClients>>["rows"][number];

/**
 * One page of the clients in scope matching the filters, with the count and totals of all of them. `calculated`:
 * the ready calculated columns the sort and filters may name, and those shown.
 */
export async function listClients(
  db: Queryable,
  scope: Scope,
  filters: ClientFilters,
  sort: ClientSort,
  today: string,
  page: { page: number; pageSize: number },
  calculated: CalculatedView = noCalculated,
) {
  // Each statement joins only the calculated values its own WHERE and ORDER BY read.
  const forRows = calculatedStatement(calculated, today);
  const where = listWhere(scope, filters, today, forRows);
  const order = orderBy(sort, forRows);
  const forTotals = calculatedStatement(calculated, today);
  const totalsWhere = listWhere(scope, filters, today, forTotals);
  // The page's ids first, from a narrow statement: sorting by a calculated column reads every matching client, and
  // the wide row (names, balance âgée, score, shown values) is then read for the page alone.
  const pageIds = async () => {
    const indexed = indexedSortColumn(calculated, sort.key);
    if (indexed) {
      const whereFor = (calc: Statement) => listWhere(scope, filters, today, calc);
      return pageByIndexedColumn({ db, view: calculated, today, whereFor, sort: { id: indexed.id, order: sort.order }, page });
    }
    const ids = await forRows
      .join(db.select({ id: clients.id }).from(clients).$dynamic())
      .where(where)
      .orderBy(...order)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize);
    return ids.map((r) => r.id);
  };
  const readPage = async () => {
    const ids = await pageIds();
    if (ids.length === 0) return [];
    const byId = new Map((await listQuery(db, calculated, today).where(inArray(clients.id, ids))).map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const [rows, [totals]] = await Promise.all([
    readPage(),
    forTotals
      .join(
        db
          .select({
            count: sql<number>`count(*)::int`,
            outstanding: sql<string>`coalesce(sum(${clients.outstanding}), 0)::text`,
            overdue: sql<string>`coalesce(sum(${clients.overdue}), 0)::text`,
          })
          .from(clients)
          .$dynamic(),
      )
      .where(totalsWhere),
  ]);
  return { rows, totals };
}

/** Every matching client in the list's order, in batches, for the xlsx export (never all rows in memory). */
export async function* streamClients(
  db: Queryable,
  scope: Scope,
  filters: ClientFilters,
  sort: ClientSort,
  today: string,
  batch = 5000,
  calculated: CalculatedView = noCalculated,
) {
  // The filters and the sort read `clients` and calculated values alone, as the totals of `listClients` do.
  const calc = calculatedStatement(calculated, today);
  const where = listWhere(scope, filters, today, calc);
  const sorted = orderBy(sort, calc);
  const order = await calc.join(db.select({ id: clients.id }).from(clients).$dynamic()).where(where).orderBy(...sorted);
  yield* orderedBatches(
    order.map((r) => r.id),
    batch,
    (ids) => listQuery(db, calculated, today).where(inArray(clients.id, ids)),
  );
}

/** Names of the custom fields imports have put on clients, for the columns chooser. */
export async function listClientCustomFields(db: Queryable): Promise<string[]> {
  const rows = await db.select().from(clientCustomFields).orderBy(asc(clientCustomFields.name));
  return rows.map((r) => r.name);
}

/** One client, or null when it does not exist or lies outside the scope (callers answer 404 either way). */
export async function getClient(db: Queryable, scope: Scope, id: string) {
  if (!isUuid(id)) return null;
  const collector = sql<string | null>`(select u.name from users u where u.id = "clients"."collector_id")`;
  const salesRep = sql<string | null>`(select u.name from users u where u.id = "clients"."sales_rep_id")`;
  const [row] = await db
    .select({ client: clients, entityName: entities.name, collectorName: collector, salesRepName: salesRep })
    .from(clients)
    .innerJoin(entities, eq(entities.id, clients.entityId))
    .where(and(eq(clients.id, id), clientInScope(scope)));
  return row ?? null;
}

export async function countClients(db: Queryable, scope: Scope): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(clients).where(clientInScope(scope));
  return row.n;
}

export type KeysetSort = { key: "name" | "code" | "outstanding" | "overdue"; order: "asc" | "desc" };

/**
 * Ids of the next `limit` clients in scope matching the filters, after the position `after` ([sort value, id]) in
 * the order of `sort` then id: the open API's cursor pages, on the same WHERE as the list.
 */
export async function listClientIdsAfter(
  db: Queryable,
  scope: Scope,
  filters: ClientFilters,
  sort: KeysetSort,
  today: string,
  after: [string, string] | null,
  limit: number,
) {
  const calc = calculatedStatement(noCalculated, today);
  const column = sortColumns[sort.key];
  const value = sort.key === "outstanding" || sort.key === "overdue" ? sql`${column}::text` : sql`${column}`;
  const direction = sort.order === "asc" ? sql`asc` : sql`desc`;
  const cast = sort.key === "outstanding" || sort.key === "overdue" ? sql`::numeric` : sql``;
  const position = after ? sql`(${column}, ${clients.id}) ${sort.order === "asc" ? sql`>` : sql`<`} (${after[0]}${cast}, ${after[1]}::uuid)` : undefined;
  return db
    .select({ id: clients.id, value: sql<string>`${value}` })
    .from(clients)
    .where(and(listWhere(scope, filters, today, calc), position))
    .orderBy(sql`${column} ${direction}`, sql`${clients.id} ${direction}`)
    .limit(limit);
}
