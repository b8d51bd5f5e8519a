"use client";

import { Area, Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact } from "@/lib/format/fr";
import { cn } from "@/lib/utils";
import { chartColors } from "./bar-chart";

/** One period of a forecast: its label, the expected value and the interval around it. */
export type ForecastPoint = { label: string; expected: number; low: number; high: number };

export type ForecastChartProps = {
  data: ForecastPoint[];
  /** Legend names of the bars and of the band. */
  expectedLabel: string;
  bandLabel: string;
  className?: string;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
};

/** Expected values as bars over the shaded band of their interval, with French formats on the axis and tooltip. */
export function ForecastChart({ data, expectedLabel, bandLabel, className, ariaLabel }: ForecastChartProps) {
  const rows = data.map((p) => ({ ...p, band: [p.low, p.high] }));
  return (
    <div className={cn("h-72 w-full text-xs", className)} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border, #e4e4e7)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: "currentColor" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tickLine={false} axisLine={false} width={64} tick={{ fill: "currentColor" }} tickFormatter={(v: number) => formatMoneyCompact(v)} />
          <Tooltip
            cursor={{ fill: "rgba(113, 113, 122, 0.08)" }}
            formatter={(value, name) => [
              Array.isArray(value) ? `${formatMoney(Number(value[0]))} – ${formatMoney(Number(value[1]))}` : formatMoney(Number(value)),
              String(name),
            ]}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ paddingTop: 8 }} itemSorter={null} />
          <Area
            type="monotone"
            dataKey="band"
            name={bandLabel}
            stroke="none"
            fill={chartColors[0]}
            fillOpacity={0.15}
            activeDot={false}
            isAnimationActive={false}
          />
          <Bar dataKey="expected" name={expectedLabel} fill={chartColors[0]} radius={[3, 3, 0, 0]} maxBarSize={36} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
