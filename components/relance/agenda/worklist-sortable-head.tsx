import { SortableHead } from "@/components/ui/sortable-head";
import { toWorklistSort, type WorklistSort, type WorklistSortKey } from "@/lib/relance/worklist-sort";

/** A worklist header sorting by its column (again to reverse), keeping the filters and closing any open action. */
export function WorklistSortableHead({
  label,
  sortKey,
  current,
  params,
  numeric = false,
  sticky = false,
}: {
  label: string;
  sortKey: WorklistSortKey;
  current: WorklistSort;
  params: Record<string, string>;
  numeric?: boolean;
  sticky?: boolean;
}) {
  const active = current.key === sortKey;
  const order = active ? (current.order === "asc" ? "desc" : "asc") : toWorklistSort({ sort: sortKey }).order;
  const query = new URLSearchParams({ ...params, sort: sortKey, order });
  query.delete("page");
  query.delete("action");
  return <SortableHead label={label} href={`?${query}`} sorted={active ? current.order : undefined} numeric={numeric} sticky={sticky} />;
}
