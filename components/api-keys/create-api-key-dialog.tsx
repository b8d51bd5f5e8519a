"use client";

import { KeyRound } from "lucide-react";
import { startTransition, useActionState, useState } from "react";
import { Field, FieldErrorsContext, selectClassName } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action";
import { type Role, roleLabels } from "@/lib/auth/roles";
import type { CreatedApiKey } from "./key-input";
import { TokenReveal } from "./token-reveal";

type CreateAction = (previous: ActionResult<CreatedApiKey> | null, form: FormData) => Promise<ActionResult<CreatedApiKey>>;
type Owner = { id: string; name: string; role: Role };
type Answer = { opening: number; result: ActionResult<CreatedApiKey> };

/**
 * Creates a key, then shows its token in the same dialog until it is closed. `owners` (administrators only) adds the
 * choice of the person the key acts as.
 */
export function CreateApiKeyDialog({ action, owners, minDate }: { action: CreateAction; owners?: Owner[]; minDate: string }) {
  const [open, setOpen] = useState(false);
  // Each opening is numbered and each answer carries the number it was asked for: reopening starts a new form,
  // and never shows the token of a previous opening.
  const [opening, setOpening] = useState(0);
  const [state, formAction, pending] = useActionState<Answer | null, { form: FormData; opening: number }>(
    async (_previous, asked) => ({ opening: asked.opening, result: await action(null, asked.form) }),
    null,
  );
  const answer = state?.opening === opening ? state.result : null;
  const created = answer?.ok ? answer.data : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setOpening((n) => n + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <KeyRound aria-hidden="true" /> Nouvelle clé
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{created ? "Clé créée" : "Nouvelle clé d'API"}</DialogTitle>
          <DialogDescription>
            {created
              ? `La clé « ${created.name} » (${created.prefix}) est active.`
              : "La clé agit au nom de son titulaire, avec son rôle et son portefeuille, jusqu'à sa révocation ou son expiration."}
          </DialogDescription>
        </DialogHeader>
        {created ? (
          <>
            <TokenReveal created={created} />
            <DialogFooter>
              <DialogClose asChild>
                <Button>J&apos;ai copié la clé</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              startTransition(() => formAction({ form, opening }));
            }}
          >
            {answer && !answer.ok && (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{answer.error}</AlertDescription>
              </Alert>
            )}
            <FieldErrorsContext value={answer && !answer.ok ? (answer.fieldErrors ?? {}) : {}}>
              {owners && (
                <Field name="userId" label="Titulaire">
                  {(p) => (
                    <select {...p} defaultValue="" className={selectClassName} required>
                      <option value="" disabled>
                        Choisir…
                      </option>
                      {owners.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name} ({roleLabels[o.role]})
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
              <Field name="name" label="Nom de la clé">
                {(p) => <Input {...p} required maxLength={80} placeholder="Ex. : Tableau de bord Power BI" autoComplete="off" />}
              </Field>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="readOnly" value="on" className="mt-0.5 size-4 accent-primary" />
                <span>
                  Lecture seule
                  <span className="block text-xs text-muted-foreground">La clé lit les données mais ne peut rien créer ni modifier.</span>
                </span>
              </label>
              <Field name="expiresOn" label="Valable jusqu'au (facultatif, inclus)">
                {(p) => <Input {...p} type="date" min={minDate} />}
              </Field>
            </FieldErrorsContext>
            <DialogFooter>
              <Button type="submit" disabled={pending}>
                {pending ? "Création…" : "Créer la clé"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
