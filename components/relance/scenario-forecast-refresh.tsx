"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { refreshForecastAction } from "@/app/(app)/relance/(configuration)/scenarios/actions";
import { Button } from "@/components/ui/button";

/** « Recalculer », and while a new forecast is on its way, the page reloaded every few seconds until it is there. */
export function ScenarioForecastRefresh({ computing }: { computing: boolean }) {
  const router = useRouter();
  const [state, action, sending] = useActionState(refreshForecastAction, null);
  useEffect(() => {
    if (!computing) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [computing, router]);
  return (
    <form action={action} className="flex items-center gap-3">
      <Button type="submit" variant="outline" size="sm" disabled={sending || computing}>
        <RefreshCw className={computing ? "size-4 animate-spin motion-reduce:animate-none" : "size-4"} aria-hidden="true" />
        {computing ? "Calcul en cours…" : "Recalculer"}
      </Button>
      {state && !state.ok && (
        <span role="status" className="text-sm text-destructive">
          {state.error}
        </span>
      )}
    </form>
  );
}
