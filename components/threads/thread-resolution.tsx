"use client";

import { useId, useState, useTransition } from "react";
import { reopenThreadAction, resolveThreadAction } from "@/app/(app)/discussions/actions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** « Marquer résolue » asks for a note saying how; « Rouvrir » takes the thread back. */
export function ThreadResolution({ threadId, resolved, onChanged }: { threadId: string; resolved: boolean; onChanged: () => void }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (call: () => ReturnType<typeof reopenThreadAction>) =>
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        setError(result.fieldErrors?.note?.[0] ?? result.error);
        return;
      }
      setEditing(false);
      setNote("");
      setError(null);
      onChanged();
    });

  if (resolved) {
    return (
      <Button variant="outline" size="sm" disabled={pending} onClick={() => run(() => reopenThreadAction(null, { threadId }))}>
        Rouvrir
      </Button>
    );
  }
  if (!editing) {
    return (
      <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
        Marquer résolue
      </Button>
    );
  }
  return (
    <form
      className="w-full space-y-2 rounded-md border p-3"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => resolveThreadAction(null, { threadId, note }));
      }}
    >
      <Label htmlFor={id}>Note de résolution</Label>
      <Textarea
        id={id}
        rows={2}
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Avoir émis, délai accordé…"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        autoFocus
      />
      <p id={`${id}-error`} className="text-xs text-destructive">
        {error}
      </p>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(false)}>
          Annuler
        </Button>
        <Button type="submit" size="sm" disabled={pending}>
          Résoudre
        </Button>
      </div>
    </form>
  );
}
