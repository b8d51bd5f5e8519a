"use client";

import { rescheduleActionsAction } from "@/app/(app)/relance/(agenda)/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { InlineActionForm } from "./inline-action-form";

/** A date and a button: moves one pending action, from the fiche client. */
export function RescheduleInline({ actionId, plannedDate, minDate, label }: { actionId: string; plannedDate: string; minDate: string; label: string }) {
  return (
    <InlineActionForm action={rescheduleActionsAction} label={`Replanifier ${label}`}>
      {(pending) => (
        <div className="flex items-center gap-2">
          <input type="hidden" name="ids[]" value={actionId} />
          <Input type="date" name="date" min={minDate} defaultValue={plannedDate < minDate ? minDate : plannedDate} aria-label={`Nouvelle date pour ${label}`} className="h-8 w-36" required />
          <Button type="submit" size="sm" variant="outline" disabled={pending}>
            Replanifier
          </Button>
        </div>
      )}
    </InlineActionForm>
  );
}
