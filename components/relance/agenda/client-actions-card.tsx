import Link from "next/link";
import { ThreadsButton } from "@/components/threads/threads-button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { AgendaRow } from "@/db/queries/agenda";
import { actionStatusLabels, actionTypeLabels } from "@/lib/collection/labels";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { historyResult, shownStatus } from "@/lib/relance/history-result";
import { cn } from "@/lib/utils";
import { automaticTone, toneStyles } from "./automatic-tone";
import { RescheduleInline } from "./reschedule-inline";

function PendingBadge({ row, today }: { row: AgendaRow; today: string }) {
  if (row.status === "planned") {
    const due = row.plannedDate <= today;
    return <span className={cn("rounded-full px-2 py-0.5 text-xs font-medium", due ? "bg-destructive/10 text-destructive" : "bg-info/10 text-info")}>{due ? "À faire" : "À venir"}</span>;
  }
  const style = toneStyles[automaticTone(row, today)];
  return (
    <span className={cn("rounded-full px-2 py-0.5 text-xs font-medium", style.badge)} title={row.errorMessage ?? undefined}>
      {style.label}
    </span>
  );
}

/** The client's pending actions (each can be moved to another date) and its last sent or done ones. */
export function ClientActionsCard({ pending, past, today, canWork }: { pending: AgendaRow[]; past: AgendaRow[]; today: string; canWork: boolean }) {
  return (
    <Card>
      <CardHeader className="pb-3">
        <CardTitle>Actions de relance</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <section aria-label="Actions à venir" className="space-y-2">
          <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">À venir</h3>
          {pending.length === 0 && <p className="text-muted-foreground">Aucune action programmée.</p>}
          <ul className="divide-y">
            {pending.map((row) => {
              const label = `${actionTypeLabels[row.type]} du ${formatDate(row.plannedDate)}`;
              return (
                <li key={row.id} className="space-y-1.5 py-2" aria-label={label}>
                  <div className="flex items-center justify-between gap-2">
                    <div>
                      <p className="font-medium">
                        {formatDate(row.plannedDate)} · {actionTypeLabels[row.type]}
                      </p>
                      {row.stepLabel && <p className="text-xs text-muted-foreground">{row.stepLabel}</p>}
                    </div>
                    <div className="flex items-center gap-1">
                      <PendingBadge row={row} today={today} />
                      <ThreadsButton variant="icon" target={{ clientId: row.clientId, actionId: row.id }} label={label} />
                    </div>
                  </div>
                  {canWork && <RescheduleInline actionId={row.id} plannedDate={row.plannedDate} minDate={today} label={label} />}
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-label="Dernières actions" className="space-y-2">
          <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Dernières actions</h3>
          {past.length === 0 && <p className="text-muted-foreground">Aucune action réalisée.</p>}
          <ul className="divide-y">
            {past.map((row) => (
              <li key={row.id} className="py-2">
                <div className="flex items-start justify-between gap-2">
                  <p>
                    <span className="font-medium">{actionTypeLabels[row.type]}</span> · {actionStatusLabels[shownStatus(row)]} le {formatDateTime(row.doneAt ?? row.sentAt)}
                  </p>
                  <ThreadsButton variant="icon" target={{ clientId: row.clientId, actionId: row.id }} label={`${actionTypeLabels[row.type]} du ${formatDate(row.plannedDate)}`} />
                </div>
                {historyResult(row) && <p className="text-xs text-muted-foreground">{historyResult(row)}</p>}
              </li>
            ))}
          </ul>
        </section>
        {canWork && (
          <Link href="/relance/historique?collector=all" className="text-xs text-primary hover:underline">
            Tout l&apos;historique dans l&apos;agenda
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
