import { CircleAlert, Clock } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AgendaRow } from "@/db/queries/agenda";
import { actionTypeLabels } from "@/lib/collection/labels";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { ClientCell, openHref } from "./agenda-row-parts";

/** Manual actions: due today or late in red, upcoming in blue (SPEC §7). */
export function ManualActionsTable({ rows, today, params }: { rows: AgendaRow[]; today: string; params: Record<string, string> }) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <Table aria-label="Actions manuelles">
        <TableHeader>
          <TableRow>
            <TableHead>Date prévue</TableHead>
            <TableHead>Client</TableHead>
            <TableHead>Action</TableHead>
            <TableHead numeric>Pièces</TableHead>
            <TableHead numeric>Montant</TableHead>
            <TableHead>Chargé</TableHead>
            <TableHead className="w-24" />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const due = row.plannedDate <= today;
            return (
              <TableRow key={row.id} data-tone={due ? "due" : "upcoming"} className={cn("border-l-4", due ? "border-l-destructive" : "border-l-info")}>
                <TableCell>
                  <span className={cn("inline-flex items-center gap-1.5 font-medium", due ? "text-destructive" : "text-info")}>
                    {due ? <CircleAlert className="size-4" aria-hidden="true" /> : <Clock className="size-4" aria-hidden="true" />}
                    {formatDate(row.plannedDate)}
                    <span className="sr-only">{due ? "(à faire)" : "(à venir)"}</span>
                  </span>
                </TableCell>
                <TableCell>
                  <ClientCell row={row} />
                </TableCell>
                <TableCell>
                  <p>{actionTypeLabels[row.type]}</p>
                  {row.stepLabel && <p className="text-xs text-muted-foreground">{row.stepLabel}</p>}
                </TableCell>
                <TableCell numeric>{formatInteger(row.documentCount)}</TableCell>
                <TableCell numeric>{formatMoney(row.amountCovered)}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{row.assigneeName ?? "—"}</TableCell>
                <TableCell className="text-right">
                  <Button asChild size="sm" variant={due ? "default" : "outline"}>
                    <Link href={openHref(params, row.id)} scroll={false} aria-label={`Traiter l'action ${actionTypeLabels[row.type]} de ${row.clientName}`}>
                      Traiter
                    </Link>
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
