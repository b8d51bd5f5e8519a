/** A user's alerts: saved criteria on clients, with the clients of their scope that meet them. */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { type Queryable, queryRows } from "../client";
import { alerts, clients, users } from "../schema";
import type { GroupCriterion } from "../schema/relance";
import { loadReadyColumns, type ReadyColumn } from "./calculated-values";
import { criteriaToSql } from "./group-membership";
import { clientInScope } from "./scope";

export type AlertInput = { name: string; criteria: GroupCriterion[] };
export type AlertSummary = { id: string; name: string; criteria: GroupCriterion[]; clients: number; overdue: string };

const ownAlerts = (scope: Scope) => eq(alerts.userId, scope.userId);

// Criteria were checked when saved; a criterion that no longer reads (a field or calculated column since removed)
// matches nobody.
function matches(criteria: GroupCriterion[], today: string, columns: readonly ReadyColumn[]): SQL {
  try {
    return criteriaToSql(criteria, today, columns);
  } catch {
    return sql`false`;
  }
}

async function ownList(db: Queryable, scope: Scope) {
  const rows = await db.select({ id: alerts.id, name: alerts.name, criteria: alerts.criteria }).from(alerts).where(ownAlerts(scope)).orderBy(asc(alerts.name));
  return rows.map((r) => ({ ...r, criteria: r.criteria as GroupCriterion[] }));
}

/** Every alert of the user with how many clients of their scope meet it and what those clients have overdue: one pass. */
export async function listAlerts(db: Queryable, scope: Scope, today: string): Promise<AlertSummary[]> {
  const [list, { columns: ready }] = await Promise.all([ownList(db, scope), loadReadyColumns(db)]);
  if (list.length === 0) return [];
  const columns = list.map(
    (a, i) => sql`count(*) filter (where ${matches(a.criteria, today, ready)})::int as ${sql.raw(`"n${i}"`)},
      coalesce(sum("clients"."overdue") filter (where ${matches(a.criteria, today, ready)}), 0)::text as ${sql.raw(`"o${i}"`)}`,
  );
  const [row] = await queryRows<Record<string, string | number>>(db, sql`select ${sql.join(columns, sql`, `)} from clients where ${clientInScope(scope)}`);
  return list.map((a, i) => ({ ...a, clients: Number(row[`n${i}`]), overdue: String(row[`o${i}`]) }));
}

export async function getAlert(db: Queryable, scope: Scope, id: string) {
  const [row] = await db.select().from(alerts).where(and(eq(alerts.id, id), ownAlerts(scope)));
  return row ? { ...row, criteria: row.criteria as GroupCriterion[] } : null;
}

/** The clients of the user's scope meeting an alert, most overdue first. */
export async function listAlertClients(db: Queryable, scope: Scope, criteria: GroupCriterion[], today: string, limit = 200) {
  const { columns } = await loadReadyColumns(db);
  return db
    .select({ id: clients.id, code: clients.code, name: clients.name, outstanding: clients.outstanding, overdue: clients.overdue, collector: users.name })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.collectorId))
    .where(and(clientInScope(scope), matches(criteria, today, columns)))
    .orderBy(sql`${clients.overdue} desc`, asc(clients.name))
    .limit(limit);
}

/** For the clients shown in a list, the names of the user's alerts each one meets. */
export async function alertNamesByClient(db: Queryable, scope: Scope, clientIds: string[], today: string): Promise<Map<string, string[]>> {
  const list = clientIds.length ? await ownList(db, scope) : [];
  if (list.length === 0) return new Map();
  const { columns } = await loadReadyColumns(db);
  const names = sql.join(list.map((a) => sql`case when ${matches(a.criteria, today, columns)} then ${a.name} end`), sql`, `);
  const rows = await queryRows<{ id: string; names: string[] }>(
    db,
    sql`select "clients"."id" as id, array_remove(array[${names}]::text[], null) as names from clients
        where ${and(inArray(clients.id, clientIds), clientInScope(scope))}`,
  );
  return new Map(rows.filter((r) => r.names.length > 0).map((r) => [r.id, r.names]));
}

export async function nameTaken(db: Queryable, scope: Scope, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db.select({ id: alerts.id }).from(alerts).where(and(ownAlerts(scope), sql`lower(${alerts.name}) = lower(${name})`));
  return rows.some((r) => r.id !== exceptId);
}

export async function createAlert(db: Queryable, scope: Scope, input: AlertInput): Promise<string> {
  const [row] = await db.insert(alerts).values({ userId: scope.userId, ...input }).returning({ id: alerts.id });
  return row.id;
}

/** False when the alert is not the user's own. */
export async function updateAlert(db: Queryable, scope: Scope, id: string, input: AlertInput): Promise<boolean> {
  const rows = await db.update(alerts).set(input).where(and(eq(alerts.id, id), ownAlerts(scope))).returning({ id: alerts.id });
  return rows.length > 0;
}

export async function deleteAlert(db: Queryable, scope: Scope, id: string): Promise<boolean> {
  const rows = await db.delete(alerts).where(and(eq(alerts.id, id), ownAlerts(scope))).returning({ id: alerts.id });
  return rows.length > 0;
}
