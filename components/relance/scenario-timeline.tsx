import { actionTypeLabels } from "@/lib/collection/labels";
import { actionModeLabels, actionModes, type ActionMode, type ActionType, offsetLabel } from "@/lib/scenarios/steps";
import { cn } from "@/lib/utils";
import { actionIcons, modeDotClasses, modeMarkerClasses } from "./scenario-step-style";

export type TimelineStep = { key: string | number; label: string; offsetDays: number; actionType: ActionType; mode: ActionMode };

/** Where each day falls on the axis, in percent: the due date and every step, with a margin on both sides. */
function scale(offsets: number[]) {
  const low = Math.min(0, ...offsets);
  const high = Math.max(0, ...offsets);
  const span = high - low || 10;
  const pad = span * 0.06;
  const from = high === low ? low - span / 2 : low - pad;
  const to = high === low ? high + span / 2 : high + pad;
  return (day: number) => ((day - from) / (to - from)) * 100;
}

const describe = (s: TimelineStep) => `${offsetLabel(s.offsetDays)} · ${actionTypeLabels[s.actionType]} · ${actionModeLabels[s.mode]}${s.label ? ` — ${s.label}` : ""}`;

/**
 * The steps drawn around the due date (J0 « Échéance »), placed in proportion to their offset.
 * `compact` is the list's version: markers and day labels only, the details in each marker's tooltip.
 */
export function ScenarioTimeline({ steps, compact = false, className }: { steps: TimelineStep[]; compact?: boolean; className?: string }) {
  const valid = steps.filter((s) => Number.isInteger(s.offsetDays) && Math.abs(s.offsetDays) <= 365);
  const at = scale(valid.map((s) => s.offsetDays));
  const marker = compact ? "size-6 [&>svg]:size-3.5" : "size-9 [&>svg]:size-4.5";

  return (
    <figure className={cn("w-full", className)}>
      <div className={cn("relative", compact ? "mx-3 h-14" : "mx-16 h-44")}>
        {/* the time axis: dashed before the due date, solid after */}
        <div aria-hidden="true" className="absolute top-1/2 -translate-y-1/2 border-t-2 border-dashed border-muted-foreground/35" style={{ left: 0, width: `${at(0)}%` }} />
        <div aria-hidden="true" className="absolute top-1/2 h-0.5 -translate-y-1/2 bg-muted-foreground/35" style={{ left: `${at(0)}%`, right: 0 }} />
        <div aria-hidden="true" className="absolute inset-y-0 w-px -translate-x-1/2 bg-foreground/50" style={{ left: `${at(0)}%` }} />
        <ol aria-label="Étapes du scénario">
          {valid.map((step, i) => {
            const Icon = actionIcons[step.actionType];
            const above = i % 2 === 0;
            return (
              <li key={step.key} className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2" style={{ left: `${at(step.offsetDays)}%` }} title={describe(step)}>
                <span className="sr-only">{describe(step)}</span>
                <span aria-hidden="true" className={cn("relative z-10 flex items-center justify-center rounded-full border shadow-sm", marker, modeMarkerClasses[step.mode])}>
                  <Icon />
                </span>
                {compact ? (
                  <span aria-hidden="true" className={cn("absolute left-1/2 -translate-x-1/2 rounded-sm bg-card px-0.5 text-[10px] leading-3 font-medium whitespace-nowrap tabular text-muted-foreground", above ? "bottom-full mb-0.5" : "top-full mt-0.5")}>
                    {offsetLabel(step.offsetDays)}
                  </span>
                ) : (
                  <span aria-hidden="true" className={cn("absolute left-1/2 flex w-32 -translate-x-1/2 flex-col items-center text-center", above ? "bottom-full mb-1.5" : "top-full mt-1.5 flex-col-reverse")}>
                    <span className="line-clamp-2 rounded-sm bg-card px-1 text-xs leading-tight text-muted-foreground">{step.label || actionTypeLabels[step.actionType]}</span>
                    <span className="rounded-sm bg-card px-1 text-sm font-semibold tabular">{offsetLabel(step.offsetDays)}</span>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
      {/* the due date's label sits under the drawing, where no step label can cover it */}
      <div aria-hidden="true" className={cn("relative", compact ? "mx-3 h-3" : "mx-16 h-5")}>
        <span
          className={cn("absolute top-0 -translate-x-1/2 font-semibold whitespace-nowrap tabular", compact ? "text-[10px] leading-3 text-muted-foreground" : "text-xs")}
          style={{ left: `${at(0)}%` }}
        >
          {compact ? "J0" : "J0 · Échéance"}
        </span>
      </div>
      {!compact && (
        <figcaption className="mt-2 flex flex-wrap justify-center gap-x-5 gap-y-1 text-xs text-muted-foreground">
          {actionModes.map((mode) => (
            <span key={mode} className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className={cn("size-2.5 rounded-full", modeDotClasses[mode])} />
              {actionModeLabels[mode]}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
