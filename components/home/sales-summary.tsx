import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RowLink } from "@/components/ui/row-link";
import type { SalesSummary } from "@/db/queries/sales-summary";
import { actionTypeLabels } from "@/lib/collection/labels";
import { formatDate, formatDateTime, formatInteger, formatMoney, formatPercent } from "@/lib/format/fr";
import { historyResult } from "@/lib/relance/history-result";
import { taskKindLabels } from "@/lib/tasks/labels";
import { cn } from "@/lib/utils";

function Figure({ label, value, hint, danger = false }: { label: string; value: string; hint?: string; danger?: boolean }) {
  return (
    <div className="min-w-0 rounded-md bg-muted/60 p-3">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className={cn("tabular mt-1 text-[0.9375rem] font-semibold leading-tight [overflow-wrap:anywhere] sm:text-lg", danger && "text-destructive")}>{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}

/** A sales rep's portfolio at a glance, laid out for a phone between two meetings. */
export function SalesSummaryCards({ summary, today }: { summary: SalesSummary; today: string }) {
  const { tasks, recentActions, disputes } = summary;
  return (
    <section aria-label="Mon portefeuille" className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      <Card>
        <CardHeader className="pb-3">
          <CardTitle>Mon portefeuille</CardTitle>
          <CardDescription>
            {formatInteger(summary.clients)} client{summary.clients > 1 ? "s" : ""} dont vous êtes le commercial
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-2">
            <Figure label="Encours" value={formatMoney(summary.outstanding)} />
            <Figure label="Échu" value={formatMoney(summary.overdue)} danger={Number(summary.overdue) > 0} />
            <Figure
              label="Crédit utilisé"
              value={formatPercent(summary.creditUsed)}
              hint={summary.creditUsed === null ? "Aucune limite de crédit" : `sur ${formatMoney(summary.creditLimit)} de limites`}
              danger={(summary.creditUsed ?? 0) > 1}
            />
            <Figure
              label="Litiges ouverts"
              value={formatInteger(disputes.count)}
              hint={disputes.count > 0 ? formatMoney(disputes.amount) : undefined}
            />
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="pb-3">
          <CardTitle>Mes tâches ouvertes</CardTitle>
          <CardDescription>
            {tasks.total === 0 ? "Aucune tâche ouverte." : `${formatInteger(tasks.total)} tâche${tasks.total > 1 ? "s" : ""} à faire`}
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-2">
          {tasks.rows.length > 0 && (
            <ul className="divide-y">
              {tasks.rows.map((task) => (
                <li key={task.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <div className="min-w-0">
                    <p className="truncate font-medium">{task.description || taskKindLabels[task.kind]}</p>
                    <RowLink href={`/clients/${task.clientId}`} className="block truncate text-xs text-muted-foreground hover:underline pointer-coarse:py-3">
                      {task.clientName}
                    </RowLink>
                  </div>
                  <span className={cn("tabular shrink-0 text-xs", task.dueDate < today ? "font-semibold text-destructive" : "text-muted-foreground")}>
                    {formatDate(task.dueDate)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/taches" className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-primary hover:underline sm:min-h-0">
            Voir mes tâches <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        </CardContent>
      </Card>

      <Card className="md:col-span-2 xl:col-span-1">
        <CardHeader className="pb-3">
          <CardTitle>Dernières actions</CardTitle>
          <CardDescription>Sur vos clients</CardDescription>
        </CardHeader>
        <CardContent>
          {recentActions.length === 0 ? (
            <p className="text-sm text-muted-foreground">Aucune action pour le moment.</p>
          ) : (
            <ul className="divide-y">
              {recentActions.map((action) => {
                const result = historyResult({ ...action, cancelReason: null });
                return (
                  <li key={action.id} className="py-2 text-sm">
                    <div className="flex items-baseline justify-between gap-3">
                      <RowLink href={`/clients/${action.clientId}`} className="min-w-0 truncate font-medium hover:underline pointer-coarse:py-3">
                        {action.clientName}
                      </RowLink>
                      <span className="shrink-0 text-xs text-muted-foreground">{formatDateTime(action.at)}</span>
                    </div>
                    <p className="truncate text-xs text-muted-foreground">
                      {actionTypeLabels[action.type]}
                      {result && ` · ${result}`}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
