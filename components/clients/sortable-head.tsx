import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { TableHead } from "@/components/ui/table";
import type { ClientSort } from "@/db/queries/clients";
import { cn } from "@/lib/utils";

/** A column header that sorts the list by this column (again to reverse), keeping the filters. */
export function SortableHead({
  label,
  sortKey,
  current,
  params,
  numeric = false,
}: {
  label: string;
  sortKey: ClientSort["key"];
  current: ClientSort;
  params: Record<string, string>;
  numeric?: boolean;
}) {
  const active = current.key === sortKey;
  const order = active ? (current.order === "asc" ? "desc" : "asc") : numeric ? "desc" : "asc";
  const query = new URLSearchParams({ ...params, sort: sortKey, order });
  query.delete("page");
  const Icon = !active ? ArrowUpDown : current.order === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead className={cn(numeric && "text-right")} aria-sort={active ? (current.order === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`?${query}`} className={cn("inline-flex items-center gap-1 hover:text-foreground", active && "text-foreground")}>
        {label}
        <Icon className={cn("size-3.5", !active && "opacity-40")} aria-hidden="true" />
      </Link>
    </TableHead>
  );
}
