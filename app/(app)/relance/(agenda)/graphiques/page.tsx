import type { Metadata } from "next";
import { AgendaCharts } from "@/components/relance/agenda/agenda-charts";
import { AgendaFiltersForm } from "@/components/relance/agenda/agenda-filters-form";
import { AgendaTabs } from "@/components/relance/agenda/agenda-tabs";
import { agendaChartRows, CHART_DAYS_AFTER, CHART_DAYS_BEFORE } from "@/db/queries/agenda-charts";
import { addDays } from "@/lib/dates";
import { loadAgendaFrame } from "../frame";

export const metadata: Metadata = { title: "Graphiques de relance" };

export default async function AgendaChartsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const frame = await loadAgendaFrame(searchParams);
  const rows = await agendaChartRows(frame.db, frame.scope, frame.filters, frame.today);
  return (
    <div className="space-y-4">
      <AgendaFiltersForm
        action="/relance/graphiques"
        search={frame.search}
        ownOnly={frame.scope.role === "collector"}
        entities={frame.entities}
        collectors={frame.collectors}
        customFields={frame.customFields}
      />
      <AgendaTabs current="charts" counts={frame.counts} query={frame.query} />
      <AgendaCharts
        rows={rows}
        from={frame.filters.from ?? addDays(frame.today, -CHART_DAYS_BEFORE)}
        to={frame.filters.to ?? addDays(frame.today, CHART_DAYS_AFTER)}
      />
    </div>
  );
}
