"use client";

import { AlertTriangle, CircleCheck } from "lucide-react";
import { startTransition, useActionState } from "react";
import { closeDisputesAction, flagDisputesAction } from "@/app/(app)/pieces/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * Wraps the Pièces table: the ticked documents are flagged as disputed with one reason, in one go — or, when the
 * list shows disputed documents, their disputes are lifted.
 */
export function BulkDisputeForm({ mode, children }: { mode: "flag" | "close"; children: React.ReactNode }) {
  const [state, action, pending] = useActionState(mode === "flag" ? flagDisputesAction : closeDisputesAction, null);
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
        {mode === "flag" ? (
          <>
            <AlertTriangle className="size-4 text-warning-foreground" aria-hidden="true" />
            <Input name="reason" aria-label="Motif du litige" placeholder="Motif du litige pour les pièces cochées" className="max-w-sm" />
          </>
        ) : (
          <CircleCheck className="size-4 text-success" aria-hidden="true" />
        )}
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? "Enregistrement…" : mode === "flag" ? "Marquer en litige" : "Lever le litige des pièces cochées"}
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
