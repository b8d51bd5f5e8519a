"use client";

import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { chartColors } from "./bar-chart";

export type CalibrationPoint = { decile: number; predicted: number; observed: number };

export type CalibrationChartProps = {
  /** One series of points per name, drawn in this order. */
  series: { name: string; points: CalibrationPoint[] }[];
  className?: string;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
};

const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * Predicted probability against observed rate, one point per decile and series; points on the dashed diagonal are
 * perfectly calibrated, points above it were more often late than announced.
 */
export function CalibrationChart({ series, className, ariaLabel }: CalibrationChartProps) {
  return (
    <div className={cn("h-80 w-full text-xs", className)} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border, #e4e4e7)" />
          <XAxis
            type="number"
            dataKey="predicted"
            name="Prédit"
            domain={[0, 1]}
            ticks={ticks}
            tickFormatter={(v: number) => formatPercent(v)}
            tick={{ fill: "currentColor" }}
            label={{ value: "Probabilité de retard prédite", position: "insideBottom", offset: -10, fill: "currentColor" }}
          />
          <YAxis
            type="number"
            dataKey="observed"
            name="Observé"
            domain={[0, 1]}
            ticks={ticks}
            width={72}
            tickFormatter={(v: number) => formatPercent(v)}
            tick={{ fill: "currentColor" }}
            label={{ value: "Taux de retard observé", angle: -90, position: "insideLeft", style: { textAnchor: "middle" }, fill: "currentColor" }}
          />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#94a3b8" strokeDasharray="4 4" ifOverflow="visible" />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            formatter={(value, name) => [formatPercent(Number(value)), String(name)]}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Legend iconType="circle" iconSize={8} verticalAlign="top" wrapperStyle={{ paddingBottom: 8 }} />
          {series.map((s, i) => (
            <Scatter key={s.name} name={s.name} data={s.points} fill={chartColors[i % chartColors.length]} line isAnimationActive={false} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
