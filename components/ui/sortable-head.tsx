import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { TableHead } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/** A column header whose link sorts the table by it; the sorted column shows its direction. */
export function SortableHead({
  label,
  href,
  sorted,
  numeric = false,
  sticky = false,
  className,
}: {
  label: string;
  href: string;
  /** The current direction when the table is sorted by this column. */
  sorted?: "asc" | "desc";
  numeric?: boolean;
  /** The column that names the row, kept in view on a phone (see Table). */
  sticky?: boolean;
  className?: string;
}) {
  const Icon = !sorted ? ArrowUpDown : sorted === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead numeric={numeric} sticky={sticky} className={className} aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href} scroll={false} className={cn("inline-flex items-center gap-1 hover:text-foreground", sorted && "text-foreground")}>
        {label}
        <Icon className={cn("size-3.5", !sorted && "opacity-40")} aria-hidden="true" />
      </Link>
    </TableHead>
  );
}
