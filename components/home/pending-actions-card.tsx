import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { actionStatusLabels, actionTypeLabels } from "@/lib/collection/labels";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { ClientName } from "@/components/relance/agenda/agenda-row-parts";

type Row = {
  id: string;
  type: string;
  status: string;
  plannedDate: string;
  amountCovered: string;
  clientId: string;
  clientName: string;
  clientOpen: boolean;
};

export function PendingActionsCard({ rows, total, agendaLink }: { rows: Row[]; total: number; agendaLink: boolean }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Mes actions en attente</CardTitle>
        <CardDescription>
          {total === 0 ? "Rien à traiter aujourd'hui." : `${total} action${total > 1 ? "s" : ""} à traiter`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Les actions de relance apparaîtront ici dès que les scénarios auront planifié des relances pour vos clients.
          </p>
        ) : (
          <ul className="divide-y">
            {rows.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <div className="min-w-0">
                  <ClientName row={row} className="block truncate font-medium" actionHref={agendaLink ? `/relance?action=${row.id}` : undefined} />
                  <span className="text-xs text-muted-foreground">
                    {actionTypeLabels[row.type]} · prévu le {formatDate(row.plannedDate)}
                  </span>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  <span className="tabular">{formatMoney(row.amountCovered)}</span>
                  <Badge variant={row.status === "error" ? "warning" : "destructive"}>{actionStatusLabels[row.status]}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
        {agendaLink && (
          <Link href="/relance" className="mt-3 inline-block text-sm font-medium text-primary hover:underline">
            Ouvrir l&apos;agenda de relance
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
