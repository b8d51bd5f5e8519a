"use client";

import { useState } from "react";
import { departmentName, FranceMap } from "@/components/charts/france-map";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DepartmentFigures } from "@/db/queries/home-geography";
import { formatInteger, formatMoney, formatMoneyCompact } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

const metrics = {
  revenue: { label: "Chiffre d'affaires", hint: "ventes des 12 derniers mois, mois en cours compris", palette: "blue" },
  overdue: { label: "Échu", hint: "au dernier calcul", palette: "red" },
} as const;
type Metric = keyof typeof metrics;

const topCount = 10;

/** Chiffre d'affaires or échu of the scope by département: a map and the largest départements beside it. */
export function GeographyCard({ rows }: { rows: DepartmentFigures[] }) {
  const [metric, setMetric] = useState<Metric>("revenue");
  const { label, hint, palette } = metrics[metric];
  const values: Record<string, number> = {};
  for (const row of rows) if (row.department) values[row.department] = Number(row[metric]);
  const top = rows
    .filter((row) => Number(row[metric]) !== 0)
    .sort((a, b) => Number(b[metric]) - Number(a[metric]))
    .slice(0, topCount);

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="space-y-1">
          <CardTitle>Répartition géographique</CardTitle>
          <CardDescription>
            {label} de votre périmètre par département du client, {hint}
          </CardDescription>
        </div>
        <div role="group" aria-label="Indicateur de la carte" className="inline-flex rounded-md border p-0.5 text-sm">
          {(Object.keys(metrics) as Metric[]).map((key) => (
            <button
              key={key}
              type="button"
              aria-pressed={metric === key}
              onClick={() => setMetric(key)}
              className={cn(
                "rounded px-3 py-1 outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
                metric === key ? "bg-accent font-medium text-foreground" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {metrics[key].label}
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <FranceMap
          values={values}
          palette={palette}
          valueFormatter={(v) => formatMoney(v)}
          legendFormatter={(v) => formatMoneyCompact(v)}
          ariaLabel={`Carte des départements : ${label.toLowerCase()}`}
        />
        {top.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucun montant à répartir sur votre périmètre.</p>
        ) : (
          <Table aria-label={`Départements par ${label.toLowerCase()}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Département</TableHead>
                <TableHead numeric>Clients</TableHead>
                <TableHead numeric>{label}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {top.map((row) => (
                <TableRow key={row.department ?? "none"}>
                  <TableCell>
                    {row.department ? (
                      <>
                        {departmentName(row.department)} <span className="text-xs text-muted-foreground">{row.department}</span>
                      </>
                    ) : (
                      <span className="text-muted-foreground">Non renseigné</span>
                    )}
                  </TableCell>
                  <TableCell numeric>{formatInteger(row.clients)}</TableCell>
                  <TableCell numeric className="font-medium">{formatMoney(row[metric])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <p className="text-xs text-muted-foreground lg:col-span-2">Fond de carte : svg-maps (CC BY 4.0).</p>
      </CardContent>
    </Card>
  );
}
