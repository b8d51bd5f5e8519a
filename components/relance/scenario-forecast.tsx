import { CalendarClock } from "lucide-react";
import { BarChart, type ChartRow } from "@/components/charts/bar-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { actionTypeLabels } from "@/lib/collection/labels";
import type { Forecast } from "@/lib/collection/forecast";
import { addDays } from "@/lib/dates";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import { offsetLabel } from "@/lib/scenarios/steps";

const dayLabel = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

/** What the coming nights would create, per night (chart) and per step (table); nothing is written to compute it. */
export function ScenarioForecast({ forecast, showScenario }: { forecast: Forecast; showScenario: boolean }) {
  const steps = forecast.steps.filter((s) => s.actions > 0);
  const title = `Prévisions des ${forecast.nights} prochaines nuits`;
  const description = `Actions que créerait chaque traitement de nuit du ${formatDate(forecast.from)} au ${formatDate(addDays(forecast.from, forecast.nights - 1))}, sans nouveau règlement, litige ni import (horizon de planification : ${forecast.horizonDays} jours).`;
  if (steps.length === 0) {
    return <EmptyState icon={CalendarClock} title={title} description={`Aucune action à venir. ${description}`} />;
  }
  const name = (s: (typeof steps)[number]) => `${showScenario ? `${s.scenario} · ` : ""}${offsetLabel(s.offsetDays)} ${s.label}`;
  const data: ChartRow[] = Array.from({ length: forecast.nights }, (_, n) => {
    const night = addDays(forecast.from, n);
    const row: ChartRow = { night: dayLabel(night) };
    for (const r of forecast.byNight) if (r.night === night) row[r.stepId] = r.actions;
    return row;
  });
  const total = steps.reduce((n, s) => n + s.actions, 0);

  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <BarChart
          data={data}
          index="night"
          categories={steps.map((s) => s.stepId)}
          labels={Object.fromEntries(steps.map((s) => [s.stepId, name(s)]))}
          stacked
          ariaLabel={`${formatInteger(total)} actions prévues sur ${forecast.nights} nuits, par étape`}
        />
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Étape</TableHead>
              <TableHead>Action</TableHead>
              <TableHead className="text-right">Actions</TableHead>
              <TableHead className="text-right">Montant couvert</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {steps.map((s) => (
              <TableRow key={s.stepId}>
                <TableCell>{name(s)}</TableCell>
                <TableCell>{actionTypeLabels[s.actionType] ?? s.actionType}</TableCell>
                <TableCell className="text-right tabular-nums">{formatInteger(s.actions)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(s.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
