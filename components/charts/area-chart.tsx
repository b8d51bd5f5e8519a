"use client";

import { Area, CartesianGrid, Legend, AreaChart as RechartsAreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact, formatPercent } from "@/lib/format/fr";
import { formatDays } from "@/lib/kpi/display";
import { cn } from "@/lib/utils";
import { chartColors } from "./bar-chart";

/** A row of the chart: the x label and one number per series; null leaves a gap (nothing recorded). */
export type AreaChartRow = Record<string, string | number | null>;

export type AreaChartProps = {
  data: AreaChartRow[];
  /** Key of the x-axis label in each row. */
  index: string;
  /** Keys of the series, drawn in this order. */
  categories: string[];
  /** Series name shown in the legend and tooltip, by key. */
  labels?: Record<string, string>;
  colors?: string[];
  /** Euros (full in the tooltip, compact on the axis), days (« 46,3 j ») or ratios as percents: a server page cannot pass formatters. */
  unit?: "money" | "days" | "percent";
  className?: string;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
};

const formatters: Record<NonNullable<AreaChartProps["unit"]>, [(v: number) => string, (v: number) => string]> = {
  money: [(v) => formatMoney(v), (v) => formatMoneyCompact(v)],
  days: [formatDays, (v) => `${v} j`],
  percent: [(v) => formatPercent(v), (v) => formatPercent(v)],
};

/** Filled lines over time, one per category, with French formats on the axis and tooltip. */
export function AreaChart({
  data,
  index,
  categories,
  labels = {},
  colors = [...chartColors],
  unit = "money",
  className,
  ariaLabel,
}: AreaChartProps) {
  const [valueFormatter, axisFormatter] = formatters[unit];
  return (
    <div className={cn("h-72 w-full text-xs", className)} role="img" aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsAreaChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <defs>
            {categories.map((key, i) => (
              <linearGradient key={key} id={`area-fill-${key}`} x1="0" y1="0" x2="0" y2="1">
                <stop offset="5%" stopColor={colors[i % colors.length]} stopOpacity={0.3} />
                <stop offset="95%" stopColor={colors[i % colors.length]} stopOpacity={0.02} />
              </linearGradient>
            ))}
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border, #e4e4e7)" />
          <XAxis dataKey={index} tickLine={false} axisLine={false} tick={{ fill: "currentColor" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tickLine={false} axisLine={false} width={64} tick={{ fill: "currentColor" }} tickFormatter={(v: number) => axisFormatter(v)} />
          <Tooltip
            formatter={(value, name) => [value === null || value === undefined ? "—" : valueFormatter(Number(value)), String(name)]}
            contentStyle={{ borderRadius: 8, fontSize: 12 }}
          />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ paddingTop: 8 }} itemSorter={null} />
          {categories.map((key, i) => (
            <Area
              key={key}
              type="monotone"
              dataKey={key}
              name={labels[key] ?? key}
              stroke={colors[i % colors.length]}
              strokeWidth={2}
              fill={`url(#area-fill-${key})`}
              dot={{ r: 2 }}
              activeDot={{ r: 4 }}
              isAnimationActive={false}
            />
          ))}
        </RechartsAreaChart>
      </ResponsiveContainer>
    </div>
  );
}
