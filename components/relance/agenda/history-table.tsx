import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AgendaRow } from "@/db/queries/agenda";
import { actionStatusLabels, actionTypeLabels } from "@/lib/collection/labels";
import { formatDate, formatDateTime, formatMoney } from "@/lib/format/fr";
import { historyResult, shownStatus } from "@/lib/relance/history-result";
import { cn } from "@/lib/utils";
import { ClientCell } from "./agenda-row-parts";

const statusStyles: Record<string, string> = {
  done: "bg-success/12 text-success",
  sent: "bg-info/10 text-info",
  simulated: "bg-warning/25 text-warning-foreground",
  cancelled: "bg-muted text-muted-foreground",
};

export function HistoryTable({ rows }: { rows: AgendaRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <Table aria-label="Historique des actions">
        <TableHeader>
          <TableRow>
            <TableHead>Date prévue</TableHead>
            <TableHead>Réalisée le</TableHead>
            <TableHead sticky>Client</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Statut</TableHead>
            <TableHead>Résultat</TableHead>
            <TableHead numeric>Montant</TableHead>
            <TableHead>Chargé</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>{formatDate(row.plannedDate)}</TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{row.doneAt || row.sentAt ? formatDateTime(row.doneAt ?? row.sentAt) : "—"}</TableCell>
              <TableCell sticky>
                <ClientCell row={row} />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <p>{actionTypeLabels[row.type]}</p>
                {row.stepLabel && <p className="text-xs text-muted-foreground">{row.stepLabel}</p>}
              </TableCell>
              <TableCell>
                <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", statusStyles[shownStatus(row)])}>
                  {actionStatusLabels[shownStatus(row)]}
                </span>
              </TableCell>
              <TableCell className="max-w-xs truncate" title={historyResult(row)}>
                {historyResult(row) || "—"}
              </TableCell>
              <TableCell numeric>{formatMoney(row.amountCovered)}</TableCell>
              <TableCell className="text-muted-foreground">{row.assigneeName ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
