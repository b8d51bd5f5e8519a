"use client";

import { AreaChart } from "@/components/charts/area-chart";
import { formatDate, formatPercent } from "@/lib/format/fr";

/** The client's probability of paying late, day by day, as scored each night. */
export function ScoreHistoryChart({ history }: { history: { scoredOn: string; pLate: number }[] }) {
  const data = history.map((h) => ({ day: formatDate(h.scoredOn).slice(0, 5), pLate: h.pLate }));
  const first = history[0];
  const last = history[history.length - 1];
  return (
    <AreaChart
      data={data}
      index="day"
      categories={["pLate"]}
      labels={{ pLate: "Probabilité de retard" }}
      unit="percent"
      className="h-40"
      ariaLabel={`Probabilité de retard du ${formatDate(first.scoredOn)} au ${formatDate(last.scoredOn)} : de ${formatPercent(first.pLate)} à ${formatPercent(last.pLate)}`}
    />
  );
}
