"use client";

import { CalendarClock, UserRoundCog, XCircle } from "lucide-react";
import { cancelActionsAction, reassignActionsAction, rescheduleActionsAction } from "@/app/(app)/relance/(agenda)/actions";
import { Field, selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { InlineActionForm } from "./inline-action-form";

type Person = { id: string; name: string };

/** Reschedule, reassign (when allowed) and cancel one pending action, from its panel. */
export function ActionTools({
  actionId,
  plannedDate,
  minDate,
  people,
  closeHref,
}: {
  actionId: string;
  plannedDate: string;
  minDate: string;
  /** Null when the user may not reassign. */
  people: Person[] | null;
  closeHref: string;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <InlineActionForm action={rescheduleActionsAction} doneHref={closeHref} label="Replanifier" className="space-y-2">
        {(pending) => (
          <>
            <input type="hidden" name="ids[]" value={actionId} />
            <Field name="date" label="Replanifier au">
              {(props) => <Input type="date" min={minDate} defaultValue={plannedDate < minDate ? minDate : plannedDate} required {...props} />}
            </Field>
            <Button type="submit" variant="outline" size="sm" disabled={pending}>
              <CalendarClock className="size-4" aria-hidden="true" /> Replanifier
            </Button>
          </>
        )}
      </InlineActionForm>
      {people && (
        <InlineActionForm action={reassignActionsAction} doneHref={closeHref} label="Réattribuer" className="space-y-2">
          {(pending) => (
            <>
              <input type="hidden" name="ids[]" value={actionId} />
              <Field name="userId" label="Réattribuer à">
                {(props) => (
                  <select className={selectClassName} defaultValue="" {...props}>
                    <option value="">Choisir…</option>
                    {people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Button type="submit" variant="outline" size="sm" disabled={pending}>
                <UserRoundCog className="size-4" aria-hidden="true" /> Réattribuer
              </Button>
            </>
          )}
        </InlineActionForm>
      )}
      <InlineActionForm action={cancelActionsAction} doneHref={closeHref} label="Annuler l'action" className="space-y-2">
        {(pending) => (
          <>
            <input type="hidden" name="ids[]" value={actionId} />
            <Field name="reason" label="Motif d'annulation">
              {(props) => <Input placeholder="ex. Client en procédure" {...props} />}
            </Field>
            <Button type="submit" variant="outline" size="sm" disabled={pending} className="text-destructive">
              <XCircle className="size-4" aria-hidden="true" /> Annuler l&apos;action
            </Button>
          </>
        )}
      </InlineActionForm>
    </div>
  );
}
