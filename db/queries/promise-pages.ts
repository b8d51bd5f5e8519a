/** Promises to pay read by the open API: those of the clients in scope, in keyset pages by promised date then id. */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients, promises, promiseStatus, users } from "../schema";
import { clientInScope } from "./scope";

export type PromisePageFilters = {
  clientId?: string;
  status?: (typeof promiseStatus.enumValues)[number];
  /** Promised dates, inclusive. */
  from?: string;
  to?: string;
};

const columns = {
  id: promises.id,
  actionId: promises.actionId,
  promisedDate: promises.promisedDate,
  amount: promises.amount,
  status: promises.status,
  createdAt: promises.createdAt,
  clientId: clients.id,
  clientCode: clients.code,
  clientName: clients.name,
  createdById: promises.createdById,
  createdByName: users.name,
  documentIds: sql<string[]>`array(select pd.document_id::text from promise_documents pd where pd.promise_id = ${promises.id} order by pd.document_id)`,
};

function select(db: Queryable) {
  return db.select(columns).from(promises).innerJoin(clients, eq(clients.id, promises.clientId)).leftJoin(users, eq(users.id, promises.createdById));
}

function where(scope: Scope, f: PromisePageFilters): SQL {
  return and(
    clientInScope(scope),
    f.clientId ? eq(promises.clientId, f.clientId) : undefined,
    f.status ? eq(promises.status, f.status) : undefined,
    f.from ? sql`${promises.promisedDate} >= ${f.from}::date` : undefined,
    f.to ? sql`${promises.promisedDate} <= ${f.to}::date` : undefined,
  )!;
}

/** The next `limit` promises after `after` ([promised date, id]) in the order of promised date then id. */
export function listPromisesAfter(db: Queryable, scope: Scope, filters: PromisePageFilters, order: "asc" | "desc", after: [string, string] | null, limit: number) {
  const position = after
    ? sql`(${promises.promisedDate}, ${promises.id}) ${order === "asc" ? sql`>` : sql`<`} (${after[0]}::date, ${after[1]}::uuid)`
    : undefined;
  const direction = order === "asc" ? sql`asc` : sql`desc`;
  return select(db)
    .where(and(where(scope, filters), position))
    .orderBy(sql`${promises.promisedDate} ${direction}`, sql`${promises.id} ${direction}`)
    .limit(limit);
}

export type ApiPromiseRow = Awaited<ReturnType<typeof listPromisesAfter>>[number];

/** A promise of a client in scope, by its id or by the action that obtained it (through the client's promises, indexed). */
export async function getPromiseInScope(
  db: Queryable,
  scope: Scope,
  by: { id: string } | { actionId: string; clientId: string },
): Promise<ApiPromiseRow | undefined> {
  const match = "id" in by ? eq(promises.id, by.id) : and(eq(promises.clientId, by.clientId), eq(promises.actionId, by.actionId));
  const [row] = await select(db).where(and(where(scope, {}), match)).orderBy(promises.createdAt).limit(1);
  return row;
}
