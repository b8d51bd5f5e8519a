import { and, asc, type SQL, sql } from "drizzle-orm";
import { type FieldKey, type ParsedCriterion, parseCriteriaOrThrow } from "@/lib/groups/criteria";
import { type Queryable, queryRows } from "../client";
import { groups } from "../schema";
import { type ReadyColumn, columnValueSql, loadReadyColumns } from "./calculated-values";
import { clientColumn, clientScoreGrade, clientScorePLate, hasOpenDispute } from "./clients";
import { foldedContains } from "./search";
import type { GroupCriterion } from "../schema/relance";


const oldestDaysLate = (today: string) => sql`coalesce((
  select ${today}::date - min(d.due_date) from documents d
  where d.client_id = "clients"."id" and d.status = 'open' and d.type = 'invoice'
    and d.open_amount > 0 and d.due_date < ${today}::date), 0)`;

function fieldSql(key: FieldKey, today: string): SQL {
  switch (key) {
    case "entity": return clientColumn("entity_id");
    case "collector": return clientColumn("collector_id");
    case "salesRep": return clientColumn("sales_rep_id");
    case "paymentTermsDays": return clientColumn("payment_terms_days");
    case "creditLimit": return clientColumn("credit_limit");
    case "oldestDaysLate": return oldestDaysLate(today);
    case "hasOpenDispute": return hasOpenDispute;
    case "hasSiren": return sql`coalesce(trim(${clientColumn("siren")}), '') <> ''`;
    case "creditLimitExceeded": return sql`coalesce(${clientColumn("outstanding")} > ${clientColumn("credit_limit")}, false)`;
    case "hasBrokenPromise": return sql`exists (select 1 from promises p where p.client_id = "clients"."id"
      and p.status = 'broken' and p.promised_date >= ${today}::date - 90)`;
    case "scoreGrade": return clientScoreGrade;
    case "scorePLate": return clientScorePLate;
    default: return clientColumn(key);
  }
}


function rawSql(field: ParsedCriterion["field"], today: string, columns: ReadonlyMap<string, ReadyColumn>): SQL {
  if ("custom" in field) return sql`(${clientColumn("custom_fields")} ->> ${field.custom})`;
  // Resolved against `columns`, so the column is there.
  if ("calc" in field) return sql`(${columnValueSql(columns.get(field.calc.id)!, today)})`;
  return fieldSql(field.key, today);
}

/** One criterion as a condition; text compares ignore case, and "≠" keeps clients where the field is blank. */
function criterionSql(c: ParsedCriterion, today: string, columns: ReadonlyMap<string, ReadyColumn>): SQL {
  const type = c.field.def.type;
  const raw = rawSql(c.field, today, columns);
  // A calculated boolean may be blank: it is then neither « oui » nor « non ».
  if (type === "boolean" && c.field.def.calc) return c.value ? sql`(${raw}) is true` : sql`(${raw}) is false`;
  if (type === "boolean") return c.value ? sql`(${raw})` : sql`not (${raw})`;
  const x = type === "text" ? sql`lower(${raw})` : raw;
  const bind = (v: string | number) =>
    type === "text"
      ? sql`lower(${v})`
      : type === "number"
        ? sql`${String(v)}::numeric`
        : type === "grade"
          ? sql`${v}::text`
          // A percentage against the stored ratio: 29 % is the same double as a stored 0.29 (numeric for calculated columns).
          : type === "percent"
            ? c.field.def.calc ? sql`(${String(v)}::numeric / 100)` : sql`(${String(v)}::numeric / 100)::float8`
            : sql`${v}::uuid`;
  switch (c.operator) {
    case "eq": return sql`${x} = ${bind(c.value as string | number)}`;
    case "neq": return sql`${x} is distinct from ${bind(c.value as string | number)}`;
    case "in": return sql`${x} in (${sql.join((c.value as (string | number)[]).map(bind), sql`, `)})`;
    case "gt": return sql`${x} > ${bind(c.value as number)}`;
    case "lt": return sql`${x} < ${bind(c.value as number)}`;
    case "gte": return sql`${x} >= ${bind(c.value as number)}`;
    case "lte": return sql`${x} <= ${bind(c.value as number)}`;
    case "contains": return foldedContains(raw, c.value as string);
    case "empty": return type === "text" ? sql`coalesce(${raw}, '') = ''` : sql`${raw} is null`;
    case "notEmpty": return type === "text" ? sql`coalesce(${raw}, '') <> ''` : sql`${raw} is not null`;
  }
}

