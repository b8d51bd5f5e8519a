/** What uses a calculated column: groups' and alerts' criteria (`calc:<id>`) and other columns' `[Nom]` references. */
import { asc, eq, ne, sql } from "drizzle-orm";
import { referencesName } from "@/lib/formulas/references";
import { calculatedKey } from "@/lib/formulas/keys";
import type { Queryable } from "../client";
import { alerts, calculatedColumns, groups, users } from "../schema";

export type ColumnUsage = { groups: string[]; alerts: { name: string; owner: string }[]; columns: string[] };

export async function calculatedColumnUsage(db: Queryable, column: { id: string; name: string }): Promise<ColumnUsage> {
  const names = calculatedKey(column.id);
  const uses = sql`@> ${JSON.stringify([{ field: names }])}::jsonb`;
  const [groupRows, alertRows, others] = await Promise.all([
    db.select({ name: groups.name }).from(groups).where(sql`${groups.criteria} ${uses}`).orderBy(asc(groups.name)),
    db
      .select({ name: alerts.name, owner: users.name })
      .from(alerts)
      .innerJoin(users, eq(users.id, alerts.userId))
      .where(sql`${alerts.criteria} ${uses}`)
      .orderBy(asc(alerts.name)),
    db
      .select({ name: calculatedColumns.name, formula: calculatedColumns.formula })
      .from(calculatedColumns)
      .where(ne(calculatedColumns.id, column.id))
      .orderBy(asc(calculatedColumns.name)),
  ]);
  return {
    groups: groupRows.map((g) => g.name),
    alerts: alertRows,
    columns: others.filter((c) => referencesName(c.formula, column.name)).map((c) => c.name),
  };
}

export const isUsedByCriteria = (usage: ColumnUsage) => usage.groups.length + usage.alerts.length > 0;

function frenchList(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/** « utilisée par le groupe « Gros encours » et l'alerte « Retards » de Marie Dupont », or null when unused. */
export function usedBy(usage: ColumnUsage): string | null {
  const items = [
    ...usage.groups.map((name) => `le groupe « ${name} »`),
    ...usage.alerts.map((a) => `l'alerte « ${a.name} » de ${a.owner}`),
    ...usage.columns.map((name) => `la colonne « ${name} »`),
  ];
  return items.length ? `utilisée par ${frenchList(items)}` : null;
}
