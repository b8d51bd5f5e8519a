import { SortableHead } from "@/components/ui/sortable-head";
import type { ClientSort } from "@/db/queries/clients";
import { toClientSort } from "@/lib/clients/filters";

/** A clients-list header sorting by its column (again to reverse), keeping the filters. */
export function ClientSortableHead({
  label,
  sortKey,
  current,
  params,
  numeric = false,
  sticky = false,
  className,
}: {
  label: string;
  sortKey: ClientSort["key"];
  current: ClientSort;
  params: Record<string, string>;
  numeric?: boolean;
  sticky?: boolean;
  className?: string;
}) {
  const active = current.key === sortKey;
  // First click: the column's own default direction (largest amounts, riskiest scores, A → Z names).
  const order = active ? (current.order === "asc" ? "desc" : "asc") : toClientSort({ sort: sortKey }).order;
  const query = new URLSearchParams({ ...params, sort: sortKey, order });
  query.delete("page");
  return <SortableHead label={label} href={`?${query}`} sorted={active ? current.order : undefined} numeric={numeric} sticky={sticky} className={className} />;
}
