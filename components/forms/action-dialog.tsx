"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/auth/action";
import { FieldErrorsContext } from "./field";

type FormAction = (previous: ActionResult<undefined> | null, form: FormData) => Promise<ActionResult<undefined>>;

/** A dialog holding one form bound to a server action; it closes itself when the action succeeds. */
export function ActionDialog({
  trigger,
  title,
  description,
  submitLabel,
  action,
  children,
  destructive = false,
}: {
  trigger: React.ReactNode;
  title: string;
  description?: string;
  submitLabel: string;
  action: FormAction;
  children: React.ReactNode;
  destructive?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<ActionResult<undefined> | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) setOpen(false);
    return result;
  }, null);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          {description && <DialogDescription>{description}</DialogDescription>}
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            // Submitting by hand keeps what the user typed when the server answers with errors
            // (a form `action` resets the fields after every submission).
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            startTransition(() => formAction(data));
          }}
        >
          {state && !state.ok && (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{state.error}</AlertDescription>
            </Alert>
          )}
          <FieldErrorsContext value={state && !state.ok ? (state.fieldErrors ?? {}) : {}}>{children}</FieldErrorsContext>
          <DialogFooter>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
              {pending ? "Enregistrement…" : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
