import type { Queryable } from "@/db/client";
import { loadReadyColumns, materialiseColumns } from "@/db/queries/calculated-values";
import { recomputeGroupMembership } from "@/db/queries/group-membership";

/**
 * After a column is saved: its values and those of the columns reading it are worked out again (when they are
 * materialised), then group membership follows the new formula. Run inside the saving transaction.
 */
export async function refreshCalculatedColumn(tx: Queryable, columnId: string, today: string): Promise<void> {
  const { columns } = await loadReadyColumns(tx);
  const columnIds = columns.filter((c) => c.materialised && (c.id === columnId || c.dependsOn.includes(columnId))).map((c) => c.id);
  if (columnIds.length > 0) await materialiseColumns(tx, today, { columnIds });
  await recomputeGroupMembership(tx, today);
}
