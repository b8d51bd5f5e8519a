import { Download } from "lucide-react";
import { AreaChart } from "@/components/charts/area-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TrendPoint } from "@/db/queries/home-trend";
import { formatDate, formatMoney, formatPercent } from "@/lib/format/fr";
import { formatCountback, formatDays } from "@/lib/kpi/display";

const month = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Encours, échu, DSO, BPDSO, DBT and CEI at each of the last 12 month ends and at the latest snapshot: charts, then their table. */
export function TrendCard({ points, entityId }: { points: TrendPoint[]; entityId?: string }) {
  const last = points.length - 1;
  const label = (p: TrendPoint, i: number) =>
    // The last point is the latest snapshot, not a month end: shown by its date.
    i === last ? formatDate(p.date).slice(0, 5) : month.format(new Date(`${p.date}T00:00:00Z`));
  const amounts = points.map((p, i) => ({
    label: label(p, i),
    outstanding: p.recorded ? Number(p.outstanding) : null,
    overdue: p.recorded ? Number(p.overdue) : null,
  }));
  const delays = points.map((p, i) => ({
    label: label(p, i),
    dso: p.kpis?.dso ?? null,
    bpdso: p.kpis?.bpdso ?? null,
    dbt: p.kpis?.dbt ?? null,
  }));
  const efficiency = points.map((p, i) => ({ label: label(p, i), cei: p.kpis?.cei == null ? null : p.kpis.cei / 100 }));
  const recorded = points.filter((p) => p.recorded);
  const exportHref = `/api/tendance/export${entityId ? `?societe=${entityId}` : ""}`;
  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div className="space-y-1.5">
          <CardTitle>Évolution sur 12 mois</CardTitle>
          <CardDescription>Encours, échu et délais de votre périmètre à chaque fin de mois, puis au dernier calcul</CardDescription>
        </div>
        {recorded.length > 0 && (
          <a href={exportHref} className="inline-flex shrink-0 items-center gap-1.5 text-sm text-primary underline-offset-4 hover:underline">
            <Download className="size-4" aria-hidden="true" /> Exporter la tendance (xlsx)
          </a>
        )}
      </CardHeader>
      <CardContent className="space-y-6">
        {recorded.length === 0 ? (
          <p className="text-sm text-muted-foreground">Aucune photographie de fin de mois n&apos;a encore été calculée.</p>
        ) : (
          <>
            <div className="grid gap-6 lg:grid-cols-2 2xl:grid-cols-3">
              <AreaChart
                data={amounts}
                index="label"
                categories={["outstanding", "overdue"]}
                labels={{ outstanding: "Encours", overdue: "Échu" }}
                colors={["#2563eb", "#ef4444"]}
                ariaLabel="Évolution de l'encours et de l'échu sur 12 mois"
              />
              <AreaChart
                data={delays}
                index="label"
                categories={["dso", "bpdso", "dbt"]}
                labels={{ dso: "DSO", bpdso: "BPDSO", dbt: "DBT" }}
                colors={["#7c3aed", "#16a34a", "#f59e0b"]}
                unit="days"
                ariaLabel="Évolution du DSO, du BPDSO et du DBT sur 12 mois, en jours"
              />
              <AreaChart
                data={efficiency}
                index="label"
                categories={["cei"]}
                labels={{ cei: "CEI" }}
                colors={["#0891b2"]}
                unit="percent"
                ariaLabel="Évolution du CEI (efficacité du recouvrement) sur 12 mois"
              />
            </div>
            <Table aria-label="Indicateurs à chaque fin de mois">
              <TableHeader>
                <TableRow>
                  <TableHead>Date</TableHead>
                  <TableHead className="text-right">Encours</TableHead>
                  <TableHead className="text-right">Échu</TableHead>
                  <TableHead className="text-right">DSO</TableHead>
                  <TableHead className="text-right">BPDSO</TableHead>
                  <TableHead className="text-right">DBT</TableHead>
                  <TableHead className="text-right">CEI</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {recorded.map((p) => (
                  <TableRow key={p.date} data-trend-date={p.date}>
                    <TableCell>{formatDate(p.date)}</TableCell>
                    <TableCell className="tabular text-right">{formatMoney(p.outstanding)}</TableCell>
                    <TableCell className="tabular text-right">{formatMoney(p.overdue)}</TableCell>
                    <TableCell className="tabular text-right">{p.kpis ? formatCountback(p.kpis.dso, p.kpis.dsoLowerBound) : "—"}</TableCell>
                    <TableCell className="tabular text-right">{p.kpis ? formatCountback(p.kpis.bpdso, p.kpis.bpdsoLowerBound) : "—"}</TableCell>
                    <TableCell className="tabular text-right">{formatDays(p.kpis?.dbt ?? null)}</TableCell>
                    <TableCell className="tabular text-right">{p.kpis?.cei == null ? "—" : formatPercent(p.kpis.cei / 100)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
