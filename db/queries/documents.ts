import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients, documentScores, documents, entities } from "../schema";
import { clientInScope, seesEveryClient } from "./scope";
import { escapeLike, matchingClientIds } from "./search";
import { BASE_CURRENCY } from "./currencies";

export type DocumentFilters = {
  q?: string;
  type?: (typeof documentTypes)[number];
  status?: "open" | "settled";
  due?: "overdue" | "not_due";
  disputed?: boolean;
  entityId?: string;
  clientId?: string;
  issuedFrom?: string;
  issuedTo?: string;
  amountMin?: number;
  amountMax?: number;
  dueFrom?: string;
  dueTo?: string;
  /** Days past due in (daysLateAbove, daysLateAtMost]: one aging bucket. */
  daysLateAbove?: number;
  daysLateAtMost?: number;
  /** Probability of paying late, 0–1, of the pièces scored; a pièce not scored meets neither bound. */
  pLateMin?: number;
  pLateMax?: number;
  /** By the probability of paying late (not scored last); by due date otherwise. */
  sort?: { key: "pLate"; order: "asc" | "desc" };
};

/**
 * A search on the Pièces list: the pièces of the matching clients, and — when the search holds a digit, as every
 * pièce number does — those whose number contains it (a scan of the numbers, so only when it can match).
 */
function piecesMatching(q: string): SQL {
  const ofClients = inArray(documents.clientId, matchingClientIds(q));
  return /\d/.test(q) ? or(ilike(documents.number, `%${escapeLike(q.trim())}%`), ofClients)! : ofClients;
}

/** The WHERE of the Pièces list: the user's scope first, then each filter the URL holds. */
function where(scope: Scope, f: DocumentFilters, today: string): SQL | undefined {
  return and(
    clientInScope(scope),
    f.type ? eq(documents.type, f.type) : undefined,
    eq(documents.status, f.status ?? "open"),
    f.due === "overdue" ? lt(documents.dueDate, today) : f.due === "not_due" ? gte(documents.dueDate, today) : undefined,
    f.disputed === undefined ? undefined : eq(documents.disputed, f.disputed),
    f.entityId ? eq(clients.entityId, f.entityId) : undefined,
    f.clientId ? eq(documents.clientId, f.clientId) : undefined,
    f.issuedFrom ? gte(documents.issueDate, f.issuedFrom) : undefined,
    f.issuedTo ? lte(documents.issueDate, f.issuedTo) : undefined,
    f.amountMin === undefined ? undefined : gte(documents.amount, String(f.amountMin)),
    f.amountMax === undefined ? undefined : lte(documents.amount, String(f.amountMax)),
    f.dueFrom ? gte(documents.dueDate, f.dueFrom) : undefined,
    f.dueTo ? lte(documents.dueDate, f.dueTo) : undefined,
    f.daysLateAbove === undefined ? undefined : sql`${today}::date - ${documents.dueDate} > ${f.daysLateAbove}`,
    f.daysLateAtMost === undefined ? undefined : sql`${today}::date - ${documents.dueDate} <= ${f.daysLateAtMost}`,
    f.pLateMin === undefined ? undefined : sql`${documentScores.pLate} >= ${f.pLateMin}::float8`,
    f.pLateMax === undefined ? undefined : sql`${documentScores.pLate} <= ${f.pLateMax}::float8`,
    f.q ? piecesMatching(f.q) : undefined,
  );
}

/** Days past due at `today`, never negative. */
export const daysLate = (today: string) => sql<number>`greatest(${today}::date - ${documents.dueDate}, 0)`;

/** What every list of documents shows of one. */
export const documentColumns = (today: string) => ({
  id: documents.id,
  type: documents.type,
  number: documents.number,
  issueDate: documents.issueDate,
  dueDate: documents.dueDate,
  amount: documents.amount,
  openAmount: documents.openAmount,
  currency: documents.currency,
  disputed: documents.disputed,
  daysLate: daysLate(today),
});

const columns = (today: string) => ({
  ...documentColumns(today),
  settledDate: documents.settledDate,
  clientId: clients.id,
  clientCode: clients.code,
  clientName: clients.name,
  entityCode: entities.code,
  pLate: documentScores.pLate,
});

function orderBy(f: DocumentFilters) {
  const byDue = [asc(documents.dueDate), desc(documents.openAmount), asc(documents.id)];
  if (!f.sort) return byDue;
  // Pièces not scored last, whichever the direction.
  return [sql`${documentScores.pLate} ${sql.raw(f.sort.order === "asc" ? "asc nulls last" : "desc nulls last")}`, ...byDue];
}

