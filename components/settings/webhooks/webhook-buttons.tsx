"use client";

import { Power, RotateCw, Trash2 } from "lucide-react";
import { useActionState } from "react";
import { deleteWebhookAction, replayWebhookAction, setWebhookActiveAction } from "@/app/(app)/parametrage/webhooks/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { Button } from "@/components/ui/button";

function Outcome({ state }: { state: { ok: boolean; message?: string; error?: string } | null }) {
  if (!state) return null;
  return (
    <span role="status" className={state.ok ? "text-xs text-success" : "text-xs text-destructive"}>
      {state.ok ? state.message : state.error}
    </span>
  );
}

export function ToggleWebhookButton({ id, active, url }: { id: string; active: boolean; url: string }) {
  const [state, action, pending] = useActionState(setWebhookActiveAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`${active ? "Désactiver" : "Réactiver"} l'abonnement ${url}`}>
        <Power className="size-4" aria-hidden="true" /> {active ? "Désactiver" : "Réactiver"}
      </Button>
      {state && !state.ok && <Outcome state={state} />}
    </form>
  );
}

/** `compact`: the icon alone (its name stays for assistive technology), where a table row is short of room. */
export function DeleteWebhookButton({ id, url, compact = false }: { id: string; url: string; compact?: boolean }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size={compact ? "icon" : "sm"} aria-label={`Supprimer l'abonnement ${url}`} title="Supprimer">
          <Trash2 className="size-4" aria-hidden="true" />
          {!compact && " Supprimer"}
        </Button>
      }
      title="Supprimer l'abonnement ?"
      description={`${url} ne recevra plus aucun événement ; son journal d'envois est supprimé avec lui.`}
      submitLabel="Supprimer"
      destructive
      action={deleteWebhookAction}
    >
      <input type="hidden" name="id" value={id} />
    </ActionDialog>
  );
}

export function ReplayButton({ id, event }: { id: string; event: string }) {
  const [state, action, pending] = useActionState(replayWebhookAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} aria-label={`Renvoyer l'événement ${event}`}>
        <RotateCw className="size-4" aria-hidden="true" /> {pending ? "Envoi…" : "Renvoyer"}
      </Button>
      <Outcome state={state} />
    </form>
  );
}
