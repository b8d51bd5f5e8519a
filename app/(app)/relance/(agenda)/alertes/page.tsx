import { BellRing, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AlertRowActions } from "@/components/alerts/alert-row-actions";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAlertClients, listAlerts } from "@/db/queries/alerts";
import { listCalculatedFields } from "@/db/queries/calculated-fields";
import { listEntities, listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { summariseCriteria } from "@/lib/groups/summary";
import { cn } from "@/lib/utils";
import { AgendaTabs } from "@/components/relance/agenda/agenda-tabs";
import { RowLink } from "@/components/ui/row-link";

export const metadata: Metadata = { title: "Alertes" };

const clientsLabel = (n: number) => `${formatInteger(n)} client${n > 1 ? "s" : ""}`;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ alerte?: string }> }) {
  const { db, scope } = await requireUser("relance.work");
  const date = today();
  const [alerts, entities, users, search, calculated] = await Promise.all([
    listAlerts(db, scope, date), listEntities(db), listUsers(db), searchParams, listCalculatedFields(db),
  ]);
  const names = new Map([...entities.map((e) => [e.id, e.name] as const), ...users.map((u) => [u.id, u.name] as const)]);
  const shown = alerts.find((a) => a.id === search.alerte) ?? null;
  const matching = shown ? await listAlertClients(db, scope, shown.criteria, date) : [];

  return (
    <div className="space-y-6">
      <AgendaTabs current="alerts" />
      <div className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 className="text-xl font-semibold">Alertes</h2>
            <p className="text-sm text-muted-foreground">
              Vos critères de surveillance : les clients de votre portefeuille qui les remplissent sont signalés ici et dans la liste des clients.
            </p>
          </div>
          <Button asChild>
            <Link href="/relance/alertes/nouvelle">
              <Plus aria-hidden="true" /> Nouvelle alerte
            </Link>
          </Button>
        </div>
        {alerts.length === 0 ? (
          <EmptyState
            icon={BellRing}
            title="Aucune alerte"
            description="Par exemple : échu supérieur à 50 000 €, limite de crédit dépassée, promesse de règlement non tenue."
            action={
              <Button asChild>
                <Link href="/relance/alertes/nouvelle">Créer une alerte</Link>
              </Button>
            }
          />
        ) : (
          <ul className="grid gap-3 md:grid-cols-2" aria-label="Mes alertes">
            {alerts.map((alert) => (
              <li key={alert.id}>
                <article aria-labelledby={`alert-${alert.id}`} className={cn("space-y-2 rounded-lg border bg-card p-4", shown?.id === alert.id && "ring-2 ring-primary")}>
                  <div className="flex items-start justify-between gap-2">
                    <h2 id={`alert-${alert.id}`} className="flex items-center gap-2 font-semibold">
                      <BellRing className={cn("size-4", alert.clients > 0 ? "text-destructive" : "text-muted-foreground")} aria-hidden="true" />
                      {alert.name}
                    </h2>
                    <AlertRowActions id={alert.id} name={alert.name} />
                  </div>
                  <p className="text-sm text-muted-foreground">{summariseCriteria(alert.criteria, names, calculated)}</p>
                  <p className="text-sm">
                    <strong className="tabular">{clientsLabel(alert.clients)}</strong>
                    {alert.clients > 0 && <> · échu {formatMoney(alert.overdue)}</>}
                    {alert.clients > 0 && (
                      <>
                        {" · "}
                        <Link href={`/relance/alertes?alerte=${alert.id}`} className="font-medium text-primary hover:underline">
                          Voir les clients
                        </Link>
                      </>
                    )}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
        {shown && (
          <section aria-labelledby="alert-clients" className="space-y-2">
            <h2 id="alert-clients" className="text-lg font-semibold">
              Clients signalés par « {shown.name} »
            </h2>
            <div className="rounded-lg border bg-card">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Code</TableHead>
                    <TableHead>Raison sociale</TableHead>
                    <TableHead>Chargé de recouvrement</TableHead>
                    <TableHead className="text-right">Encours</TableHead>
                    <TableHead className="text-right">Échu</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {matching.map((c) => (
                    <TableRow key={c.id}>
                      <TableCell className="tabular">{c.code}</TableCell>
                      <TableCell>
                        <RowLink href={`/clients/${c.id}`} className="font-medium hover:underline">
                          {c.name}
                        </RowLink>
                      </TableCell>
                      <TableCell>{c.collector ?? "—"}</TableCell>
                      <TableCell className="tabular text-right">{formatMoney(c.outstanding)}</TableCell>
                      <TableCell className="tabular text-right">{formatMoney(c.overdue)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {matching.length < shown.clients && (
              <p className="text-xs text-muted-foreground">
                Les {formatInteger(matching.length)} plus en retard sur {clientsLabel(shown.clients)} ; filtrez la liste des clients pour voir les autres.
              </p>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
