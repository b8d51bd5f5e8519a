"use client";

import { useState, useTransition } from "react";
import { cancelPaymentPlanAction } from "@/app/(app)/clients/[id]/payment-plan-actions";
import { Button } from "@/components/ui/button";

/** Cancels an échéancier after a second click: its pièces go back to the scenario at the next evaluation. */
export function CancelPaymentPlanButton({ planId }: { planId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
        Annuler l&apos;échéancier
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span>Ses pièces seront de nouveau relancées.</span>
      <Button
        variant="destructive"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await cancelPaymentPlanAction(null, { planId });
            if (!result.ok) setError(result.error);
          })
        }
      >
        Confirmer l&apos;annulation
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Garder
      </Button>
      {error && <p className="text-destructive">{error}</p>}
    </div>
  );
}
