"use client";

import { Bar, BarChart as RechartsBarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cn } from "@/lib/utils";

/** Series colours, in order; chosen to stay apart for the colour-blind and in greyscale screenshots. */
export const chartColors = ["#2563eb", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#0ea5e9", "#64748b"] as const;

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

export type ChartRow = Record<string, string | number>;

export type BarChartProps = {
  data: ChartRow[];
  /** Key of the x-axis label in each row. */
  index: string;
  /** Keys of the series, drawn in this order. */
  categories: string[];
  /** Series name shown in the legend and tooltip, by key. */
  labels?: Record<string, string>;
  stacked?: boolean;
  /** One colour per category, when the series have meanings of their own (done in green, late in red…). */
  colors?: string[];
  valueFormatter?: (value: number) => string;
  className?: string;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
};

/** Vertical bars, one group or stack per row of `data`, with French number formats on the axis and tooltip. */
export function BarChart({
  data,
  index,
  categories,
  labels = {},
  stacked = false,
  colors = [...chartColors],
  valueFormatter = (v) => integer.format(v),
  className,
  ariaLabel,
}: BarChartProps) {
  return (
    <div className={cn("h-72 w-full text-xs", className)} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border, #e4e4e7)" />
          <XAxis dataKey={index} tickLine={false} axisLine={false} tick={{ fill: "currentColor" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tickLine={false} axisLine={false} width={56} tick={{ fill: "currentColor" }} tickFormatter={(v: number) => valueFormatter(v)} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: "rgba(113, 113, 122, 0.08)" }}
            formatter={(value, name) => [valueFormatter(Number(value)), String(name)]}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ paddingTop: 8 }} itemSorter={null} />
          {categories.map((key, i) => (
            <Bar
              key={key}
              dataKey={key}
              name={labels[key] ?? key}
              stackId={stacked ? "stack" : undefined}
              fill={colors[i % colors.length]}
              radius={stacked && i < categories.length - 1 ? 0 : [3, 3, 0, 0]}
              maxBarSize={36}
              isAnimationActive={false}
            />
          ))}
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
