import { BarChart, type ChartRow } from "@/components/charts/bar-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AgendaChartRow, ChartState } from "@/db/queries/agenda-charts";
import { actionStatusLabels, actionTypeLabels } from "@/lib/collection/labels";
import { addDays, daysBetween } from "@/lib/dates";
import { formatDate, formatInteger } from "@/lib/format/fr";

const states: ChartState[] = ["done", "simulated", "todo", "future"];
const stateLabels: Record<ChartState, string> = {
  done: "Faites ou envoyées",
  simulated: "Simulées (non envoyées)",
  todo: "À faire (dues ou en retard)",
  future: "À venir",
};
// The agenda's own colours: green carried out, amber simulated, red to do now, blue to come.
const stateColors = ["#10b981", "#f59e0b", "#ef4444", "#3b82f6"];

function tally(rows: AgendaChartRow[], key: (r: AgendaChartRow) => string): Map<string, Record<ChartState, number>> {
  const out = new Map<string, Record<ChartState, number>>();
  for (const r of rows) {
    const entry = out.get(key(r)) ?? { done: 0, simulated: 0, todo: 0, future: 0 };
    entry[r.state] += r.actions;
    out.set(key(r), entry);
  }
  return out;
}

/** The agenda as charts: actions per day, per type and per status, for the filters of the page. */
export function AgendaCharts({ rows, from, to }: { rows: AgendaChartRow[]; from: string; to: string }) {
  const byDay = tally(rows, (r) => r.day);
  const days: ChartRow[] = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
    const day = addDays(from, i);
    return { day: `${day.slice(8, 10)}/${day.slice(5, 7)}`, ...(byDay.get(day) ?? { done: 0, simulated: 0, todo: 0, future: 0 }) };
  });
  const types: ChartRow[] = [...tally(rows, (r) => r.type)].map(([type, counts]) => ({ type: actionTypeLabels[type] ?? type, ...counts }));
  const statuses = new Map<string, number>();
  for (const r of rows) statuses.set(r.status, (statuses.get(r.status) ?? 0) + r.actions);
  const byStatus: ChartRow[] = [...statuses].map(([status, actions]) => ({ status: actionStatusLabels[status] ?? status, actions }));
  const total = rows.reduce((n, r) => n + r.actions, 0);
  const period = `du ${formatDate(from)} au ${formatDate(to)}`;
  const labels = Object.fromEntries(states.map((s) => [s, stateLabels[s]]));

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card className="xl:col-span-2">
        <CardHeader>
          <CardTitle>Actions par jour prévu</CardTitle>
          <CardDescription>
            {formatInteger(total)} action{total > 1 ? "s" : ""} {period}, annulées exclues.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <BarChart data={days} index="day" categories={states} labels={labels} colors={stateColors} stacked ariaLabel={`Actions par jour ${period}`} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Par type d&apos;action</CardTitle>
        </CardHeader>
        <CardContent>
          <BarChart data={types} index="type" categories={states} labels={labels} colors={stateColors} stacked ariaLabel="Actions par type" />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Par statut</CardTitle>
        </CardHeader>
        <CardContent>
          <BarChart data={byStatus} index="status" categories={["actions"]} labels={{ actions: "Actions" }} ariaLabel="Actions par statut" />
        </CardContent>
      </Card>
    </div>
  );
}
