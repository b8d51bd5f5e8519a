import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TeamPerformanceRow } from "@/db/queries/team-performance";
import { actionTypeCountLabels } from "@/lib/collection/labels";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { formatDays } from "@/lib/kpi/display";
import { RowLink } from "@/components/ui/row-link";

const typeOrder = ["call", "email", "letter", "formal_notice", "sms", "task"];

/** Actions of the period per type, the most telling first: "4 appels · 1 e-mail". */
function actionDetail(actions: Record<string, number>): string {
  return typeOrder
    .filter((type) => actions[type])
    .map((type) => `${formatInteger(actions[type])} ${actionTypeCountLabels[type][actions[type] > 1 ? 1 : 0]}`)
    .join(" · ");
}

/** Collector performance over the period, for supervisors and admins. */
export function TeamCard({ rows, from, to }: { rows: TeamPerformanceRow[]; from: string; to: string }) {
  const maxSettled = Math.max(0, ...rows.map((r) => Number(r.settled)));
  return (
    <Card data-testid="team-card">
      <CardHeader>
        <CardTitle>Performance de l&apos;équipe</CardTitle>
        <CardDescription>
          Du {formatDate(from)} au {formatDate(to)} : actions faites, promesses tenues / obtenues, échéanciers tenus / rompus, factures réglées, encours et DSO du
          portefeuille de chaque collecteur
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucun collecteur actif.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Collecteur</TableHead>
                <TableHead className="text-right">Actions</TableHead>
                <TableHead className="text-right">Appels</TableHead>
                <TableHead className="text-right" title="Promesses tenues / promesses obtenues">
                  Promesses
                </TableHead>
                <TableHead className="text-right" title="Échéanciers tenus / rompus sur la période">
                  Échéanciers
                </TableHead>
                <TableHead className="min-w-44">Réglé</TableHead>
                <TableHead className="text-right">Encours</TableHead>
                <TableHead className="text-right">Échu</TableHead>
                <TableHead className="text-right" title="DSO du portefeuille, par la méthode de l'épuisement">
                  DSO
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => {
                const settled = Number(r.settled);
                return (
                  <TableRow key={r.userId} data-testid="team-row">
                    <TableCell>
                      <RowLink href={`/clients?collector=${r.userId}`} className="whitespace-nowrap font-medium hover:underline">
                        {r.name}
                      </RowLink>
                      <div className="text-xs text-muted-foreground">
                        {formatInteger(r.clients)} client{r.clients > 1 ? "s" : ""}
                      </div>
                    </TableCell>
                    <TableCell className="text-right">
                      <div className="tabular font-medium">{formatInteger(r.actionsTotal)}</div>
                      <div className="text-xs text-muted-foreground">{actionDetail(r.actions)}</div>
                    </TableCell>
                    <TableCell className="tabular text-right">{formatInteger(r.calls)}</TableCell>
                    <TableCell className="tabular text-right">
                      {formatInteger(r.promisesKept)} / {formatInteger(r.promisesObtained)}
                    </TableCell>
                    <TableCell className="tabular whitespace-nowrap text-right">
                      <span className="text-emerald-700 dark:text-emerald-400" title="Tenus">
                        {formatInteger(r.plansKept)}
                      </span>{" "}
                      /{" "}
                      <span className={r.plansBroken > 0 ? "text-destructive" : undefined} title="Rompus">
                        {formatInteger(r.plansBroken)}
                      </span>
                    </TableCell>
                    <TableCell>
                      <div className="flex items-center gap-2">
                        <div className="h-2 min-w-16 flex-1 overflow-hidden rounded-full bg-muted" aria-hidden="true">
                          <div className="h-full rounded-full bg-emerald-500" style={{ width: `${maxSettled > 0 ? (Math.max(settled, 0) / maxSettled) * 100 : 0}%` }} />
                        </div>
                        <span className="tabular shrink-0 whitespace-nowrap text-right text-sm">{formatMoney(r.settled)}</span>
                      </div>
                    </TableCell>
                    <TableCell className="tabular whitespace-nowrap text-right">{formatMoney(r.outstanding)}</TableCell>
                    <TableCell className="tabular whitespace-nowrap text-right text-destructive">{formatMoney(r.overdue)}</TableCell>
                    <TableCell className="tabular whitespace-nowrap text-right">{formatDays(r.dso)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
