import type { ScenarioStepRow } from "@/db/queries/scenarios";
import { formatMoney } from "@/lib/format/fr";
import { actionTypeLabels } from "@/lib/collection/labels";
import { actionModeLabels, offsetLabel } from "@/lib/scenarios/steps";
import { cn } from "@/lib/utils";
import { actionIcons, modeDotClasses } from "./scenario-step-style";

/** The template when it says more than the label, else the action type when it does. */
function detail(step: ScenarioStepRow): string | null {
  const same = (a: string) => a.trim().toLowerCase() === step.label.trim().toLowerCase();
  if (step.templateName && !same(step.templateName)) return `« ${step.templateName} »`;
  const type = actionTypeLabels[step.actionType];
  return same(type) ? null : type;
}

/** A scenario's steps as short lines: day, action (its icon, and its template when it sends one), mode and minimum amount. */
export function ScenarioStepList({ steps }: { steps: ScenarioStepRow[] }) {
  return (
    <ol className="divide-y rounded-md border text-sm" aria-label="Étapes">
      {steps.map((step) => {
        const Icon = actionIcons[step.actionType];
        return (
          <li key={step.id} className="flex items-center gap-3 px-3 py-1.5">
            <span className="w-11 shrink-0 font-semibold tabular">{offsetLabel(step.offsetDays)}</span>
            <Icon aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
            <span className="min-w-0 flex-1 truncate">
              {step.label}
              <span className="text-muted-foreground">
                {detail(step) && ` · ${detail(step)}`}
                {Number(step.minAmount) > 0 && ` · dès ${formatMoney(step.minAmount)}`}
              </span>
            </span>
            <span className="inline-flex shrink-0 items-center gap-1.5 text-xs text-muted-foreground">
              <span aria-hidden="true" className={cn("size-2 rounded-full", modeDotClasses[step.mode])} />
              {actionModeLabels[step.mode]}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
