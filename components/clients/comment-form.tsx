"use client";

import { startTransition, useActionState, useId, useRef } from "react";
import { addCommentAction } from "@/app/(app)/clients/[id]/actions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action";

/** Adds a comment to the client's history; Ctrl+Entrée (⌘+Entrée) publishes without leaving the keyboard. */
export function CommentForm({ clientId }: { clientId: string }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, data) => {
    const result = await addCommentAction(previous, data);
    if (result.ok) form.current?.reset();
    return result;
  }, null);
  const error = state && !state.ok ? (state.fieldErrors?.body?.[0] ?? state.error) : null;

  return (
    <form
      ref={form}
      className="space-y-2"
      onSubmit={(event) => {
        // Submitted by hand so a refused comment stays in the box (a form action clears it).
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <Label htmlFor={id}>Ajouter un commentaire</Label>
      <Textarea
        id={id}
        name="body"
        rows={3}
        maxLength={2000}
        required
        placeholder="Échange avec le client, information utile à l'équipe…"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status`}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <div className="flex items-center justify-between gap-3">
        <p id={`${id}-status`} role="status" className={error ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
          {error ?? (state?.ok ? state.message : "Ctrl + Entrée pour publier")}
        </p>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Publication…" : "Publier"}
        </Button>
      </div>
    </form>
  );
}
