"use client";

import { FlaskConical } from "lucide-react";
import { useActionState } from "react";
import { runBacktestAction } from "@/app/(app)/parametrage/scoring/actions";
import { Button } from "@/components/ui/button";

export function RunBacktestButton() {
  const [state, action, pending] = useActionState(runBacktestAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" size="sm" disabled={pending}>
        <FlaskConical className="size-4" aria-hidden="true" /> {pending ? "Backtest en cours…" : "Lancer un backtest"}
      </Button>
      <span role="status" className={state && !state.ok ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
        {pending ? "Apprentissage et prédiction mois par mois sur les 12 derniers mois…" : state ? (state.ok ? state.message : state.error) : ""}
      </span>
    </form>
  );
}
