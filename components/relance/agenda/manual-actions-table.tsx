"use client";

import { CircleAlert, Clock, Phone } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WorklistRow } from "@/db/queries/worklist";
import { actionOutcomeLabels, actionTypeLabels, type ActionOutcome } from "@/lib/collection/labels";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import type { PriorityWeights } from "@/lib/relance/worklist-priority";
import type { WorklistSort } from "@/lib/relance/worklist-sort";
import { cn } from "@/lib/utils";
import { ClientName, openHref } from "./agenda-row-parts";
import { WorklistPriorityCell } from "./worklist-priority-cell";
import { WorklistSortableHead } from "./worklist-sortable-head";

const tel = (number: string) => `tel:${number.replace(/[^+0-9]/g, "")}`;

function lastContactText(row: WorklistRow) {
  if (!row.lastContactType) return null;
  const sent = row.lastContactSimulated ? "simulé (non envoyé)" : "envoyé";
  const result = row.lastContactOutcome ? (actionOutcomeLabels[row.lastContactOutcome as ActionOutcome] ?? row.lastContactOutcome) : sent;
  return `${actionTypeLabels[row.lastContactType]} · ${result}`;
}

/**
 * The worklist, as a grid: the arrows move between rows (roving focus), Enter opens the focused row's action, and
 * when the opened action closes the focus comes back to its row (or the next one, once the first is done).
 * Due today or late in red, upcoming in blue (SPEC §7).
 */
export function ManualActionsTable({
  rows,
  today,
  params,
  sort,
  weights,
  opened,
  showAssignee,
}: {
  rows: WorklistRow[];
  today: string;
  params: Record<string, string>;
  sort: WorklistSort;
  weights: PriorityWeights;
  opened?: string;
  /** Off when the list is one person's: the column would repeat their name. */
  showAssignee: boolean;
}) {
  const router = useRouter();
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  // The row worked last, by id; by position once it has left the list (done), so the next one takes its place.
  const [current, setCurrent] = useState({ id: opened ?? rows[0]?.id, index: 0 });
  const openedIndex = rows.findIndex((r) => r.id === opened);
  if (opened && openedIndex >= 0 && current.id !== opened) setCurrent({ id: opened, index: openedIndex });
  const found = rows.findIndex((r) => r.id === current.id);
  const active = found >= 0 ? found : Math.max(0, Math.min(current.index, rows.length - 1));

  // When the opened action closes, the focus goes back to the grid, on the row worked last.
  const wasOpen = useRef(opened);
  useEffect(() => {
    if (wasOpen.current && !opened) {
      const timer = setTimeout(() => rowRefs.current[active]?.focus(), 50);
      wasOpen.current = opened;
      return () => clearTimeout(timer);
    }
    wasOpen.current = opened;
  }, [opened, active]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setCurrent({ id: rows[target].id, index: target });
    rowRefs.current[target]?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (event.target !== event.currentTarget) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => router.push(openHref(params, rows[index].id), { scroll: false }),
    };
    const handler = keys[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  };

  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <Table role="grid" aria-label="Actions manuelles, par priorité" aria-describedby="worklist-keys">
        <caption id="worklist-keys" className="sr-only">
          Flèches haut et bas pour passer d&apos;une action à l&apos;autre, Entrée pour la traiter.
        </caption>
        <TableHeader>
          <TableRow>
            <WorklistSortableHead label="Priorité" sortKey="priority" current={sort} params={params} numeric />
            <WorklistSortableHead label="Date prévue" sortKey="date" current={sort} params={params} />
            <WorklistSortableHead label="Client" sortKey="client" current={sort} params={params} sticky />
            <WorklistSortableHead label="Action" sortKey="action" current={sort} params={params} />
            <WorklistSortableHead label="Reste dû" sortKey="amount" current={sort} params={params} numeric />
            <WorklistSortableHead label="Dernier contact" sortKey="lastContact" current={sort} params={params} />
            <WorklistSortableHead label="Relances" sortKey="reminders" current={sort} params={params} numeric />
            {showAssignee && <WorklistSortableHead label="Chargé" sortKey="assignee" current={sort} params={params} />}
            <TableHead className="w-24">
              <span className="sr-only">Traiter</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, index) => {
            const due = row.plannedDate <= today;
            const lastContact = lastContactText(row);
            return (
              <TableRow
                key={row.id}
                ref={(el) => {
                  rowRefs.current[index] = el;
                }}
                tabIndex={index === active ? 0 : -1}
                aria-selected={index === active}
                aria-describedby={`priority-${row.id}`}
                data-tone={due ? "due" : "upcoming"}
                onFocus={(event) => event.target === event.currentTarget && setCurrent({ id: row.id, index })}
                onKeyDown={(event) => onKeyDown(event, index)}
                className={cn(
                  "border-l-4 outline-none focus-visible:bg-primary/5 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring aria-selected:bg-muted/40",
                  due ? "border-l-destructive" : "border-l-info",
                )}
              >
                <TableCell numeric>
                  <WorklistPriorityCell row={row} weights={weights} descriptionId={`priority-${row.id}`} />
                </TableCell>
                <TableCell>
                  <span className={cn("inline-flex items-center gap-1.5 font-medium whitespace-nowrap", due ? "text-destructive" : "text-info")}>
                    {due ? <CircleAlert className="size-4" aria-hidden="true" /> : <Clock className="size-4" aria-hidden="true" />}
                    {formatDate(row.plannedDate)}
                    <span className="sr-only">{due ? "(à faire)" : "(à venir)"}</span>
                  </span>
                </TableCell>
                <TableCell sticky>
                  <div className="min-w-36">
                    <ClientName row={row} className="font-medium" />
                    <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
                      <span className="font-mono">{row.clientCode}</span>
                      {row.phone && (
                        <a href={tel(row.phone)} className="inline-flex items-center gap-1 whitespace-nowrap text-primary hover:underline">
                          <Phone className="size-3" aria-hidden="true" />
                          {row.phone}
                        </a>
                      )}
                    </p>
                  </div>
                </TableCell>
                <TableCell>
                  <p>{actionTypeLabels[row.type]}</p>
                  {row.stepLabel && <p className="text-xs text-muted-foreground">{row.stepLabel}</p>}
                </TableCell>
                <TableCell numeric>
                  <p>{formatMoney(row.amountAtStake)}</p>
                  <p className="text-xs text-muted-foreground">
                    {formatInteger(row.documentCount)} pièce{row.documentCount > 1 ? "s" : ""}
                  </p>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {lastContact ? (
                    <>
                      <p>{formatDate(row.lastContactOn)}</p>
                      <p className="text-xs text-muted-foreground">{lastContact}</p>
                    </>
                  ) : (
                    <span className="text-muted-foreground">Aucun</span>
                  )}
                </TableCell>
                <TableCell numeric>
                  {formatInteger(row.remindersSent)}
                  {row.remindersSimulated > 0 && (
                    <p className="whitespace-nowrap text-xs text-muted-foreground" title="Restées dans la boîte d'envoi : non envoyées au client">
                      + {formatInteger(row.remindersSimulated)} {row.remindersSimulated > 1 ? "simulées" : "simulée"}
                    </p>
                  )}
                </TableCell>
                {showAssignee && <TableCell className="whitespace-nowrap text-muted-foreground">{row.assigneeName ?? "—"}</TableCell>}
                <TableCell className="text-right">
                  <Button asChild size="sm" variant={due ? "default" : "outline"}>
                    <Link href={openHref(params, row.id)} scroll={false} tabIndex={-1} aria-label={`Traiter l'action ${actionTypeLabels[row.type]} de ${row.clientName}`}>
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
