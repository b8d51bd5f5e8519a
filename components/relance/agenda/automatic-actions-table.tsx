"use client";

import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { AgendaRow } from "@/db/queries/agenda";
import { actionTypeLabels } from "@/lib/collection/labels";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { ClientCell, openHref } from "./agenda-row-parts";
import { automaticTone, toneStyles } from "./automatic-tone";
import { BulkBar } from "./bulk-bar";

const modeLabels: Record<string, string> = { automatic: "Automatique", automatic_to_confirm: "Automatique à confirmer" };

/** Automatic actions with their colour, a selection, and the bulk bar acting on it (or on every match). */
export function AutomaticActionsTable({
  rows,
  today,
  params,
  query,
  total,
  canConfirm,
}: {
  rows: AgendaRow[];
  today: string;
  params: Record<string, string>;
  query: string;
  total: number;
  canConfirm: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) => {
    setAllMatching(false);
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  return (
    <div className="space-y-2">
      <BulkBar ids={[...selected]} allMatching={allMatching} total={total} query={query} canConfirm={canConfirm} onDone={clear} minDate={today} />
      {allOnPage && !allMatching && total > rows.length && (
        <p className="rounded-md bg-muted px-3 py-2 text-sm">
          Les {formatInteger(rows.length)} actions de la page sont sélectionnées.{" "}
          <button type="button" className="font-medium text-primary underline-offset-2 hover:underline" onClick={() => setAllMatching(true)}>
            Sélectionner tout ce qui correspond aux filtres ({formatInteger(total)})
          </button>
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border bg-card">
        <Table aria-label="Relances automatiques">
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox
                  aria-label="Sélectionner toute la page"
                  checked={allMatching || allOnPage ? true : selected.size > 0 ? "indeterminate" : false}
                  onCheckedChange={(on) => (on === true ? setSelected(new Set(rows.map((r) => r.id))) : clear())}
                />
              </TableHead>
              <TableHead>Date</TableHead>
              <TableHead sticky>Client</TableHead>
              <TableHead>Action</TableHead>
              <TableHead>État</TableHead>
              <TableHead numeric>Montant</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => {
              const tone = automaticTone(row, today);
              const style = toneStyles[tone];
              const badge = <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", style.badge)}>{style.label}</span>;
              return (
                <TableRow key={row.id} data-tone={tone} className={cn("border-l-4", style.row)}>
                  <TableCell>
                    <Checkbox
                      aria-label={`Sélectionner ${row.clientName} du ${formatDate(row.plannedDate)}`}
                      checked={allMatching || selected.has(row.id)}
                      onCheckedChange={(on) => toggle(row.id, on === true)}
                    />
                  </TableCell>
                  <TableCell className="font-medium">{formatDate(row.plannedDate)}</TableCell>
                  <TableCell sticky>
                    <ClientCell row={row} assignee={row.assigneeName} />
                  </TableCell>
                  <TableCell>
                    <p>{actionTypeLabels[row.type]}</p>
                    <p className="max-w-56 text-xs text-muted-foreground">{[row.stepLabel, modeLabels[row.mode]].filter(Boolean).join(" · ")}</p>
                  </TableCell>
                  <TableCell>
                    {tone === "error" ? (
                      <Tooltip>
                        <TooltipTrigger asChild>
                          <button type="button" className="rounded-full outline-none focus-visible:ring-2 focus-visible:ring-ring" aria-label={`En erreur : ${row.errorMessage ?? ""}`}>
                            {badge}
                          </button>
                        </TooltipTrigger>
                        <TooltipContent>{row.errorMessage ?? "Erreur inconnue."}</TooltipContent>
                      </Tooltip>
                    ) : (
                      badge
                    )}
                  </TableCell>
                  <TableCell numeric>{formatMoney(row.amountCovered)}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    <div className="flex flex-col items-end gap-1 text-sm">
                      <Link href={openHref(params, row.id)} scroll={false} className="font-medium text-primary hover:underline">
                        Ouvrir
                      </Link>
                      <a href={`/relance/actions/${row.id}/apercu`} target="_blank" rel="noopener" className="inline-flex items-center gap-1 text-primary hover:underline">
                        <ExternalLink className="size-3.5" aria-hidden="true" /> Voir le message
                      </a>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