/**
 * All the criteria of a group as one condition on `clients` (no criterion: every client); values are bound.
 * `columns`: the ready calculated columns (loadReadyColumns); a criterion on any other is refused.
 */
export function criteriaToSql(criteria: GroupCriterion[], today: string, columns: readonly ReadyColumn[]): SQL {
  const parsed = parseCriteriaOrThrow(criteria, columns);
  const byId = new Map(columns.map((c) => [c.id, c]));
  return and(sql`true`, ...parsed.map((c) => criterionSql(c, today, byId))) as SQL;
}

type DraftGroup = { id?: string; name: string; criteria: GroupCriterion[] };

/** The position of each client's group among `list`: its forced group when listed, else the first matching. */
function membership(list: DraftGroup[], today: string, columns: readonly ReadyColumn[]): SQL {
  const conditions = list.map((g, i) => {
    try {
      return sql`when ${criteriaToSql(g.criteria, today, columns)} then ${i}::int`;
    } catch (e) {
      throw new Error(`Groupe « ${g.name} » : ${(e as Error).message}`);
    }
  });
  const forced = list.flatMap((g, i) => (g.id ? [sql`when ${g.id}::uuid then ${i}::int`] : []));
  const byCriteria = conditions.length ? sql`case ${sql.join(conditions, sql` `)} end` : sql`null::int`;
  const byForce = forced.length ? sql`case ${clientColumn("forced_group_id")} ${sql.join(forced, sql` `)} end` : sql`null::int`;
  return sql`coalesce(${byForce}, ${byCriteria})`;
}

export type GroupCount = { groupId: string; name: string; clients: number };
export type RecomputeReport = { updated: number; groups: GroupCount[]; noGroup: number };

/**
 * Sets every client's group in one UPDATE: its forced group, else the first group by priority whose criteria
 * all match, else none. Rows already right are left alone, so a second run updates nothing.
 */
export async function recomputeGroupMembership(db: Queryable, today: string): Promise<RecomputeReport> {
  const [list, { columns }] = await Promise.all([db.select().from(groups).orderBy(asc(groups.priority), asc(groups.name)), loadReadyColumns(db)]);
  const ids = list.map((g) => g.id);
  const target = list.length
    ? sql`(array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}])[${membership(list, today, columns)} + 1]`
    : sql`null::uuid`;
  const rows = await queryRows<{ group_id: string | null; clients: number; updated: number }>(
    db,
    sql`with target as (
          select "clients"."id", ${target} as group_id from clients
        ), changed as (
          update clients set group_id = target.group_id from target
          where clients.id = target.id and clients.group_id is distinct from target.group_id
          returning 1
        )
        select group_id, count(*)::int as clients, (select count(*) from changed)::int as updated
        from target group by group_id`,
  );
  const counts = new Map(rows.map((r) => [r.group_id, r.clients]));
  return {
    updated: rows[0]?.updated ?? 0,
    groups: list.map((g) => ({ groupId: g.id, name: g.name, clients: counts.get(g.id) ?? 0 })),
    noGroup: counts.get(null) ?? 0,
  };
}

export type PreviewLine = { clients: number; outstanding: string };
export type GroupsPreview = { groups: PreviewLine[]; noGroup: PreviewLine };

/** How many clients and how much encours each group of `list` (in priority order, saved or not) would hold. */
export async function previewGroups(db: Queryable, list: DraftGroup[], today: string): Promise<GroupsPreview> {
  const { columns } = await loadReadyColumns(db);
  const rows = await queryRows<{ position: number | null; clients: number; outstanding: string }>(
    db,
    sql`select position, count(*)::int as clients, coalesce(sum(outstanding), 0)::text as outstanding
        from (select ${membership(list, today, columns)} as position, "clients"."outstanding" from clients) t
        group by position`,
  );
  const line = (position: number | null): PreviewLine => {
    const row = rows.find((r) => r.position === position);
    return { clients: row?.clients ?? 0, outstanding: row?.outstanding ?? "0" };
  };
  return { groups: list.map((_, i) => line(i)), noGroup: line(null) };
}
