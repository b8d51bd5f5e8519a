import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RowLink } from "@/components/ui/row-link";
import type { listTopOverdueClients } from "@/db/queries/top-overdue";
import { formatMoney } from "@/lib/format/fr";

/** The clients of the scope with the most échu today, each a link to its fiche. */
export function TopOverdueCard({ clients }: { clients: Awaited<ReturnType<typeof listTopOverdueClients>> }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Plus gros retards</CardTitle>
        <CardDescription>Clients de votre périmètre avec le plus d&apos;échu</CardDescription>
      </CardHeader>
      <CardContent>
        {clients.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucun client en retard : bravo.</p>
        ) : (
          <ul className="divide-y">
            {clients.map((client) => (
              <li key={client.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                <RowLink href={`/clients/${client.id}`} className="min-w-0 truncate font-medium hover:underline">
                  {client.name} <span className="text-xs text-muted-foreground">{client.code}</span>
                </RowLink>
                <span className="tabular shrink-0 font-medium text-destructive">{formatMoney(client.overdue)}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
