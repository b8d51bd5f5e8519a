"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteScenarioAction } from "@/app/(app)/relance/(configuration)/scenarios/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/** Supprimer, after a confirmation; the refusal when groups still use the scenario is shown in the dialog. */
export function ScenarioDeleteButton({ id, name, iconOnly = false, redirectTo }: { id: string; name: string; iconOnly?: boolean; redirectTo?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await deleteScenarioAction(null, { id });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      if (redirectTo) router.push(redirectTo);
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(value) => {
        setOpen(value);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        {iconOnly ? (
          <Button variant="ghost" size="icon" aria-label={`Supprimer « ${name} »`} title="Supprimer">
            <Trash2 aria-hidden="true" />
          </Button>
        ) : (
          <Button variant="outline">
            <Trash2 aria-hidden="true" /> Supprimer
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Supprimer le scénario « {name} » ?</DialogTitle>
          <DialogDescription>Ses étapes seront supprimées avec lui ; cette opération est définitive.</DialogDescription>
        </DialogHeader>
        {error && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="ghost">Annuler</Button>
          </DialogClose>
          <Button variant="destructive" disabled={pending || Boolean(error)} onClick={confirm}>
            {pending ? "Suppression…" : "Supprimer"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
