import { CalendarRange, ExternalLink, Phone, Smartphone } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ThreadsButton } from "@/components/threads/threads-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { getAgendaAction } from "@/db/queries/agenda";
import { actionStatusLabels, actionTypeLabels } from "@/lib/collection/labels";
import { contactRoleLabels } from "@/lib/contacts/roles";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { ActionPanel } from "./action-panel";
import { ClientName } from "./agenda-row-parts";
import { ActionTools } from "./action-tools";
import { OutcomeForm } from "./outcome-form";

const tel = (number: string) => `tel:${number.replace(/[^+0-9]/g, "")}`;

type Found = NonNullable<Awaited<ReturnType<typeof getAgendaAction>>>;

/** The opened action: who to call, what they owe, then what to do with it. */
export function OpenedAction({
  found,
  today,
  closeHref,
  savedHref,
  people,
}: {
  found: Found;
  today: string;
  closeHref: string;
  savedHref?: string;
  people: { id: string; name: string }[] | null;
}) {
  const { action, documents, contacts } = found;
  const openDocs = documents.filter((d) => d.status === "open");
  const promiseAmount = openDocs.reduce((sum, d) => sum + Math.round(Number(d.openAmount) * 100), 0) / 100;
  const pending = ["planned", "to_confirm", "scheduled", "error"].includes(action.status);
  return (
    <ActionPanel
      title={`${actionTypeLabels[action.type]} — ${action.clientName}`}
      description={`${action.stepLabel ?? "Action"} · prévue le ${formatDate(action.plannedDate)} · ${actionStatusLabels[action.status]}${action.assigneeName ? ` · ${action.assigneeName}` : ""}`}
      closeHref={closeHref}
    >
      {action.status === "error" && (
        <Alert variant="destructive">
          <AlertTitle>Envoi en erreur</AlertTitle>
          <AlertDescription>{action.errorMessage ?? "Erreur inconnue."}</AlertDescription>
        </Alert>
      )}
      <section aria-label="Client" className="flex flex-wrap items-start justify-between gap-4 rounded-lg border bg-muted/30 p-3">
        <div>
          <ClientName row={action} className="font-medium" />
          <p className="font-mono text-xs text-muted-foreground">{action.clientCode}</p>
        </div>
        <ul className="space-y-1 text-sm" aria-label="Contacts">
          {contacts.length === 0 && <li className="text-muted-foreground">Aucun contact enregistré</li>}
          {contacts.slice(0, 4).map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium">{[c.civility, c.name].filter(Boolean).join(" ")}</span>
              <span className="text-muted-foreground">{contactRoleLabels[c.role] ?? c.role}</span>
              {c.phone && (
                <a href={tel(c.phone)} className="inline-flex items-center gap-1 text-primary hover:underline">
                  <Phone className="size-3.5" aria-hidden="true" /> {c.phone}
                </a>
              )}
              {c.mobile && (
                <a href={tel(c.mobile)} className="inline-flex items-center gap-1 text-primary hover:underline">
                  <Smartphone className="size-3.5" aria-hidden="true" /> {c.mobile}
                </a>
              )}
            </li>
          ))}
        </ul>
      </section>
      <Table aria-label="Pièces concernées">
        <TableHeader>
          <TableRow>
            <TableHead>Pièce</TableHead>
            <TableHead>Échéance</TableHead>
            <TableHead numeric>Montant</TableHead>
            <TableHead numeric>Reste dû</TableHead>
            <TableHead numeric>Retard</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {documents.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} className="text-center text-muted-foreground">
                Aucune pièce rattachée
              </TableCell>
            </TableRow>
          )}
          {documents.map((d) => (
            <TableRow key={d.id}>
              <TableCell className="font-mono">
                {d.number} {d.status !== "open" && <Badge variant="success">Soldée</Badge>} {d.disputed && <Badge variant="warning">Litige</Badge>}
              </TableCell>
              <TableCell>{formatDate(d.dueDate)}</TableCell>
              <TableCell numeric>{formatMoney(d.amount)}</TableCell>
              <TableCell numeric>{formatMoney(d.openAmount)}</TableCell>
              <TableCell numeric className={d.daysLate > 0 ? "text-destructive" : undefined}>
                {d.daysLate > 0 ? `${formatInteger(d.daysLate)} j` : "—"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {action.mode !== "manual" && (
        <a href={`/relance/actions/${action.id}/apercu`} target="_blank" rel="noopener" className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
          <ExternalLink className="size-4" aria-hidden="true" /> Voir le message
        </a>
      )}
      {action.status === "planned" && (
        <OutcomeForm
          actionId={action.id}
          documents={openDocs.map((d) => ({ id: d.id, number: d.number, openAmount: d.openAmount }))}
          promiseAmount={promiseAmount.toFixed(2)}
          minDate={today}
          closeHref={savedHref ?? closeHref}
        />
      )}
      {action.status === "planned" && (
        <a href={`/clients/${action.clientId}?echeancier=${action.id}`} className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
          <CalendarRange className="size-4" aria-hidden="true" /> Négocier un échéancier
        </a>
      )}
      <ThreadsButton target={{ clientId: action.clientId, actionId: action.id }} label={`${actionTypeLabels[action.type]} du ${formatDate(action.plannedDate)}`} />
      {pending && (
        <details className="rounded-lg border p-3" open={action.status !== "planned"}>
          <summary className="cursor-pointer text-sm font-medium">Replanifier, réattribuer ou annuler</summary>
          <div className="mt-3">
            <ActionTools actionId={action.id} plannedDate={action.plannedDate} minDate={today} people={people} closeHref={closeHref} />
          </div>
        </details>
      )}
    </ActionPanel>
  );
}
