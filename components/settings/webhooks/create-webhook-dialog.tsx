"use client";

import { Copy, Plus } from "lucide-react";
import { startTransition, useActionState, useState } from "react";
import { createWebhookAction } from "@/app/(app)/parametrage/webhooks/actions";
import { Field, FieldErrorsContext } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action";
import { webhookEventLabels, webhookEventsInOrder } from "@/lib/webhooks/labels";

type Created = { id: string; secret: string };

/** The subscription form, then — once created — its secret, shown this one time for the receiver to verify signatures. */
export function CreateWebhookDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden="true" /> Nouvel abonnement
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        {/* Unmounted when the dialog closes: the secret is gone for good and the next opening starts blank. */}
        <CreateWebhookBody onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function CreateWebhookBody({ onDone }: { onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const [state, formAction, pending] = useActionState<ActionResult<Created> | null, FormData>(createWebhookAction, null);
  const created = state?.ok ? state.data : null;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <>
      {created ? (
        <>
          <DialogHeader>
            <DialogTitle>Abonnement créé</DialogTitle>
            <DialogDescription>
              Copiez ce secret dans le service qui reçoit les événements : il sert à vérifier la signature de chaque envoi. Il ne sera plus affiché.
            </DialogDescription>
          </DialogHeader>
          <div className="space-y-2">
            <label htmlFor="webhook-secret" className="text-sm font-medium">
              Secret de signature
            </label>
            <div className="flex gap-2">
              <Input id="webhook-secret" readOnly value={created.secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <Button
                type="button"
                variant="outline"
                onClick={() => navigator.clipboard?.writeText(created.secret).then(() => setCopied(true), () => setCopied(false))}
              >
                <Copy className="size-4" aria-hidden="true" /> Copier
              </Button>
            </div>
            <p role="status" className="text-xs text-muted-foreground">
              {copied ? "Secret copié." : "En-tête Encaisse-Signature : t=<horodatage>,v1=<HMAC-SHA256 de « t.corps » en hexadécimal>."}
            </p>
          </div>
          <DialogFooter>
            <Button type="button" onClick={onDone}>
              J&apos;ai copié le secret
            </Button>
          </DialogFooter>
        </>
      ) : (
        <>
          <DialogHeader>
            <DialogTitle>Nouvel abonnement</DialogTitle>
            <DialogDescription>Encaisse enverra en POST, signé, chaque événement choisi à cette adresse.</DialogDescription>
          </DialogHeader>
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              startTransition(() => formAction(data));
            }}
          >
            {state && !state.ok && (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{state.error}</AlertDescription>
              </Alert>
            )}
            <FieldErrorsContext value={errors}>
              <Field name="url" label="Adresse de réception (URL)">
                {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://erp.exemple.fr/webhooks/encaisse" required />}
              </Field>
              <Field name="description" label="Description (facultative)">
                {(p) => <Input {...p} maxLength={200} placeholder="ERP – rapprochement des règlements" />}
              </Field>
            </FieldErrorsContext>
            <fieldset className="space-y-1.5" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
              <legend className="text-sm font-medium">Événements</legend>
              <div className="grid gap-1.5 sm:grid-cols-2">
                {webhookEventsInOrder.map((event) => (
                  <label key={event} className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="events[]" value={event} className="mt-0.5 size-4 accent-primary" />
                    <span>
                      {webhookEventLabels[event]}
                      <span className="block font-mono text-xs text-muted-foreground">{event}</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.events && (
                <p id="webhook-events-error" className="text-xs text-destructive">
                  {errors.events[0]}
                </p>
              )}
            </fieldset>
            <DialogFooter>
              <Button type="submit" disabled={pending}>
                {pending ? "Enregistrement…" : "Créer l'abonnement"}
              </Button>
            </DialogFooter>
          </form>
        </>
      )}
    </>
  );
}
