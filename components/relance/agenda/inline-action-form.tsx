"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState } from "react";
import { FieldErrorsContext } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/auth/action";

export type FormAction = (previous: ActionResult<undefined> | null, form: FormData) => Promise<ActionResult<undefined>>;

/**
 * A form bound to a server action, shown in place (no dialog): errors above it, and on success either the
 * message or a move to `doneHref` (closing the action panel, for instance).
 */
export function InlineActionForm({
  action,
  doneHref,
  onDone,
  className,
  label,
  children,
}: {
  action: FormAction;
  doneHref?: string;
  /** Called after a success, as a dialog holding the form closes itself. */
  onDone?: () => void;
  className?: string;
  label?: string;
  children: (pending: boolean) => React.ReactNode;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionResult<undefined> | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok && doneHref) router.replace(doneHref, { scroll: false });
    if (result.ok) onDone?.();
    return result;
  }, null);
  return (
    <form
      aria-label={label}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {state && !state.ok && (
        <Alert variant="destructive" role="alert" className="mb-3">
          <AlertDescription>{state.error}</AlertDescription>
        </Alert>
      )}
      {state?.ok && state.message && !doneHref && (
        <p role="status" className="mb-2 text-sm text-success">
          {state.message}
        </p>
      )}
      <FieldErrorsContext value={state && !state.ok ? (state.fieldErrors ?? {}) : {}}>{children(pending)}</FieldErrorsContext>
    </form>
  );
}
