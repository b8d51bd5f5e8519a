"use client";

import { startTransition, useActionState } from "react";
import { saveScoringAction } from "@/app/(app)/parametrage/scoring/actions";
import { Field, FieldErrorsContext } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action";

export function GraceDaysForm({ graceDays }: { graceDays: number }) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(saveScoringAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        // Submitting by hand keeps what was typed when the server refuses it.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <FieldErrorsContext value={errors}>
        <div className="w-48">
          <Field name="graceDays" label="Délai de grâce (jours)">
            {(p) => <Input {...p} type="number" inputMode="numeric" min={0} max={60} step={1} defaultValue={graceDays} />}
          </Field>
        </div>
      </FieldErrorsContext>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer"}
      </Button>
      {state && (
        <p role="status" className={state.ok ? "text-sm text-success" : "text-sm text-destructive"}>
          {state.ok ? state.message : state.error}
        </p>
      )}
    </form>
  );
}
