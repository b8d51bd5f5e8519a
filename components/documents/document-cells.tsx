import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";
import { documentTypeLabels } from "@/lib/documents/labels";
import { canBeLate } from "@/lib/documents/lateness";
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
    <TableCell sticky className={className}>
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

/**
 * Days past due of what the client owes, in red while something is still owed. A payment not yet lettered says
 * « non affecté »; a credit note is never late.
 */
export function DaysLateCell({ doc }: { doc: { type: string; daysLate: number; openAmount: string } }) {
  const owed = Number(doc.openAmount) !== 0;
  const text = canBeLate(doc.type) ? (doc.daysLate > 0 ? `${doc.daysLate} j` : "—") : doc.type === "payment" && owed ? "non affecté" : "—";
  return (
    <TableCell className={cn("tabular text-right whitespace-nowrap", canBeLate(doc.type) && doc.daysLate > 0 && owed ? "text-destructive" : "text-muted-foreground")}>
      {text}
    </TableCell>
  );
}
