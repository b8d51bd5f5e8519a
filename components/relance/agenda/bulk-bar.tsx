"use client";

import { CalendarClock, CheckCheck, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelActionsAction, confirmActionsAction, rescheduleActionsAction } from "@/app/(app)/relance/(agenda)/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action";
import { formatInteger } from "@/lib/format/fr";
import { cn } from "@/lib/utils";

/** What can be done to the selected automatic actions; « tout ce qui correspond » only confirms. */
export function BulkBar({
  ids,
  allMatching,
  total,
  query,
  canConfirm,
  minDate,
  onDone,
}: {
  ids: string[];
  allMatching: boolean;
  total: number;
  query: string;
  canConfirm: boolean;
  minDate: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const count = allMatching ? total : ids.length;

  const run = (call: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const outcome = await call();
      setResult(outcome);
      if (outcome.ok) {
        onDone();
        router.refresh();
      }
    });

  const message = result && (
    <p role={result.ok ? "status" : "alert"} className={cn("text-sm", result.ok ? "text-success" : "text-destructive")}>
      {result.ok ? result.message : result.error}
    </p>
  );
  if (count === 0) return message;

  return (
    <div role="region" aria-label="Actions sur la sélection" className="flex flex-wrap items-center gap-3 rounded-lg border bg-muted/50 p-3">
      <p className="text-sm font-medium">
        {formatInteger(count)} action{count > 1 ? "s" : ""} sélectionnée{count > 1 ? "s" : ""}
        {allMatching && " (tout ce qui correspond aux filtres)"}
      </p>
      {canConfirm && (
        <Button size="sm" disabled={pending} onClick={() => run(() => confirmActionsAction(null, allMatching ? { all: "1", query } : { ids }))}>
          <CheckCheck className="size-4" aria-hidden="true" /> Confirmer
        </Button>
      )}
      {!allMatching && (
        <>
          <div className="flex items-center gap-2">
            <Input type="date" aria-label="Nouvelle date" min={minDate} value={date} onChange={(e) => setDate(e.target.value)} className="h-8 w-40" />
            <Button size="sm" variant="outline" disabled={pending || !date} onClick={() => run(() => rescheduleActionsAction(null, { ids, date }))}>
              <CalendarClock className="size-4" aria-hidden="true" /> Replanifier
            </Button>
          </div>
          <div className="flex items-center gap-2">
            <Input aria-label="Motif d'annulation" placeholder="Motif d'annulation" value={reason} onChange={(e) => setReason(e.target.value)} className="h-8 w-52" />
            <Button size="sm" variant="outline" className="text-destructive" disabled={pending || !reason.trim()} onClick={() => run(() => cancelActionsAction(null, { ids, reason }))}>
              <XCircle className="size-4" aria-hidden="true" /> Annuler
            </Button>
          </div>
        </>
      )}
      {message}
    </div>
  );
}
