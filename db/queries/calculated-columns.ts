/**
 * The calculated columns of Paramétrage: reads, and writes that are audited in the caller's transaction. A rename
 * rewrites the `[Nom]` references of the other columns; a column still in use cannot be deleted.
 */
import { asc, eq, sql } from "drizzle-orm";
import { foldName, referencesName, renameReferences } from "@/lib/formulas/references";
import type { Queryable } from "../client";
import { type CalculatedColumnType, calculatedColumns, calculatedValues } from "../schema";
import { recordAudit } from "./audit";
import { calculatedColumnUsage, usedBy } from "./calculated-usage";

export type CalculatedColumnRow = typeof calculatedColumns.$inferSelect;
export type CalculatedColumnInput = { name: string; type: CalculatedColumnType; formula: string; description: string };

export async function listCalculatedColumns(db: Queryable): Promise<CalculatedColumnRow[]> {
  return db.select().from(calculatedColumns).orderBy(asc(sql`encaisse_fold(${calculatedColumns.name})`));
}

export async function getCalculatedColumn(db: Queryable, id: string): Promise<CalculatedColumnRow | null> {
  const [row] = await db.select().from(calculatedColumns).where(eq(calculatedColumns.id, id));
  return row ?? null;
}

/** Names are unique ignoring case and accents, as `[Nom]` references match them. */
export async function calculatedNameTaken(db: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db.select({ id: calculatedColumns.id, name: calculatedColumns.name }).from(calculatedColumns);
  return rows.some((r) => r.id !== exceptId && foldName(r.name) === foldName(name));
}

const described = (c: Pick<CalculatedColumnRow, "name" | "type" | "formula">) => ({ name: c.name, type: c.type, formula: c.formula });

export async function createCalculatedColumn(tx: Queryable, userId: string | null, input: CalculatedColumnInput): Promise<string> {
  const [row] = await tx.insert(calculatedColumns).values({ ...input, createdBy: userId }).returning({ id: calculatedColumns.id });
  await recordAudit(tx, { userId, action: "calculated.create", targetType: "calculated_column", targetId: row.id, details: described(input) });
  return row.id;
}

/**
 * The other columns' formulas once `from` is renamed `to` (only those that change). The caller checks them
 * before saving; `updateCalculatedColumn` writes them.
 */
export function renamedFormulas(columns: CalculatedColumnRow[], selfId: string, from: string, to: string) {
  if (from === to) return [];
  return columns
    .filter((c) => c.id !== selfId && referencesName(c.formula, from))
    .map((c) => ({ column: c, formula: renameReferences(c.formula, from, to) }))
    .filter((r) => r.formula !== r.column.formula);
}

/** Null when the column does not exist. A changed formula drops the stored values until the next materialisation. */
export async function updateCalculatedColumn(
  tx: Queryable,
  userId: string | null,
  id: string,
  input: CalculatedColumnInput,
): Promise<{ renamedIn: string[] } | null> {
  const before = await getCalculatedColumn(tx, id);
  if (!before) return null;
  const changed = before.formula !== input.formula || before.type !== input.type;
  await tx
    .update(calculatedColumns)
    .set({ ...input, updatedAt: sql`now()`, ...(changed ? { materialisedAt: null } : {}) })
    .where(eq(calculatedColumns.id, id));
  if (changed) await tx.delete(calculatedValues).where(eq(calculatedValues.columnId, id));
  await recordAudit(tx, {
    userId,
    action: "calculated.update",
    targetType: "calculated_column",
    targetId: id,
    details: { ...described(input), description: input.description, before: described(before) },
  });
  const renamed = renamedFormulas(await listCalculatedColumns(tx), id, before.name, input.name);
  for (const { column, formula } of renamed) {
    await tx.update(calculatedColumns).set({ formula, updatedAt: sql`now()` }).where(eq(calculatedColumns.id, column.id));
    await recordAudit(tx, {
      userId,
      action: "calculated.update",
      targetType: "calculated_column",
      targetId: column.id,
      details: { ...described({ ...column, formula }), before: described(column), renamedReference: { from: before.name, to: input.name } },
    });
  }
  return { renamedIn: renamed.map((r) => r.column.name) };
}

export type DeleteResult = { ok: true; name: string } | { ok: false; error: string };

/** Refused, with the French message naming them, while a group, an alert or another column uses the column. */
export async function deleteCalculatedColumn(tx: Queryable, userId: string | null, id: string): Promise<DeleteResult> {
  const column = await getCalculatedColumn(tx, id);
  if (!column) return { ok: false, error: "Colonne introuvable." };
  const used = usedBy(await calculatedColumnUsage(tx, column));
  if (used) return { ok: false, error: `Impossible de supprimer « ${column.name} » : ${used}.` };
  await tx.delete(calculatedColumns).where(eq(calculatedColumns.id, id));
  await recordAudit(tx, { userId, action: "calculated.delete", targetType: "calculated_column", targetId: id, details: described(column) });
  return { ok: true, name: column.name };
}
