"use client";

import { Play } from "lucide-react";
import { useActionState } from "react";
import { runJobNowAction } from "@/app/(app)/parametrage/traitements/actions";
import { Button } from "@/components/ui/button";

export function RunJobButton({ jobId, label, jobName }: { jobId: string; label: string; jobName: string }) {
  const [state, action, pending] = useActionState(runJobNowAction, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="jobId" value={jobId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`${label} : ${jobName}`}>
        <Play className="size-4" aria-hidden="true" /> {pending ? "En cours…" : label}
      </Button>
      {state && (
        <span role="status" className={state.ok ? "text-sm text-success" : "text-sm text-destructive"}>
          {state.ok ? state.message : state.error}
        </span>
      )}
    </form>
  );
}
