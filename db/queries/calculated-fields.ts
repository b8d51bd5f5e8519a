/** The calculated columns as criteria and summaries name them: id, name and type, without analysing formulas. */
import { asc } from "drizzle-orm";
import type { CalculatedField } from "@/lib/groups/criteria";
import type { Queryable } from "../client";
import { calculatedColumns } from "../schema/calculated";

export async function listCalculatedFields(db: Queryable): Promise<CalculatedField[]> {
  return db
    .select({ id: calculatedColumns.id, name: calculatedColumns.name, type: calculatedColumns.type })
    .from(calculatedColumns)
    .orderBy(asc(calculatedColumns.name));
}

/** Only what a client component needs of ready columns (their typed trees stay on the server). */
export const toCalculatedFields = (columns: readonly CalculatedField[]): CalculatedField[] => columns.map(({ id, name, type }) => ({ id, name, type }));
