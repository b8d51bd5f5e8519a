import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Queryable } from "../client";
import { clients, documents, entities, users } from "../schema";
import { daysLate } from "./documents";
import { clientInScope } from "./scope";

function matches(q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(clients.code, pattern), ilike(clients.name, pattern), ilike(clients.siren, pattern));
}

export type ClientSuggestion = { id: string; code: string; name: string; city: string | null };

/** Quick search by code, raison sociale or SIREN: the first `limit` matches (codes first) and the total. */
export async function searchClients(db: Queryable, scope: Scope, q: string, limit = 5) {
  const where = and(clientInScope(scope), matches(q));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: clients.id, code: clients.code, name: clients.name, city: clients.city })
      .from(clients)
      .where(where)
      .orderBy(sql`${clients.code} ilike ${`${q}%`} desc`, asc(clients.name))
      .limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(clients).where(where),
  ]);
  return { rows: rows as ClientSuggestion[], total };
}

export type ClientListParams = { q?: string; page: number; pageSize: number };

export async function listClients(db: Queryable, scope: Scope, params: ClientListParams) {
  const where = and(clientInScope(scope), params.q ? matches(params.q) : undefined);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: clients.id,
        code: clients.code,
        name: clients.name,
        city: clients.city,
        department: clients.department,
        entityCode: entities.code,
        collectorName: users.name,
        outstanding: clients.outstanding,
        overdue: clients.overdue,
      })
      .from(clients)
      .innerJoin(entities, eq(entities.id, clients.entityId))
      .leftJoin(users, eq(users.id, clients.collectorId))
      .where(where)
      .orderBy(desc(clients.overdue), asc(clients.name))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db
      .select({
        count: sql<number>`count(*)::int`,
        outstanding: sql<string>`coalesce(sum(${clients.outstanding}), 0)::text`,
        overdue: sql<string>`coalesce(sum(${clients.overdue}), 0)::text`,
      })
      .from(clients)
      .where(where),
  ]);
  return { rows, totals };
}

/** One client, or null when it does not exist or lies outside the scope (callers answer 404 either way). */
export async function getClient(db: Queryable, scope: Scope, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const collector = sql<string | null>`(select u.name from users u where u.id = "clients"."collector_id")`;
  const salesRep = sql<string | null>`(select u.name from users u where u.id = "clients"."sales_rep_id")`;
  const [row] = await db
    .select({ client: clients, entityName: entities.name, collectorName: collector, salesRepName: salesRep })
    .from(clients)
    .innerJoin(entities, eq(entities.id, clients.entityId))
    .where(and(eq(clients.id, id), clientInScope(scope)));
  return row ?? null;
}

/** Open documents of a client already known to be in scope, oldest due date first. */
export function listOpenDocuments(db: Queryable, clientId: string, today: string) {
  return db
    .select({
      id: documents.id,
      type: documents.type,
      number: documents.number,
      issueDate: documents.issueDate,
      dueDate: documents.dueDate,
      amount: documents.amount,
      openAmount: documents.openAmount,
      disputed: documents.disputed,
      daysLate: daysLate(today),
    })
    .from(documents)
    .where(and(eq(documents.clientId, clientId), eq(documents.status, "open")))
    .orderBy(asc(documents.dueDate), asc(documents.number));
}

export async function countClients(db: Queryable, scope: Scope): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(clients).where(clientInScope(scope));
  return row.n;
}
