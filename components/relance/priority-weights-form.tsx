"use client";

import { savePriorityWeightsAction } from "@/app/(app)/relance/(configuration)/priorite/actions";
import { Field } from "@/components/forms/field";
import { InlineActionForm } from "@/components/relance/agenda/inline-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatPoints, type PriorityWeights, priorityFactors } from "@/lib/relance/worklist-priority";

/** The weight of each factor of the worklist priority, in points per unit of the factor. */
export function PriorityWeightsForm({ weights }: { weights: PriorityWeights }) {
  return (
    <InlineActionForm action={savePriorityWeightsAction} label="Pondération de la priorité" className="space-y-4">
      {(pending) => (
        <>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
            {priorityFactors.map((f) => (
              <div key={f.key} className="space-y-1">
                <Field name={f.key} label={`${f.label} (points)`}>
                  {(props) => <Input {...props} inputMode="decimal" defaultValue={formatPoints(weights[f.key])} aria-describedby={[props["aria-describedby"], `${f.key}-unit`].filter(Boolean).join(" ")} className="max-w-32" />}
                </Field>
                <p id={`${f.key}-unit`} className="text-xs text-muted-foreground">
                  {f.unit}
                </p>
              </div>
            ))}
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Enregistrement…" : "Enregistrer"}
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}
