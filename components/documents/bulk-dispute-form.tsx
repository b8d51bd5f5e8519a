"use client";

import { AlertTriangle } from "lucide-react";
import { startTransition, useActionState } from "react";
import { flagDisputesAction } from "@/app/(app)/pieces/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Wraps the Pièces table: the ticked documents are flagged as disputed, with one reason, in one go. */
export function BulkDisputeForm({ children }: { children: React.ReactNode }) {
  const [state, action, pending] = useActionState(flagDisputesAction, null);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        // Submitted by hand so the ticks survive a refusal (a form action would clear them).
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <div className="flex flex-wrap items-center gap-3 rounded-lg border bg-card p-3">
        <AlertTriangle className="size-4 text-warning-foreground" aria-hidden="true" />
        <Input name="reason" aria-label="Motif du litige" placeholder="Motif du litige pour les pièces cochées" className="max-w-sm" />
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? "Enregistrement…" : "Marquer en litige"}
        </Button>
        {state && (
          <span role="status" className={state.ok ? "text-sm text-success" : "text-sm text-destructive"}>
            {state.ok ? state.message : (Object.values(state.fieldErrors ?? {})[0]?.[0] ?? state.error)}
          </span>
        )}
      </div>
      {children}
    </form>
  );
}
