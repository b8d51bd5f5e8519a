import { cn } from "@/lib/utils";

export type BarSegment = { label: string; value: number; className: string; formatted: string };

/** One horizontal bar split into segments proportional to their values, with a legend. */
export function StackedBar({ segments, className }: { segments: BarSegment[]; className?: string }) {
  const total = segments.reduce((sum, s) => sum + Math.max(s.value, 0), 0);
  return (
    <div className={cn("space-y-3", className)}>
      <div className="flex h-4 w-full overflow-hidden rounded-full bg-muted" role="img" aria-label="Répartition">
        {total > 0 &&
          segments.map((s) => (
            <div
              key={s.label}
              className={s.className}
              style={{ width: `${(Math.max(s.value, 0) / total) * 100}%` }}
              title={`${s.label} : ${s.formatted}`}
            />
          ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {segments.map((s) => (
          <li key={s.label} className="flex items-center gap-1.5">
            <span className={cn("size-2.5 rounded-sm", s.className)} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
