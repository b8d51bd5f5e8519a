import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";
import { documentTypeLabels } from "@/lib/documents/labels";
import { cn } from "@/lib/utils";

/** The document's number, its type and the dispute flag: how every documents table names a pièce. */
export function DocumentNumberCell({
  doc,
  className,
}: {
  doc: { number: string; type: string; disputed: boolean };
  className?: string;
}) {
  return (
    <TableCell className={className}>
      <span className="font-medium">{doc.number}</span>
      <span className="ml-2 text-xs text-muted-foreground">{documentTypeLabels[doc.type]}</span>
      {doc.disputed && (
        <Badge variant="warning" className="ml-2">
          Litige
        </Badge>
      )}
    </TableCell>
  );
}

/** Days past due, in red while something is still owed. */
export function DaysLateCell({ days, owed }: { days: number; owed: boolean }) {
  return (
    <TableCell className={cn("tabular text-right", days > 0 && owed ? "text-destructive" : "text-muted-foreground")}>
      {days > 0 ? `${days} j` : "—"}
    </TableCell>
  );
}