/** Documents of the scope, most overdue first, with the totals of everything the filters match. */
export async function listDocuments(db: Queryable, scope: Scope, filters: DocumentFilters, today: string, page: { page: number; pageSize: number }) {
  const condition = where(scope, filters, today);
  const sums = db
    .select({
      currency: documents.currency,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`sum(${documents.amount})::text`,
      openAmount: sql<string>`sum(${documents.openAmount})::text`,
    })
    .from(documents)
    .$dynamic();
  // The totals read the open pièces' covering index alone (an index-only scan) unless a filter needs the clients or
  // the scores: even a left join the planner removes keeps it from that plan.
  if (!seesEveryClient(scope) || filters.entityId) sums.innerJoin(clients, eq(clients.id, documents.clientId));
  if (filters.pLateMin !== undefined || filters.pLateMax !== undefined) sums.leftJoin(documentScores, eq(documentScores.documentId, documents.id));
  const [rows, byCurrency] = await Promise.all([
    db
      .select(columns(today))
      .from(documents)
      .innerJoin(clients, eq(clients.id, documents.clientId))
      .innerJoin(entities, eq(entities.id, clients.entityId))
      .leftJoin(documentScores, eq(documentScores.documentId, documents.id))
      .where(condition)
      .orderBy(...orderBy(filters))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    sums.where(condition).groupBy(documents.currency).orderBy(documents.currency),
  ]);
  // Amounts add up within a currency only: the totals are in euros, other currencies listed apart.
  const base = byCurrency.find((t) => t.currency === BASE_CURRENCY);
  const totals = {
    count: byCurrency.reduce((sum, t) => sum + t.count, 0),
    amount: base?.amount ?? "0.00",
    openAmount: base?.openAmount ?? "0.00",
    otherCurrencies: byCurrency.filter((t) => t.currency !== BASE_CURRENCY),
  };
  return { rows, totals };
}

/** Every matching document, in batches, for the xlsx export (never the whole result in memory). */
export async function* streamDocuments(db: Queryable, scope: Scope, filters: DocumentFilters, today: string, batch = 5000) {
  const condition = where(scope, filters, today);
  for (let lastId = 0; ; ) {
    const rows = await db
      .select(columns(today))
      .from(documents)
      .innerJoin(clients, eq(clients.id, documents.clientId))
      .innerJoin(entities, eq(entities.id, clients.entityId))
      .leftJoin(documentScores, eq(documentScores.documentId, documents.id))
      .where(and(condition, sql`${documents.id} > ${lastId}`))
      .orderBy(asc(documents.id))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows;
    lastId = rows[rows.length - 1].id;
  }
}

export const documentTypes = ["invoice", "credit_note", "payment", "opening_balance", "other"] as const;

/** The open API's orders: by due date, or by the probability of paying late with the pièces not scored last. */
export type DocumentKeysetSort = { key: "dueDate" | "pLate"; order: "asc" | "desc" };

// Not scored sorts past every probability (0–1) in either direction, so the keyset compares plain numbers.
const keysetValue = (sort: DocumentKeysetSort) =>
  sort.key === "dueDate" ? sql`${documents.dueDate}` : sql`coalesce(${documentScores.pLate}, ${sort.order === "asc" ? 2 : -1}::float8)`;

const apiColumns = (today: string) => ({
  ...columns(today),
  reference: documents.reference,
  status: documents.status,
  customFields: documents.customFields,
  updatedAt: documents.updatedAt,
  entityId: entities.id,
});

/** A row's position in the order of `sort`, as `listDocumentsAfter` reads it back. */
export const documentKeyset = (row: { dueDate: string; pLate: number | null; id: number }, sort: DocumentKeysetSort): [string | number, number] =>
  [sort.key === "dueDate" ? row.dueDate : (row.pLate ?? (sort.order === "asc" ? 2 : -1)), row.id];

/**
 * The next `limit` documents of the Pièces list's WHERE after the position `after` ([sort value, id]), in the order
 * of `sort` then id: the open API's cursor pages, one statement each.
 */
export function listDocumentsAfter(
  db: Queryable,
  scope: Scope,
  filters: DocumentFilters,
  today: string,
  sort: DocumentKeysetSort,
  after: [string | number, number] | null,
  limit: number,
) {
  const value = keysetValue(sort);
  const cast = sort.key === "dueDate" ? sql`::date` : sql`::float8`;
  const position = after ? sql`(${value}, ${documents.id}) ${sort.order === "asc" ? sql`>` : sql`<`} (${after[0]}${cast}, ${after[1]}::bigint)` : undefined;
  const direction = sort.order === "asc" ? sql`asc` : sql`desc`;
  return db
    .select(apiColumns(today))
    .from(documents)
    .innerJoin(clients, eq(clients.id, documents.clientId))
    .innerJoin(entities, eq(entities.id, clients.entityId))
    .leftJoin(documentScores, eq(documentScores.documentId, documents.id))
    .where(and(where(scope, filters, today), position))
    .orderBy(sql`${value} ${direction}`, sql`${documents.id} ${direction}`)
    .limit(limit);
}

export type ApiDocumentRow = Awaited<ReturnType<typeof listDocumentsAfter>>[number];

/** One document of a client in scope, whatever its type or status; undefined otherwise. */
export async function getDocumentInScope(db: Queryable, scope: Scope, id: number, today: string): Promise<ApiDocumentRow | undefined> {
  const [row] = await db
    .select(apiColumns(today))
    .from(documents)
    .innerJoin(clients, eq(clients.id, documents.clientId))
    .innerJoin(entities, eq(entities.id, clients.entityId))
    .leftJoin(documentScores, eq(documentScores.documentId, documents.id))
    .where(and(clientInScope(scope), eq(documents.id, id)));
  return row;
}
