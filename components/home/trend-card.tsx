import { AreaChart } from "@/components/charts/area-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TrendPoint } from "@/db/queries/home-trend";
import { formatDate } from "@/lib/format/fr";

const month = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Encours and échu at each of the last 12 month ends and at the latest snapshot. */
export function TrendCard({ points }: { points: TrendPoint[] }) {
  const last = points.length - 1;
  const data = points.map((p, i) => ({
    // The last point is the latest snapshot, not a month end: shown by its date.
    label: i === last ? formatDate(p.date).slice(0, 5) : month.format(new Date(`${p.date}T00:00:00Z`)),
    outstanding: p.recorded ? Number(p.outstanding) : null,
    overdue: p.recorded ? Number(p.overdue) : null,
  }));
  const recorded = points.some((p) => p.recorded);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Évolution sur 12 mois</CardTitle>
        <CardDescription>Encours et échu de votre périmètre à chaque fin de mois, puis au dernier calcul</CardDescription>
      </CardHeader>
      <CardContent>
        {recorded ? (
          <AreaChart
            data={data}
            index="label"
            categories={["outstanding", "overdue"]}
            labels={{ outstanding: "Encours", overdue: "Échu" }}
            colors={["#2563eb", "#ef4444"]}
            ariaLabel="Évolution de l'encours et de l'échu sur 12 mois"
          />
        ) : (
          <p className="text-sm text-muted-foreground">Aucune photographie de fin de mois n&apos;a encore été calculée.</p>
        )}
      </CardContent>
    </Card>
  );
}
